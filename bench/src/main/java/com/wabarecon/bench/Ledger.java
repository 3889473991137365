package com.wabarecon.bench;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import com.wabarecon.bench.DirectoryPlan.WabaPlan;
import com.wabarecon.rules.Tier;

/**
 * Sums one client's month into the reconciliation lines the close will build: a line per
 * channel and category, or per WABA and category where the WABA is invoiced as a whole (for
 * the categories it is charged in; its free-only categories stay per channel). Charged exports
 * are worth their cost, converted with the month's FX rate when their currency is not the
 * WABA's; estimates without cost are worth what {@link ClientPricing} says the close makes of
 * them, and Meta bills them split over the tiers the client's volume reaches.
 */
final class Ledger {

	/** Unit rates on the invoice have at most 6 decimals (the importer's limit). */
	static final int UNIT_RATE_SCALE = 6;

	private final PriceList prices;

	Ledger(PriceList prices) {
		this.prices = prices;
	}

	List<ExpectedLine> lines(List<ChannelUsage> usages, ClientPricing pricing) {
		Map<String, ExpectedLine> lines = new LinkedHashMap<>();
		Map<WabaPlan, Set<String>> wholeCategories = wholeCategories(usages);
		for (ChannelUsage usage : usages) {
			Set<String> whole = wholeCategories.getOrDefault(usage.waba(), Set.of());
			for (Flow flow : usage.flows()) {
				if (flow.rows() == 0) {
					continue;
				}
				boolean ofWaba = whole.contains(flow.category());
				String key = usage.waba().id() + "|" + (ofWaba ? "" : usage.channel().id()) + "|" + flow.category();
				ExpectedLine line = lines.computeIfAbsent(key,
						k -> new ExpectedLine(usage.waba(), ofWaba ? null : usage.channel(), flow.category()));
				if (!flow.charged()) {
					line.freeVolume += flow.total();
				}
				else if (usage.rateCard()) {
					addRateCard(line, usage, flow, pricing);
				}
				else {
					addExported(line, usage, flow);
				}
			}
		}
		return new ArrayList<>(lines.values());
	}

	private void addExported(ExpectedLine line, ChannelUsage usage, Flow flow) {
		Tier tier = prices.firstTier(usage.currency(), flow.country(), flow.category());
		BigDecimal rate = tier.rate();
		if (!usage.currency().equals(usage.wabaCurrency())) {
			rate = rate.multiply(PriceList.fxRate(usage.currency(), usage.wabaCurrency()));
		}
		BigDecimal amount = rate.multiply(BigDecimal.valueOf(flow.total()));
		line.volume += flow.total();
		line.estimate = line.estimate.add(amount);
		ExpectedLine.Part part = line.part(flow.country(), 0, tier.label(),
				rate.setScale(UNIT_RATE_SCALE, RoundingMode.HALF_UP).stripTrailingZeros());
		part.volume += flow.total();
		part.amount = part.amount.add(amount);
	}

	private void addRateCard(ExpectedLine line, ChannelUsage usage, Flow flow, ClientPricing pricing) {
		line.estimate = line.estimate.add(pricing.cost(usage.channel().id(), flow.country(), flow.category()));
		long total = flow.total();
		line.volume += total;
		// Meta bills the channel's volume in the tiers its client's volume reached, in proportion
		List<Tier> tiers = prices.tiers(usage.currency(), flow.country(), flow.category());
		long[] inTier = pricing.tierVolumes(usage.channel().id(), flow.country(), flow.category());
		// the client's volume may reach no tier beyond the first: the split has a row per tier
		long clientVolume = 0;
		int lastTier = 0;
		for (int t = 0; t < inTier.length; t++) {
			clientVolume += inTier[t];
			lastTier = inTier[t] > 0 ? t : lastTier;
		}
		long left = total;
		for (int t = 0; t <= lastTier; t++) {
			long share = t == lastTier ? left
					: BigDecimal.valueOf(total).multiply(BigDecimal.valueOf(inTier[t]))
						.divide(BigDecimal.valueOf(clientVolume), 0, RoundingMode.DOWN)
						.longValueExact();
			left -= share;
			if (share > 0) {
				Tier tier = tiers.get(t);
				ExpectedLine.Part part = line.part(flow.country(), t, tier.label(), tier.rate());
				part.volume += share;
				part.amount = part.amount.add(tier.rate().multiply(BigDecimal.valueOf(share)));
			}
		}
	}

	/** Per WABA invoiced as a whole, the categories it is charged in (free-only ones stay per channel). */
	private static Map<WabaPlan, Set<String>> wholeCategories(List<ChannelUsage> usages) {
		Map<WabaPlan, Set<String>> whole = new LinkedHashMap<>();
		for (ChannelUsage usage : usages) {
			if (usage.waba().invoicedAsWhole()) {
				Set<String> categories = whole.computeIfAbsent(usage.waba(), w -> new HashSet<>());
				usage.flows().stream().filter(f -> f.charged() && f.total() > 0).forEach(f -> categories.add(f.category()));
			}
		}
		return whole;
	}

}
