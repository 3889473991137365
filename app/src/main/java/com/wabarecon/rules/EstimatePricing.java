package com.wabarecon.rules;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Prices a month's charged estimates that carry volume but no cost with the rates in force
 * ({@link RateCard}), by {@link CostShares}: tiers are counted on a client's whole charged
 * volume for a market and category (every currency, priced or not); the volume to price of one
 * client, market, category and currency is costed once and shared to the cent among its
 * channels and recipient countries, listed by channel, then country (the remainder rule depends
 * on that order). An estimate without a market (its country is unknown) or without a usable
 * rate is not priced, and says why. The close prices through here, and so does the generator,
 * which must know to the cent what the close will make of the month. Thread-safe.
 */
public final class EstimatePricing {

	/** One channel's charged estimates of one currency, recipient country and category. */
	public interface Estimates {

		String client();

		String channel();

		String currency();

		String country();

		String category();

		/** Their whole volume, with cost or not: all of it counts towards the client's tiers. */
		long volume();

		/** The part of their volume that has no cost and is to be priced. */
		long toPrice();

		/** Whether any of them is to be priced (an estimate without cost, whatever its volume). */
		boolean hasUnpriced();

	}

	/**
	 * The cost of some estimates' volume to price.
	 *
	 * @param rate the rate in force they were priced with
	 * @param clientVolume the client's volume in the market and category that the tiers were counted on
	 */
	public record Price<E extends Estimates>(E estimates, BigDecimal cost, RateCard.Rate rate, long clientVolume) {
	}

	/** Estimates that could not be priced, and why. */
	public record Unpriced<E extends Estimates>(E estimates, String reason) {
	}

	/**
	 * The prices, one per estimates priced, each cost's shares together in the remainder rule's
	 * order; the estimates not priced, those without a market first.
	 */
	public record Result<E extends Estimates>(List<Price<E>> prices, List<Unpriced<E>> unpriced) {
	}

	/** What tiers are counted on: a client's market and category, across currencies. */
	private record TierKey(String client, String market, String category) {
	}

	/** What one cost is shared within: a client's market and category in one currency. */
	private record CostKey(String client, String market, String category, String currency) {
	}

	private EstimatePricing() {
	}

	/** Prices the estimates to price among the given ones; every one given counts towards its client's tiers. */
	public static <E extends Estimates> Result<E> of(List<E> estimates, RateCard card) {
		Markets markets = card.markets();
		Map<TierKey, Long> clientVolumes = new HashMap<>();
		Map<CostKey, List<E>> toPrice = new LinkedHashMap<>();
		List<Unpriced<E>> unpriced = new ArrayList<>();
		for (E group : estimates) {
			String market = markets.keyOfCountry(group.country());
			if (market == null) {
				if (group.hasUnpriced()) {
					unpriced.add(new Unpriced<>(group,
							card.rate(group.currency(), group.country(), group.category()).missing()));
				}
				continue;
			}
			clientVolumes.merge(new TierKey(group.client(), market, group.category()), group.volume(), Long::sum);
			if (group.hasUnpriced()) {
				toPrice.computeIfAbsent(new CostKey(group.client(), market, group.category(), group.currency()),
						k -> new ArrayList<>())
					.add(group);
			}
		}
		List<Price<E>> prices = new ArrayList<>();
		toPrice.forEach((key, parts) -> {
			parts.sort(Comparator.comparing(Estimates::channel).thenComparing(Estimates::country));
			RateCard.Rate rate = card.rate(key.currency(), parts.get(0).country(), key.category());
			if (!rate.found()) {
				parts.forEach(part -> unpriced.add(new Unpriced<>(part, rate.missing())));
				return;
			}
			long clientVolume = clientVolumes.get(new TierKey(key.client(), key.market(), key.category()));
			List<BigDecimal> shares = CostShares.of(rate.tiers(), clientVolume,
					parts.stream().mapToLong(Estimates::toPrice).toArray(), key.currency());
			for (int i = 0; i < parts.size(); i++) {
				prices.add(new Price<>(parts.get(i), shares.get(i), rate, clientVolume));
			}
		});
		return new Result<>(prices, unpriced);
	}

}
