package com.wabarecon.balance;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Locale;

import com.wabarecon.importing.RowProblems;

/** The fields of the balance files, read strictly: a value that cannot be read is a reason, never a default. */
final class BalanceFields {

	private BalanceFields() {
	}

	/** A decimal; {@code null} (with the reason) when it is empty and required, or not a number. */
	static BigDecimal decimal(String column, String text, boolean required, RowProblems problems) {
		if (text == null || text.isEmpty()) {
			problems.add(required ? column + " is empty" : null);
			return null;
		}
		try {
			return new BigDecimal(text);
		}
		catch (NumberFormatException ex) {
			problems.add(column + " '" + text + "' is not a number");
			return null;
		}
	}

	/** An ISO-8601 instant ({@code 2025-09-24T14:15:22Z}); {@code null} with the reason when it is not one. */
	static Instant instant(String column, String text, boolean required, RowProblems problems) {
		if (text == null || text.isEmpty()) {
			problems.add(required ? column + " is empty" : null);
			return null;
		}
		try {
			return Instant.parse(text);
		}
		catch (DateTimeParseException ex) {
			problems.add(column + " '" + text + "' is not an ISO-8601 instant (2025-09-24T14:15:22Z)");
			return null;
		}
	}

	/** {@code true}, {@code false}, {@code yes}, {@code no} in any case; {@code null} with the reason otherwise. */
	static Boolean yesNo(String column, String text, RowProblems problems) {
		String lower = text == null ? "" : text.strip().toLowerCase(Locale.ROOT);
		if (lower.equals("true") || lower.equals("yes")) {
			return true;
		}
		if (lower.equals("false") || lower.equals("no")) {
			return false;
		}
		problems.add(column + " '" + text + "' is not true or false");
		return null;
	}

}
