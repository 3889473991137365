package com.wabarecon.usage;

import java.math.BigDecimal;
import java.time.LocalDate;

import com.wabarecon.support.reject.RowSource;
import com.wabarecon.support.reject.SourcedItem;

/**
 * One row of the month's estimates ({@code usage_estimate}).
 *
 * @param usageStart UTC epoch seconds of the row's start, or {@code null} for day-level sources
 * @param cost {@code null} when the source has none and the rate card prices it later
 * @param costSource {@link #SOURCE}, {@link #RATE_CARD} or {@link #FREE}
 * @param sourceKind {@link #EXPORT}, {@link #BALANCE} or {@link #WEBHOOK}
 * @param wholeMonth the row counts the whole month ({@code MONTHLY} granularity), dated its first
 * day: a statement shows it as the month's total, never as that day's
 */
record UsageEstimate(String billingMonth, String channelId, String clientId, Long usageStart, LocalDate localDate,
		String country, String category, String pricingType, String tier, long volume, BigDecimal cost,
		String currency, String costSource, String sourceKind, boolean countsAsEstimate, RowSource source,
		boolean wholeMonth) implements SourcedItem {

	/** An estimate of a day (or part of one). */
	UsageEstimate(String billingMonth, String channelId, String clientId, Long usageStart, LocalDate localDate,
			String country, String category, String pricingType, String tier, long volume, BigDecimal cost,
			String currency, String costSource, String sourceKind, boolean countsAsEstimate, RowSource source) {
		this(billingMonth, channelId, clientId, usageStart, localDate, country, category, pricingType, tier, volume, cost,
				currency, costSource, sourceKind, countsAsEstimate, source, false);
	}

	static final String SOURCE = "SOURCE";

	static final String RATE_CARD = "RATE_CARD";

	static final String FREE = "FREE";

	static final String EXPORT = "EXPORT";

	static final String BALANCE = "BALANCE";

	static final String WEBHOOK = "WEBHOOK";

}
