package com.wabarecon.rules;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Currency;

/**
 * How money is rounded and written, one rule per currency: an amount is rounded half up to the
 * currency's ISO 4217 minor units (EUR 2, JPY 0, KWD 3). Every output that shows an amount (the
 * reconciliation CSV, both workbooks, the PDF, the email, the tie-out) rounds through here, so
 * one line shows one amount everywhere. Thread-safe.
 */
public final class Money {

	static final RoundingMode ROUNDING = RoundingMode.HALF_UP;

	/** How every output that people read writes an amount that cannot be known: never 0.00. */
	public static final String UNKNOWN = "unknown";

	/** The CSV contract keeps at least this many decimals, whatever the currency's minor units. */
	private static final int CSV_MIN_DECIMALS = 2;

	private Money() {
	}

	/**
	 * The currency's minor units (ISO 4217): 2 for EUR, 0 for JPY, 3 for KWD. A code with none
	 * defined (a fund or metal code, never an invoicing currency) is given 2.
	 *
	 * @throws IllegalArgumentException when the code is not an ISO 4217 currency
	 */
	public static int digits(String currency) {
		int digits = Currency.getInstance(currency).getDefaultFractionDigits();
		return digits < 0 ? 2 : digits;
	}

	/** The amount rounded to the currency's minor units; {@code null} stays {@code null} (unknown). */
	public static BigDecimal round(BigDecimal amount, String currency) {
		return amount == null ? null : amount.setScale(digits(currency), ROUNDING);
	}

	/** The rounded amount as plain text with the currency's decimals ({@code 1234.50}, JPY {@code 1235}). */
	public static String text(BigDecimal amount, String currency) {
		return round(amount, currency).toPlainString();
	}

	/**
	 * The rounded amount as the reconciliation CSV writes it: a dot, no thousands separator, the
	 * currency's decimals but at least two (JPY {@code 1235.00}, KWD {@code 1.235}); empty when
	 * unknown.
	 */
	public static String csv(BigDecimal amount, String currency) {
		if (amount == null) {
			return "";
		}
		BigDecimal rounded = round(amount, currency);
		return rounded.setScale(Math.max(CSV_MIN_DECIMALS, rounded.scale()), ROUNDING).toPlainString();
	}

	/** A percentage of a whole, 2 decimals half up; {@code null} when the whole is zero or either is unknown. */
	public static BigDecimal percent(BigDecimal part, BigDecimal whole) {
		if (part == null || whole == null || whole.signum() == 0) {
			return null;
		}
		return part.multiply(BigDecimal.valueOf(100)).divide(whole.abs(), 2, ROUNDING);
	}

}
