package com.wabarecon.usage;

import java.math.BigDecimal;
import java.util.Comparator;
import java.util.List;

/**
 * The cost of a month's volume under a tiered rate: each tier's rate applies only to the
 * messages inside that tier ({@code LOWER:UPPER}, both inclusive, counting messages from 1;
 * a lower bound of 0 is read as 1). Exact: no rounding.
 */
final class TieredPrice {

	/** One tier of a rate card; {@code upper == null} is no upper bound. */
	record Tier(long lower, Long upper, BigDecimal rate) {
	}

	private TieredPrice() {
	}

	static BigDecimal cost(long volume, List<Tier> tiers) {
		BigDecimal cost = BigDecimal.ZERO;
		for (Tier tier : tiers.stream().sorted(Comparator.comparingLong(Tier::lower)).toList()) {
			long first = Math.max(tier.lower(), 1);
			long last = tier.upper() == null ? volume : Math.min(tier.upper(), volume);
			if (last >= first) {
				cost = cost.add(tier.rate().multiply(BigDecimal.valueOf(last - first + 1)));
			}
		}
		return cost;
	}

}
