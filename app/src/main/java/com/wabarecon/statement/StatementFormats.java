package com.wabarecon.statement;

import java.util.Locale;

import com.wabarecon.rules.Money;

/**
 * Money patterns with the currency's digits, and a code's words where no bundle names it
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

	/** {@code AUTHENTICATION_INTERNATIONAL} → {@code Authentication international}. */
	static String words(String name) {
		if (name == null || name.isEmpty()) {
			return name;
		}
		String lower = name.toLowerCase(Locale.ROOT).replace('_', ' ');
		return Character.toUpperCase(lower.charAt(0)) + lower.substring(1);
	}

}
