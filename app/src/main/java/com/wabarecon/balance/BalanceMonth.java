package com.wabarecon.balance;

import java.math.BigDecimal;
import java.time.LocalDate;

/**
 * A Direct Payment channel's month as {@code balancesStep} worked it out ({@code balance_month}):
 * a figure that cannot be known is {@code null}, never 0.
 */
public record BalanceMonth(String clientId, String channelId, String displayPhoneNumber, String currency, BigDecimal opening, BigDecimal added,
		BigDecimal used, BigDecimal other, BigDecimal expectedClosing, BigDecimal closing, BigDecimal difference,
		BigDecimal invoicedUsage, BigDecimal dailyCost, BigDecimal daysLeft, LocalDate renewalDate,
		LocalDate emptyDate, boolean runsOutSoon, boolean renewalEnabled, BigDecimal suggestedThreshold,
		BigDecimal suggestedAmount, boolean stableUsage) {

	/** Whether the roll-forward is known and does not tie out. */
	public boolean differs() {
		return difference != null && difference.signum() != 0;
	}

}
