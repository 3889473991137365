package com.wabarecon.bench;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import com.wabarecon.bench.PriceList.Tier;

/**
 * The rate-card price of one client's estimates without cost, computed exactly as the close's
 * pricing step does (so the generator knows each estimate to the last decimal): tiers are
 * counted on the client's whole charged volume per currency, market and category (with or
 * without cost), the tiered cost divided by that volume gives a unit cost of 12 decimals, and
 * each estimate row costs its volume times the unit, stored with 6 decimals (half up).
 */
final class ClientPricing {

	/** The close's unit cost scale and its {@code usage_estimate.cost} scale. */
	static final int UNIT_SCALE = 12;

	static final int COST_SCALE = 6;

	private final PriceList prices;

	private final Map<String, Long> volumes = new HashMap<>();

	private final Map<String, BigDecimal> units = new HashMap<>();

	ClientPricing(PriceList prices, List<ChannelUsage> usages) {
		this.prices = prices;
		for (ChannelUsage usage : usages) {
			for (Flow flow : usage.flows()) {
				if (flow.charged()) {
					volumes.merge(key(usage.currency(), flow.country(), flow.category()), flow.total(), Long::sum);
				}
			}
		}
	}

	/** The cost the close gives one estimate row of this volume. */
	BigDecimal rowCost(String currency, String country, String category, long volume) {
		return BigDecimal.valueOf(volume).multiply(unit(currency, country, category)).setScale(COST_SCALE, RoundingMode.HALF_UP);
	}

	/** The client's volume for the currency, market and category, split over the card's tiers. */
	long[] tierVolumes(String currency, String country, String category) {
		List<Tier> tiers = prices.tiers(currency, country, category);
		long volume = volume(currency, country, category);
		long[] split = new long[tiers.size()];
		for (int t = 0; t < tiers.size(); t++) {
			split[t] = inTier(tiers.get(t), volume);
		}
		return split;
	}

	private BigDecimal unit(String currency, String country, String category) {
		return units.computeIfAbsent(key(currency, country, category), key -> {
			long volume = volumes.getOrDefault(key, 0L);
			if (volume == 0) {
				return BigDecimal.ZERO;
			}
			BigDecimal cost = BigDecimal.ZERO;
			for (Tier tier : prices.tiers(currency, country, category)) {
				cost = cost.add(tier.rate().multiply(BigDecimal.valueOf(inTier(tier, volume))));
			}
			return cost.divide(BigDecimal.valueOf(volume), UNIT_SCALE, RoundingMode.HALF_EVEN);
		});
	}

	private long volume(String currency, String country, String category) {
		return volumes.getOrDefault(key(currency, country, category), 0L);
	}

	/** Messages of the month's volume inside the tier: bounds inclusive, counting from 1. */
	private static long inTier(Tier tier, long volume) {
		long first = Math.max(tier.lower(), 1);
		long last = tier.upper() == null ? volume : Math.min(tier.upper(), volume);
		return Math.max(0, last - first + 1);
	}

	private String key(String currency, String country, String category) {
		return currency + "|" + prices.market(country) + "|" + category;
	}

}
