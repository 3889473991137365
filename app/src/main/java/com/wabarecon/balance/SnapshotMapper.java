package com.wabarecon.balance;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.Locale;
import java.util.function.Supplier;

import com.fasterxml.jackson.databind.JsonNode;
import com.wabarecon.importing.FieldChecks;
import com.wabarecon.importing.RowProblems;

import org.springframework.batch.infrastructure.item.ItemProcessor;

/**
 * A balance snapshot (the Partner API's "Get Channel Balance", taken at the end of the month):
 * its channel ({@code channel_id}, else the file's name) must be a DIRECT channel of the
 * directory, its {@code balance} a number and its {@code currency} the channel's;
 * {@code last_renewal} ({@code amount}, {@code date}) is kept when present. Other fields are not
 * looked at. One instance per step execution; not thread-safe.
 */
class SnapshotMapper implements ItemProcessor<SnapshotFileReader.Document, BalanceRows.SnapshotRow> {

	private final String month;

	private final Supplier<DirectChannels> directory;

	private DirectChannels known;

	SnapshotMapper(String month, Supplier<DirectChannels> directory) {
		this.month = month;
		this.directory = directory;
	}

	@Override
	public BalanceRows.SnapshotRow process(SnapshotFileReader.Document document) {
		known = known == null ? directory.get() : known;
		JsonNode json = document.json();
		String channelId = json.hasNonNull("channel_id") ? json.get("channel_id").asText() : document.nameChannel();
		String currency = text(json, "currency").toUpperCase(Locale.ROOT);
		RowProblems problems = new RowProblems().add(known.problem(channelId))
			.add(FieldChecks.currency("currency", currency));
		BigDecimal balance = number(json, "balance", true, problems);
		JsonNode renewal = json.path("last_renewal");
		BigDecimal renewalAmount = renewal.isObject() ? number(renewal, "amount", false, problems) : null;
		Instant renewalAt = renewal.isObject()
				? BalanceFields.instant("last_renewal.date", text(renewal, "date"), false, problems) : null;
		if (problems.isEmpty()) {
			problems.add(known.currencyProblem(channelId, currency));
		}
		problems.throwIfAny(document.source());
		return new BalanceRows.SnapshotRow(month, channelId, balance, currency, renewalAmount, renewalAt,
				document.source());
	}

	private static String text(JsonNode json, String field) {
		return json.hasNonNull(field) ? json.get(field).asText().strip() : "";
	}

	private static BigDecimal number(JsonNode json, String field, boolean required, RowProblems problems) {
		JsonNode value = json.get(field);
		if (value == null || value.isNull()) {
			problems.add(required ? field + " is missing" : null);
			return null;
		}
		if (!value.isNumber()) {
			problems.add(field + " '" + value.asText() + "' is not a number");
			return null;
		}
		return value.decimalValue();
	}

}
