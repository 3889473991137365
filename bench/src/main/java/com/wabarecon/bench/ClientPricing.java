package com.wabarecon.bench;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import com.wabarecon.rules.EstimatePricing;

/**
 * The rate-card cost of one client's estimates without cost, priced by the close's own rule
 * ({@link EstimatePricing}) with the card as the close reads it ({@link PriceList#inForce}):
 * tiers counted on the client's whole charged volume per market and category (every currency,
 * with or without cost), each currency's volume to price costed and shared to the cent among the
 * channels and recipient countries by volume. So the generator knows what the close will
 * estimate, without a second copy of the rule.
 */
final class ClientPricing {

	private final Map<String, BigDecimal> costs = new HashMap<>();

	private final Map<String, long[]> tierVolumes = new HashMap<>();

	/**
	 * One channel's charged flow as the close sums its estimates: all of it counts towards the
	 * client's tiers, and all of it is to be priced when the rate card prices the channel.
	 */
	private record Estimates(String channel, String currency, String country, String category, long volume,
			boolean rateCard) implements EstimatePricing.Estimates {

		@Override
		public String client() {
			return ""; // one client's estimates
		}

		@Override
		public long toPrice() {
			return rateCard ? volume : 0;
		}

		@Override
		public boolean hasUnpriced() {
			return rateCard;
		}

	}

	ClientPricing(PriceList prices, List<ChannelUsage> usages) {
		List<Estimates> estimates = new ArrayList<>();
		for (ChannelUsage usage : usages) {
			for (Flow flow : usage.flows()) {
				if (flow.charged()) {
					estimates.add(new Estimates(usage.channel().id(), usage.currency(), flow.country(), flow.category(),
							flow.total(), usage.rateCard()));
				}
			}
		}
		EstimatePricing.Result<Estimates> result = EstimatePricing.of(estimates, prices.inForce());
		if (!result.unpriced().isEmpty()) {
			// the generated card has a rate for every market and category the traffic model sends to
			var first = result.unpriced().get(0);
			throw new IllegalStateException("the generated rate card does not price " + first.estimates() + ": "
					+ first.reason());
		}
		for (EstimatePricing.Price<Estimates> price : result.prices()) {
			Estimates priced = price.estimates();
			String key = key(priced.channel(), priced.country(), priced.category());
			costs.merge(key, price.cost(), BigDecimal::add);
			tierVolumes.put(key, price.rate().tiers().split(price.clientVolume()));
		}
	}

	/** What the close makes of one channel's estimates without cost in a recipient country and category. */
	BigDecimal cost(String channel, String country, String category) {
		return costs.getOrDefault(key(channel, country, category), BigDecimal.ZERO);
	}

	/**
	 * The channel's client's volume for the market and category (every currency), split over the
	 * tiers of the card that priced the channel's estimates in the recipient country and category.
	 */
	long[] tierVolumes(String channel, String country, String category) {
		return tierVolumes.get(key(channel, country, category));
	}

	private static String key(String channel, String country, String category) {
		return channel + "|" + country + "|" + category;
	}

}
