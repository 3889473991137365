package com.wabarecon.bench;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.wabarecon.rules.CostShares;
import com.wabarecon.rules.Tiers;

/**
 * The rate-card cost of one client's estimates without cost, by the close's own rules
 * ({@link CostShares}): tiers counted on the client's whole charged volume per market and
 * category (every currency, with or without cost), each currency's volume to price costed and
 * shared to the cent among the channels and recipient countries by volume. So the generator knows
 * what the close will estimate, without a second copy of the rule.
 */
final class ClientPricing {

	private final PriceList prices;

	private final Map<String, Long> volumes = new HashMap<>();

	private final Map<String, BigDecimal> shares = new HashMap<>();

	/** One channel's volume to price in a recipient country. */
	private record Part(String channel, String country, long volume) {
	}

	ClientPricing(PriceList prices, List<ChannelUsage> usages) {
		this.prices = prices;
		Map<String, List<Part>> toPrice = new LinkedHashMap<>();
		Map<String, String[]> groups = new HashMap<>();
		for (ChannelUsage usage : usages) {
			for (Flow flow : usage.flows()) {
				if (!flow.charged()) {
					continue;
				}
				volumes.merge(tierKey(flow.country(), flow.category()), flow.total(), Long::sum);
				if (usage.rateCard()) {
					String group = tierKey(flow.country(), flow.category()) + "|" + usage.currency();
					toPrice.computeIfAbsent(group, g -> new ArrayList<>())
						.add(new Part(usage.channel().id(), flow.country(), flow.total()));
					groups.put(group, new String[] { usage.currency(), flow.country(), flow.category() });
				}
			}
		}
		toPrice.forEach((group, parts) -> {
			String[] of = groups.get(group);
			// the close lists a group's channels by id, then country: the remainder rule depends on it
			parts.sort(Comparator.comparing(Part::channel).thenComparing(Part::country));
			Tiers tiers = Tiers.of(prices.tiers(of[0], of[1], of[2]));
			List<BigDecimal> costs = CostShares.of(tiers, volumes.get(tierKey(of[1], of[2])),
					parts.stream().mapToLong(Part::volume).toArray(), of[0]);
			for (int i = 0; i < parts.size(); i++) {
				Part part = parts.get(i);
				shares.merge(shareKey(part.channel(), part.country(), of[2]), costs.get(i), BigDecimal::add);
			}
		});
	}

	/** What the close makes of one channel's estimates without cost in a recipient country and category. */
	BigDecimal cost(String channel, String country, String category) {
		return shares.getOrDefault(shareKey(channel, country, category), BigDecimal.ZERO);
	}

	/** The client's volume for the market and category (every currency), split over the card's tiers. */
	long[] tierVolumes(String currency, String country, String category) {
		return Tiers.of(prices.tiers(currency, country, category)).split(volumes.getOrDefault(tierKey(country, category), 0L));
	}

	private String tierKey(String country, String category) {
		return prices.market(country) + "|" + category;
	}

	private static String shareKey(String channel, String country, String category) {
		return channel + "|" + country + "|" + category;
	}

}
