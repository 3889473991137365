package com.wabarecon.rules;

import java.math.BigDecimal;

/**
 * The unit of a line's volume, one rule for every input and output: a message category counts
 * messages; {@link Pricing#VOICE} counts 6-second pulses, kept whole in the database and shown,
 * as Meta invoices them, in minutes with one decimal (one pulse is 0.1).
 */
public final class Volumes {

	private Volumes() {
	}

	/** Whether the category's volumes are shown in minutes. */
	public static boolean inMinutes(String category) {
		return Pricing.VOICE.equals(category);
	}

	/** The volume as people and files read it: messages, or minutes with one decimal. */
	public static BigDecimal shown(String category, long volume) {
		return inMinutes(category) ? CallPricing.minutes(volume) : BigDecimal.valueOf(volume);
	}

	/** {@code 1200}, {@code 35.5}: as the CSV and the dispute list write a volume. */
	public static String text(String category, long volume) {
		return shown(category, volume).toPlainString();
	}

	/**
	 * The volume counted from how it is shown (minutes to pulses for VOICE); {@code null} when it
	 * is not a whole number of the unit: a fraction of a message, or minutes with more than one
	 * decimal other than zeros.
	 */
	public static Long counted(String category, BigDecimal shown) {
		BigDecimal units = inMinutes(category) ? shown.scaleByPowerOfTen(1) : shown;
		try {
			return units.stripTrailingZeros().scale() > 0 ? null : units.longValueExact();
		}
		catch (ArithmeticException ex) {
			return null;
		}
	}

	/** The unit's name in the partner's files: {@code messages} or {@code minutes}. */
	public static String unit(String category) {
		return inMinutes(category) ? "minutes" : "messages";
	}

}
