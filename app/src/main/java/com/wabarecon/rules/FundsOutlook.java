package com.wabarecon.rules;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.Map;

/**
 * How long a DIRECT channel's funds last at the cost of its recent usage: the average daily
 * cost of the {@value #WINDOW_DAYS} days up to the snapshot (days without usage count as
 * nothing spent), the days of funds left at that cost, the day the balance falls below the
 * auto-renewal threshold (when renewal is on) and the day it reaches zero (when it is off: paid
 * messages stop there). Funds that run out within {@value #SOON_DAYS} days, with no renewal to
 * refill them, are flagged.
 *
 * @param dailyCost the average daily cost, at the currency's precision
 * @param daysLeft the balance over the daily cost, one decimal, rounded down; {@code null} when
 * nothing is spent (the funds do not run out at this cost)
 * @param renewal the day the balance falls below the threshold; {@code null} without renewal or
 * without spending
 * @param empty the day the balance reaches zero; {@code null} with renewal on or without spending
 * @param runsOutSoon no renewal, and the funds last {@value #SOON_DAYS} days or fewer (or are gone)
 */
public record FundsOutlook(BigDecimal dailyCost, BigDecimal daysLeft, LocalDate renewal, LocalDate empty,
		boolean runsOutSoon) {

	public static final int WINDOW_DAYS = 15;

	public static final int SOON_DAYS = 7;

	/** A channel's auto-renewal: when on, {@code amount} is added as the balance falls below {@code threshold}. */
	public record AutoRenewal(boolean enabled, BigDecimal threshold, BigDecimal amount) {

		public static final AutoRenewal NONE = new AutoRenewal(false, null, null);

	}

	/**
	 * @param balance the snapshot's balance, at the end of {@code asOf}
	 * @param dailyUsage the cost used each day (positive), by day; days missing spent nothing
	 */
	public static FundsOutlook of(BigDecimal balance, LocalDate asOf, Map<LocalDate, BigDecimal> dailyUsage,
			AutoRenewal renewal, String currency) {
		BigDecimal spent = BigDecimal.ZERO;
		for (int day = 0; day < WINDOW_DAYS; day++) {
			spent = spent.add(dailyUsage.getOrDefault(asOf.minusDays(day), BigDecimal.ZERO));
		}
		BigDecimal daily = Money.round(spent.divide(BigDecimal.valueOf(WINDOW_DAYS), 10, RoundingMode.HALF_UP), currency);
		boolean renews = renewal.enabled();
		if (daily.signum() <= 0) {
			boolean gone = balance.signum() <= 0;
			return new FundsOutlook(daily, gone ? BigDecimal.ZERO.setScale(1) : null, null, gone && !renews ? asOf : null,
					gone && !renews);
		}
		BigDecimal daysLeft = balance.signum() <= 0 ? BigDecimal.ZERO.setScale(1)
				: balance.divide(daily, 1, RoundingMode.DOWN);
		LocalDate below = null;
		LocalDate empty = null;
		if (renews) {
			// the first day that ends below the threshold
			below = balance.compareTo(renewal.threshold()) < 0 ? asOf
					: asOf.plusDays(balance.subtract(renewal.threshold()).divide(daily, 0, RoundingMode.FLOOR).longValueExact() + 1);
		}
		else {
			// the first day that ends with nothing left
			empty = balance.signum() <= 0 ? asOf
					: asOf.plusDays(balance.divide(daily, 0, RoundingMode.CEILING).longValueExact());
		}
		return new FundsOutlook(daily, daysLeft, below, empty,
				!renews && daysLeft.compareTo(BigDecimal.valueOf(SOON_DAYS)) <= 0);
	}

}
