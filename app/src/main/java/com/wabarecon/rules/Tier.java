package com.wabarecon.rules;

import java.math.BigDecimal;

/**
 * One volume tier of a rate: {@code lower:upper}, both inclusive, counting messages (or minutes)
 * of the month from 1, so a lower bound of 0 means 1; {@code upper == null} is no upper bound
 * ({@code MAX}).
 */
public record Tier(long lower, Long upper, BigDecimal rate) {

	/** {@code 0:1000}, {@code 1001:MAX}: how rate cards, exports and invoices write a tier. */
	public String label() {
		return lower + ":" + (upper == null ? "MAX" : upper);
	}

	/** How much of a month's volume falls inside this tier. */
	long volumeIn(long volume) {
		long first = Math.max(lower, 1);
		long last = upper == null ? volume : Math.min(upper, volume);
		return Math.max(0, last - first + 1);
	}

}
