package com.wabarecon.statement;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.ResourceBundle;

import com.wabarecon.rules.Money;
import com.wabarecon.support.wording.Wording;

import org.springframework.context.MessageSource;
import org.springframework.context.support.MessageSourceResourceBundle;

/**
 * What one statement says in its client's language (the bundles' {@code statement.*},
 * {@code status.*}, {@code category.*} keys, English the fallback): labels, statuses,
 * categories, the lines' reasons worded from their phrases, months and numbers as the client's
 * locale writes them. Nothing here names a file or a setting: a client reads it.
 */
final class StatementText {

	private final Wording wording;

	private final Statement statement;

	StatementText(MessageSource messages, Statement statement) {
		this.wording = Wording.of(messages, statement.client().javaLocale());
		this.statement = statement;
	}

	/** The message {@code key} with its arguments. */
	String label(String key, Object... args) {
		return wording.text(key, args);
	}

	/** The labels as a bundle, for the templates' {@code $R{key}}. */
	ResourceBundle bundle() {
		return new MessageSourceResourceBundle(wording.messages(), wording.locale());
	}

	/** {@code OVER_INVOICED} → {@code Over-invoiced}, {@code Überhöht abgerechnet}. */
	String status(String status) {
		return wording.textOr("status." + status, StatementFormats.words(status));
	}

	/** {@code MARKETING} → {@code Marketing}; a category no bundle names as its words. */
	String category(String category) {
		return wording.textOr("category." + category, StatementFormats.words(category));
	}

	/** {@code TAX} → {@code Tax}, {@code Steuer}. */
	String lineType(String lineType) {
		return wording.textOr("lineType." + lineType, StatementFormats.words(lineType));
	}

	/** The line's reason in the client's language; the partner's text for a line reconciled before reasons were kept as phrases. */
	String reason(Statement.Line line) {
		return line.reasonPhrases() != null ? wording.stored(line.reasonPhrases()) : line.reason();
	}

	/** The channel as a person knows it: its display number, or the WABA where the invoice names no channel. */
	String channel(Statement.Line line) {
		if (line.phoneNumberId() == null) {
			return label("statement.channel.waba", line.wabaId());
		}
		return line.displayPhoneNumber() != null ? "+" + line.displayPhoneNumber()
				: label("statement.channel.phoneId", line.phoneNumberId());
	}

	/** Inside a sentence: {@code September 2025}, {@code сентябрь 2025}. */
	String month(YearMonth month) {
		return wording.month(month);
	}

	/** As a heading: {@code September 2025}, {@code Сентябрь 2025}. */
	String monthTitle(YearMonth month) {
		return wording.monthTitle(month);
	}

	/** When the statement was generated, in UTC, as the locale writes a date and time. */
	String generated() {
		return DateTimeFormatter.ofLocalizedDateTime(FormatStyle.MEDIUM)
			.withLocale(wording.locale())
			.format(statement.generatedAt().atZone(ZoneOffset.UTC).toLocalDateTime()) + " UTC";
	}

	/** An amount at the currency's digits, as the locale writes it: {@code 1.234,50}. */
	String amount(BigDecimal amount, String currency) {
		return wording.number(Money.round(amount, currency), false);
	}

	/** A date as the locale writes it: {@code 03.10.2025}. */
	String date(LocalDate date) {
		return wording.date(date);
	}

	/** A count as the locale writes it: {@code 2.400}. */
	String count(long count) {
		return wording.count(count);
	}

	/** A number with its decimals as given: {@code 19,5}. */
	String decimal(BigDecimal value) {
		return wording.number(value, false);
	}

	/** A number with its sign and decimals as given: {@code +12,5}, {@code -3,0}. */
	String signed(BigDecimal value) {
		return wording.number(value, true);
	}

	/** A rate with at least four decimals: {@code 0,9210}. */
	String rate(BigDecimal rate) {
		BigDecimal stripped = rate.stripTrailingZeros();
		return wording.number(stripped.setScale(Math.max(4, stripped.scale())), false);
	}

}
