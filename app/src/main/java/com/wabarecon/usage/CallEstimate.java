package com.wabarecon.usage;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Locale;

import com.wabarecon.support.reject.RowSource;
import com.wabarecon.support.reject.SourcedItem;

/**
 * One row of the month's call estimates ({@code call_estimate}): the calls of a day, direction
 * and called country of one channel.
 *
 * @param callStart UTC epoch seconds of the data point's (or call's) start
 * @param durationSeconds the calls' talk time
 * @param billedPulses the 6-second pulses charged; 0 for free calls
 * @param cost {@code null} when the source has none and the rate card prices it later
 * @param costSource {@link UsageEstimate#SOURCE}, {@link UsageEstimate#RATE_CARD} or {@link UsageEstimate#FREE}
 * @param approximate the pulses come from an average duration, not from each call's
 * @param countsAsEstimate {@code false} for the days just outside the month (evidence only)
 */
record CallEstimate(String billingMonth, String channelId, String clientId, Long callStart, LocalDate localDate,
		String country, String direction, long calls, long durationSeconds, long billedPulses, BigDecimal cost,
		String currency, String costSource, String sourceKind, boolean approximate, boolean countsAsEstimate,
		RowSource source) implements SourcedItem {

	static final String BUSINESS_INITIATED = "BUSINESS_INITIATED";

	static final String USER_INITIATED = "USER_INITIATED";

	/** This row priced: its cost. */
	CallEstimate withCost(BigDecimal priced) {
		return new CallEstimate(billingMonth, channelId, clientId, callStart, localDate, country, direction, calls,
				durationSeconds, billedPulses, priced, currency, costSource, sourceKind, approximate, countsAsEstimate,
				source);
	}

	/** The canonical direction, in any case; {@code null} when it is neither. */
	static String direction(String spelling) {
		if (spelling == null) {
			return null;
		}
		String upper = spelling.strip().toUpperCase(Locale.ROOT).replace('-', '_');
		return upper.equals(BUSINESS_INITIATED) ? BUSINESS_INITIATED
				: upper.equals(USER_INITIATED) ? USER_INITIATED : null;
	}

}
