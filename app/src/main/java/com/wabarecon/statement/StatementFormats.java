package com.wabarecon.statement;

import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.Locale;

import com.wabarecon.rules.Money;

/**
 * How the statements write what is not a number cell: labels of statuses, categories and line
 * types, money patterns with the currency's digits, and months and times in the client's locale.
 */
final class StatementFormats {

	private StatementFormats() {
	}

	/** A {@link java.text.DecimalFormat} pattern for amounts of the currency: {@code #,##0.00} (its {@link Money#digits}). */
	static String moneyPattern(String currency) {
		int digits = Money.digits(currency);
		return digits == 0 ? "#,##0" : "#,##0." + "0".repeat(digits);
	}

	/** {@code MATCHED} → {@code Matched}, {@code OVER_INVOICED} → {@code Over-invoiced}. */
	static String status(String status) {
		return switch (status) {
			case "OVER_INVOICED" -> "Over-invoiced";
			case "UNDER_INVOICED" -> "Under-invoiced";
			default -> words(status);
		};
	}

	/** {@code AUTHENTICATION_INTERNATIONAL} → {@code Authentication international}. */
	static String words(String name) {
		if (name == null || name.isEmpty()) {
			return name;
		}
		String lower = name.toLowerCase(Locale.ROOT).replace('_', ' ');
		return Character.toUpperCase(lower.charAt(0)) + lower.substring(1);
	}

	/** The month as its name and year in the locale: {@code September 2025}, {@code Σεπτέμβριος 2025}. */
	static String month(Statement statement, java.time.YearMonth month) {
		Locale locale = statement.client().javaLocale();
		String text = DateTimeFormatter.ofPattern("LLLL yyyy", locale).format(month);
		return text.substring(0, 1).toUpperCase(locale) + text.substring(1);
	}

	/** When the statement was generated, in UTC, as the locale writes a date and time. */
	static String generated(Statement statement) {
		return DateTimeFormatter.ofLocalizedDateTime(FormatStyle.MEDIUM)
			.withLocale(statement.client().javaLocale())
			.format(statement.generatedAt().atZone(ZoneOffset.UTC).toLocalDateTime()) + " UTC";
	}

}
