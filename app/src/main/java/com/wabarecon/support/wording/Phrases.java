package com.wabarecon.support.wording;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * Phrases as they are stored beside the text they were worded to ({@code recon_line.reason_phrases}):
 * a JSON array of {@code {"k": key, "a": [arguments]}}, each argument a string of its type's
 * letter and value ({@code "c:2400"}, {@code "s:0.27"}, {@code "t:EUR"}) or a phrase. Values are
 * kept exact (plain decimals, ISO dates), so that a statement can word them in any language
 * later. Thread-safe.
 */
public final class Phrases {

	private static final ObjectMapper JSON = new ObjectMapper();

	private Phrases() {
	}

	/** The phrases as stored; {@code null} when there are none. */
	public static String encode(List<Phrase> phrases) {
		if (phrases.isEmpty()) {
			return null;
		}
		ArrayNode array = JSON.createArrayNode();
		phrases.forEach(phrase -> array.add(node(phrase)));
		return array.toString();
	}

	/** The stored phrases; none for {@code null}. */
	public static List<Phrase> decode(String stored) {
		if (stored == null || stored.isBlank()) {
			return List.of();
		}
		try {
			List<Phrase> phrases = new ArrayList<>();
			JSON.readTree(stored).forEach(node -> phrases.add(phrase(node)));
			return phrases;
		}
		catch (JsonProcessingException ex) {
			throw new IllegalArgumentException("stored phrases are not JSON: " + ex.getOriginalMessage(), ex);
		}
	}

	private static ObjectNode node(Phrase phrase) {
		ObjectNode node = JSON.createObjectNode();
		node.put("k", phrase.key());
		ArrayNode args = node.putArray("a");
		for (Arg arg : phrase.args()) {
			if (arg instanceof Phrase nested) {
				args.add(node(nested));
			}
			else {
				args.add(text(arg));
			}
		}
		return node;
	}

	private static String text(Arg arg) {
		if (arg instanceof Arg.Count count) {
			return (count.signed() ? "d:" : "c:") + count.value();
		}
		if (arg instanceof Arg.Amount amount) {
			return (amount.signed() ? "s:" : "a:") + amount.value().toPlainString();
		}
		if (arg instanceof Arg.Decimal decimal) {
			return "x:" + decimal.value().toPlainString();
		}
		if (arg instanceof Arg.Text text) {
			return "t:" + text.value();
		}
		if (arg instanceof Arg.Month month) {
			return "m:" + month.value();
		}
		return "D:" + ((Arg.Day) arg).value();
	}

	private static Phrase phrase(JsonNode node) {
		List<Arg> args = new ArrayList<>();
		for (JsonNode arg : node.path("a")) {
			args.add(arg.isObject() ? phrase(arg) : arg(arg.asText()));
		}
		return new Phrase(node.path("k").asText(), args);
	}

	private static Arg arg(String text) {
		String value = text.substring(2);
		return switch (text.charAt(0)) {
			case 'c' -> Phrase.count(Long.parseLong(value));
			case 'd' -> Phrase.signed(Long.parseLong(value));
			case 'a' -> Phrase.amount(new BigDecimal(value));
			case 's' -> Phrase.signed(new BigDecimal(value));
			case 'x' -> Phrase.decimal(new BigDecimal(value));
			case 't' -> Phrase.text(value);
			case 'm' -> Phrase.month(YearMonth.parse(value));
			case 'D' -> Phrase.day(LocalDate.parse(value));
			default -> throw new IllegalArgumentException("stored phrase argument of unknown type: " + text);
		};
	}

}
