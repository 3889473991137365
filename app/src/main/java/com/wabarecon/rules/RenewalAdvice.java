package com.wabarecon.rules;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.List;

/**
 * The auto-renewal a DIRECT channel's usage suggests, by 360dialog's advice: base it on the
 * month's average daily cost when usage is stable, on the last {@value FundsOutlook#WINDOW_DAYS}
 * days' when it fluctuates. Usage fluctuates when the last days' average is more than
 * {@value #FLUCTUATING_PCT} % away from the month's. The threshold is {@value #THRESHOLD_DAYS}
 * days of that cost (a top-up takes up to 30 minutes, and a weekend may pass before someone adds
 * funds by hand); the amount is {@value #AMOUNT_DAYS} days of it, so the balance renews about
 * once a month. Both are rounded up to a whole unit of the currency.
 *
 * @param stable whether the advice is on the month's average (else on the last days')
 * @param dailyCost the daily cost the advice is based on
 * @param threshold the suggested threshold; {@code null} without usage to base it on
 * @param amount the suggested amount; {@code null} without usage
 */
public record RenewalAdvice(boolean stable, BigDecimal dailyCost, BigDecimal threshold, BigDecimal amount) {

	public static final int FLUCTUATING_PCT = 20;

	public static final int THRESHOLD_DAYS = 3;

	public static final int AMOUNT_DAYS = 30;

	/** @param dailyCosts the cost of each day of the month, in order (positive) */
	public static RenewalAdvice of(List<BigDecimal> dailyCosts, String currency) {
		BigDecimal month = average(dailyCosts);
		BigDecimal recent = average(dailyCosts.subList(Math.max(0, dailyCosts.size() - FundsOutlook.WINDOW_DAYS),
				dailyCosts.size()));
		boolean stable = month.signum() == 0 || recent.subtract(month)
			.abs()
			.multiply(BigDecimal.valueOf(100))
			.compareTo(month.multiply(BigDecimal.valueOf(FLUCTUATING_PCT))) <= 0;
		BigDecimal daily = Money.round(stable ? month : recent, currency);
		if (daily.signum() <= 0) {
			return new RenewalAdvice(stable, daily, null, null);
		}
		return new RenewalAdvice(stable, daily, wholeUnits(daily.multiply(BigDecimal.valueOf(THRESHOLD_DAYS))),
				wholeUnits(daily.multiply(BigDecimal.valueOf(AMOUNT_DAYS))));
	}

	private static BigDecimal average(List<BigDecimal> costs) {
		if (costs.isEmpty()) {
			return BigDecimal.ZERO;
		}
		return costs.stream().reduce(BigDecimal.ZERO, BigDecimal::add)
			.divide(BigDecimal.valueOf(costs.size()), 10, RoundingMode.HALF_UP);
	}

	private static BigDecimal wholeUnits(BigDecimal amount) {
		return amount.setScale(0, RoundingMode.CEILING);
	}

}
