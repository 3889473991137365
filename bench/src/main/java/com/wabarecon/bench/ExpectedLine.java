package com.wabarecon.bench;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import com.wabarecon.rules.Money;

import com.wabarecon.bench.DirectoryPlan.ChannelPlan;
import com.wabarecon.bench.DirectoryPlan.WabaPlan;

/**
 * One reconciliation line as the close will build it (channel, or whole WABA, and category):
 * the charged and free estimated volume, the exact estimate in the WABA's currency, and the
 * invoice parts Meta would bill it in (per recipient country and tier). Mutable while the
 * {@link Ledger} fills it; not thread-safe.
 */
final class ExpectedLine {

	/** One invoice usage line before rounding: its volume, exact amount and unit rate. */
	static final class Part {

		final String country;

		final String tier;

		long volume;

		BigDecimal amount = BigDecimal.ZERO;

		final BigDecimal unitRate;

		Part(String country, String tier, BigDecimal unitRate) {
			this.country = country;
			this.tier = tier;
			this.unitRate = unitRate;
		}

	}

	private final WabaPlan waba;

	private final ChannelPlan channel;

	private final String category;

	private final Map<String, Part> parts = new TreeMap<>();

	long volume;

	long freeVolume;

	BigDecimal estimate = BigDecimal.ZERO;

	/** @param channel null for a line of the whole WABA */
	ExpectedLine(WabaPlan waba, ChannelPlan channel, String category) {
		this.waba = waba;
		this.channel = channel;
		this.category = category;
	}

	WabaPlan waba() {
		return waba;
	}

	ChannelPlan channel() {
		return channel;
	}

	String category() {
		return category;
	}

	String currency() {
		return waba.home().currency();
	}

	/** The part of a country and tier, created empty the first time. */
	Part part(String country, int tierIndex, String tier, BigDecimal unitRate) {
		return parts.computeIfAbsent(country + "|" + tierIndex, key -> new Part(country, tier, unitRate));
	}

	List<Part> parts() {
		return List.copyOf(parts.values());
	}

	/** What the close will show as estimated: the exact estimate rounded as the close rounds money. */
	BigDecimal estimatedAmount() {
		return Money.round(estimate, currency());
	}

}
