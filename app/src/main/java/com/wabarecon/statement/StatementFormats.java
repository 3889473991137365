package com.wabarecon.statement;

import java.util.Locale;

import com.wabarecon.rules.Money;
import com.wabarecon.rules.Volumes;

/**
 * Money patterns with the currency's digits, volume patterns in the line's unit, and a code's words where no bundle names it
 * (the rest of what a statement says is {@link StatementText}'s).
 */
final class StatementFormats {

	private StatementFormats() {
	}

	/** A {@link java.text.DecimalFormat} pattern for amounts of the currency: {@code #,##0.00} (its {@link Money#digits}). */
	static String moneyPattern(String currency) {
		int digits = Money.digits(currency);
		return digits == 0 ? "#,##0" : "#,##0." + "0".repeat(digits);
	}

	/** A pattern for a line's volumes: whole messages, or minutes with one decimal ({@link Volumes}). */
	static String volumePattern(String category) {
		return Volumes.inMinutes(category) ? WorkbookCells.MINUTES : WorkbookCells.VOLUME;
	}

	/** {@code AUTHENTICATION_INTERNATIONAL} → {@code Authentication international}. */
	static String words(String name) {
		if (name == null || name.isEmpty()) {
			return name;
		}
		String lower = name.toLowerCase(Locale.ROOT).replace('_', ' ');
		return Character.toUpperCase(lower.charAt(0)) + lower.substring(1);
	}

}
