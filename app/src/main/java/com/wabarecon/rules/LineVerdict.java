package com.wabarecon.rules;

import java.math.BigDecimal;

/**
 * Judges one reconciliation line from its two sides: rounds both amounts to the currency
 * ({@link Money#round}), computes the deltas (invoiced minus estimated) and gives exactly one
 * status. The statuses are tried in this order, the first that holds wins:
 * <ol>
 * <li>{@code UNKNOWN_CHANNEL}: invoiced, and no client in the directory;</li>
 * <li>{@code CURRENCY_MISMATCH}: the sides cannot be compared in one currency (the amount delta
 * is then unknown);</li>
 * <li>{@code UNPRICED}: part of the estimate has no cost and no rate (its amount is unknown);</li>
 * <li>{@code MATCHED}: both deltas zero;</li>
 * <li>{@code NOT_ESTIMATED}: invoiced for a known channel with no estimate at all;</li>
 * <li>{@code WITHIN_TOLERANCE}: both deltas within the line's {@link Tolerance};</li>
 * <li>{@code MISSING_FROM_INVOICE}: not invoiced;</li>
 * <li>{@code OVER_INVOICED} when the amount delta is positive (or zero with more volume
 * invoiced), else {@code UNDER_INVOICED}.</li>
 * </ol>
 * Thread-safe.
 */
public final class LineVerdict {

	/**
	 * The two sides of a line, as summed.
	 *
	 * @param knownClient whether the line's channel or WABA is in the directory
	 * @param estimated whether any estimate (charged or free) went to the line
	 * @param invoiced whether any invoice usage line went to the line
	 * @param estimatedAmount the estimates in the line's currency, unrounded; {@code null} when unknown
	 * (not convertible, or not priced)
	 * @param invoicedAmount the invoice's amount, unrounded
	 * @param currency the line's currency: the invoice's, or the WABA's where nothing is invoiced
	 * @param currencyMismatch the sides are in currencies that cannot be compared
	 * @param unpriced part of the estimate has no cost and the rate card no rate for it
	 */
	public record Sides(boolean knownClient, boolean estimated, boolean invoiced, long estimatedVolume,
			long invoicedVolume, BigDecimal estimatedAmount, BigDecimal invoicedAmount, String currency,
			boolean currencyMismatch, boolean unpriced) {
	}

	/**
	 * What the line shows.
	 *
	 * @param estimatedAmount rounded; {@code null} when unknown
	 * @param invoicedAmount rounded
	 * @param amountDelta invoiced minus estimated; {@code null} when the estimate is unknown
	 * @param amountDeltaPct the amount delta in % of the invoiced amount, 2 decimals; {@code null} when
	 * the delta is unknown or nothing was invoiced
	 */
	public record Verdict(LineStatus status, long volumeDelta, BigDecimal estimatedAmount, BigDecimal invoicedAmount,
			BigDecimal amountDelta, BigDecimal amountDeltaPct) {
	}

	private LineVerdict() {
	}

	public static Verdict judge(Sides sides, Tolerance tolerance) {
		String currency = sides.currency();
		BigDecimal invoiced = Money.round(sides.invoicedAmount(), currency);
		BigDecimal estimated = sides.unpriced() ? null : Money.round(sides.estimatedAmount(), currency);
		long volumeDelta = sides.invoicedVolume() - sides.estimatedVolume();
		// two currencies have no difference: neither side is the other's currency
		BigDecimal amountDelta = estimated == null || sides.currencyMismatch() ? null : invoiced.subtract(estimated);
		BigDecimal amountDeltaPct = Money.percent(amountDelta, invoiced);
		return new Verdict(status(sides, tolerance, volumeDelta, amountDelta, invoiced), volumeDelta, estimated,
				invoiced, amountDelta, amountDeltaPct);
	}

	private static LineStatus status(Sides sides, Tolerance tolerance, long volumeDelta, BigDecimal amountDelta,
			BigDecimal invoiced) {
		if (sides.invoiced() && !sides.knownClient()) {
			return LineStatus.UNKNOWN_CHANNEL;
		}
		if (sides.currencyMismatch() || (sides.estimatedAmount() == null && !sides.unpriced())) {
			return LineStatus.CURRENCY_MISMATCH;
		}
		if (sides.unpriced()) {
			return LineStatus.UNPRICED;
		}
		if (volumeDelta == 0 && amountDelta.signum() == 0) {
			return LineStatus.MATCHED;
		}
		if (!sides.estimated()) {
			return LineStatus.NOT_ESTIMATED;
		}
		if (tolerance.tolerates(volumeDelta, sides.invoicedVolume(), amountDelta, invoiced)) {
			return LineStatus.WITHIN_TOLERANCE;
		}
		if (!sides.invoiced()) {
			return LineStatus.MISSING_FROM_INVOICE;
		}
		boolean over = amountDelta.signum() > 0 || (amountDelta.signum() == 0 && volumeDelta > 0);
		return over ? LineStatus.OVER_INVOICED : LineStatus.UNDER_INVOICED;
	}

}
