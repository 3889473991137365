package com.wabarecon.rules;

import java.math.BigDecimal;

/**
 * How much a line's invoice may differ from its estimate and still be tolerated:
 * {@code |amount delta| <= max(amountAbs, amountPct % of |invoiced amount|)} and
 * {@code |volume delta| <= max(volumeAbs, volumePct % of invoiced volume)}. A difference exactly
 * at the limit is tolerated. Compared on the amounts as rounded ({@link Money#round}).
 */
public record Tolerance(BigDecimal amountAbs, BigDecimal amountPct, long volumeAbs, BigDecimal volumePct) {

	private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);

	public boolean tolerates(long volumeDelta, long invoicedVolume, BigDecimal amountDelta,
			BigDecimal invoicedAmount) {
		BigDecimal volumeLimit = BigDecimal.valueOf(volumeAbs)
			.max(volumePct.multiply(BigDecimal.valueOf(Math.abs(invoicedVolume))).divide(HUNDRED));
		BigDecimal amountLimit = amountAbs.max(amountPct.multiply(invoicedAmount.abs()).divide(HUNDRED));
		return BigDecimal.valueOf(Math.abs(volumeDelta)).compareTo(volumeLimit) <= 0
				&& amountDelta.abs().compareTo(amountLimit) <= 0;
	}

}
