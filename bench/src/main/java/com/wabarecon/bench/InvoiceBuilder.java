package com.wabarecon.bench;

import java.io.IOException;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.TreeMap;

import com.wabarecon.bench.DirectoryPlan.ChannelPlan;
import com.wabarecon.bench.DirectoryPlan.WabaPlan;
import com.wabarecon.rules.Money;
import com.wabarecon.rules.Tier;

/**
 * Writes the invoice lines of each expected line so that they match it to the cent: each part's
 * amount rounded, the last one taking the rounding rest, so that the lines add up to what the
 * close will estimate. A controlled share of the channel lines gets a {@link Discrepancy}
 * instead; every WABA may get a tax, an adjustment or a credit, and each invoice gets at least
 * one tax and one adjustment. Tallies the status the close must give every line. Not
 * thread-safe.
 */
final class InvoiceBuilder {

	static final String MATCHED = "MATCHED";

	private static final double TAX = 0.3;

	private static final BigDecimal TAX_RATE = new BigDecimal("0.19");

	private static final double ADJUSTMENT = 0.03;

	private static final double CREDIT = 0.01;

	private static final List<String> UNESTIMATED_CANDIDATES = List.of(PriceList.MARKETING, PriceList.UTILITY,
			PriceList.AUTHENTICATION);

	private static final BigDecimal CENT = new BigDecimal("0.01");

	private final InvoiceWriter invoice;

	private final PriceList prices;

	private final double discrepancyShare;

	private final Map<String, Long> expected = new TreeMap<>();

	private final Map<String, Long> injected = new TreeMap<>();

	private final Set<String> currenciesWithExtras = new HashSet<>();

	private long unknownLines;

	InvoiceBuilder(InvoiceWriter invoice, PriceList prices, double discrepancyPct) {
		this.invoice = invoice;
		this.prices = prices;
		this.discrepancyShare = discrepancyPct / 100;
	}

	/** Lines per status the close must find. */
	Map<String, Long> expected() {
		return expected;
	}

	/** Of those, the ones built in on purpose. */
	Map<String, Long> injected() {
		return injected;
	}

	void client(List<ExpectedLine> lines, SplittableRandom random) throws IOException {
		Map<String, Set<String>> categories = new LinkedHashMap<>();
		Map<WabaPlan, List<ExpectedLine>> byWaba = new LinkedHashMap<>();
		for (ExpectedLine line : lines) {
			if (line.channel() != null) {
				categories.computeIfAbsent(line.channel().id(), id -> new HashSet<>()).add(line.category());
			}
			byWaba.computeIfAbsent(line.waba(), w -> new ArrayList<>()).add(line);
		}
		for (Map.Entry<WabaPlan, List<ExpectedLine>> waba : byWaba.entrySet()) {
			BigDecimal invoiced = BigDecimal.ZERO;
			for (ExpectedLine line : waba.getValue()) {
				invoiced = invoiced.add(line(line, categories, random));
			}
			others(waba.getKey(), invoiced, random);
		}
	}

	/** Writes the line's invoice lines (or none) and tallies its status; returns the amount invoiced. */
	private BigDecimal line(ExpectedLine line, Map<String, Set<String>> categories, SplittableRandom random)
			throws IOException {
		if (line.volume == 0) {
			count(expected, MATCHED); // free volume only: nothing to invoice, nothing to differ
			return BigDecimal.ZERO;
		}
		List<Billed> billed = billed(line);
		// calls get no discrepancy: the kinds are drawn to the message tolerances
		Discrepancy discrepancy = line.channel() != null && !PriceList.VOICE.equals(line.category())
				&& Distributions.chance(random, discrepancyShare)
				? resolve(Discrepancy.draw(random), line, billed, categories) : null;
		Billed main = billed.stream().max((a, b) -> Long.compare(a.volume, b.volume)).orElseThrow();
		String status = MATCHED;
		if (discrepancy != null) {
			long delta = Discrepancy.delta(line.volume);
			switch (discrepancy) {
				case OVER_INVOICED -> {
					main.volume += delta;
					main.amount = main.amount.add(money(main.part.unitRate.multiply(BigDecimal.valueOf(delta)), line));
				}
				case UNDER_INVOICED -> {
					main.volume -= delta;
					main.amount = main.amount.subtract(money(main.part.unitRate.multiply(BigDecimal.valueOf(delta)), line))
						.max(BigDecimal.ZERO.setScale(main.amount.scale()));
				}
				case WITHIN_TOLERANCE -> main.amount = main.amount.add(CENT);
				case MISSING_FROM_INVOICE -> billed.clear();
				case NOT_ESTIMATED -> notEstimated(line, categories.get(line.channel().id()), random);
				case UNKNOWN_CHANNEL -> unknownChannel(line, random);
			}
			count(injected, discrepancy.status());
			// a line of its own for these two; the channel's line itself still matches
			boolean extraLine = discrepancy == Discrepancy.NOT_ESTIMATED || discrepancy == Discrepancy.UNKNOWN_CHANNEL;
			if (extraLine) {
				count(expected, discrepancy.status());
			}
			else {
				status = discrepancy.status();
			}
		}
		count(expected, status);
		BigDecimal invoiced = BigDecimal.ZERO;
		ChannelPlan channel = line.channel();
		for (Billed part : billed) {
			invoice.usage(line.currency(), line.waba().id(), channel == null ? null : channel.phoneNumberId(),
					channel == null ? null : channel.display(), part.part.country, line.category(), part.part.tier,
					part.volume, part.part.unitRate, part.amount);
			invoiced = invoiced.add(part.amount);
		}
		return invoiced;
	}

	/** A part with its billed volume and amount (rounded), which a discrepancy may change. */
	private static final class Billed {

		final ExpectedLine.Part part;

		long volume;

		BigDecimal amount;

		Billed(ExpectedLine.Part part, BigDecimal amount) {
			this.part = part;
			this.volume = part.volume;
			this.amount = amount;
		}

	}

	/** The parts rounded to the currency, the last taking the rest: together exactly the estimate. */
	private static List<Billed> billed(ExpectedLine line) {
		List<ExpectedLine.Part> parts = line.parts();
		List<Billed> billed = new ArrayList<>(parts.size());
		BigDecimal rest = line.estimatedAmount();
		for (int i = 0; i < parts.size(); i++) {
			ExpectedLine.Part part = parts.get(i);
			BigDecimal amount = i == parts.size() - 1 ? rest : money(part.amount, line);
			rest = rest.subtract(amount);
			billed.add(new Billed(part, amount));
		}
		return billed;
	}

	/** The discrepancy the line can take: a small line gets a cent, an unreducible one more volume. */
	private static Discrepancy resolve(Discrepancy wanted, ExpectedLine line, List<Billed> billed,
			Map<String, Set<String>> categories) {
		boolean needsVolume = wanted == Discrepancy.OVER_INVOICED || wanted == Discrepancy.UNDER_INVOICED
				|| wanted == Discrepancy.MISSING_FROM_INVOICE;
		if (needsVolume && line.volume < Discrepancy.MIN_VOLUME) {
			return Discrepancy.WITHIN_TOLERANCE;
		}
		long mainVolume = billed.stream().mapToLong(b -> b.volume).max().orElse(0);
		if (wanted == Discrepancy.UNDER_INVOICED && mainVolume <= Discrepancy.delta(line.volume)) {
			return Discrepancy.OVER_INVOICED;
		}
		if (wanted == Discrepancy.NOT_ESTIMATED
				&& categories.get(line.channel().id()).containsAll(UNESTIMATED_CANDIDATES)) {
			return Discrepancy.WITHIN_TOLERANCE;
		}
		return wanted;
	}

	/** An invoice line in a category the channel has no estimate for, at the card's first tier. */
	private void notEstimated(ExpectedLine line, Set<String> channelCategories, SplittableRandom random)
			throws IOException {
		String category = UNESTIMATED_CANDIDATES.stream().filter(c -> !channelCategories.contains(c)).findFirst()
			.orElseThrow();
		channelCategories.add(category);
		String country = line.waba().home().country();
		Tier tier = prices.firstTier(line.currency(), country, category);
		long volume = Discrepancy.MIN_VOLUME + random.nextInt(450);
		invoice.usage(line.currency(), line.waba().id(), line.channel().phoneNumberId(), line.channel().display(),
				country, category, tier.label(), volume, tier.rate(),
				money(tier.rate().multiply(BigDecimal.valueOf(volume)), line));
	}

	/** An invoice line of a WABA and phone number the partner does not know. */
	private void unknownChannel(ExpectedLine line, SplittableRandom random) throws IOException {
		unknownLines++;
		String country = line.waba().home().country();
		Tier tier = prices.firstTier(line.currency(), country, PriceList.MARKETING);
		long volume = Discrepancy.MIN_VOLUME + random.nextInt(200);
		invoice.usage(line.currency(), DirectoryPlan.Ids.unknownWaba(unknownLines),
				DirectoryPlan.Ids.unknownPhoneNumber(unknownLines), null, country, PriceList.MARKETING, tier.label(),
				volume, tier.rate(), money(tier.rate().multiply(BigDecimal.valueOf(volume)), line));
	}

	/** Tax, adjustment and credit on the WABA; the first WABA of each invoice gets a tax and an adjustment. */
	private void others(WabaPlan waba, BigDecimal invoiced, SplittableRandom random) throws IOException {
		String currency = waba.home().currency();
		BigDecimal tax = Money.round(invoiced.multiply(TAX_RATE), currency);
		boolean first = tax.signum() > 0 && !currenciesWithExtras.contains(currency);
		if (tax.signum() > 0 && (first || Distributions.chance(random, TAX))) {
			invoice.other(currency, waba.id(), InvoiceWriter.TAX, tax);
		}
		if (first || Distributions.chance(random, ADJUSTMENT)) {
			BigDecimal cents = BigDecimal.valueOf(50 + random.nextInt(1950), 2);
			invoice.other(currency, waba.id(), InvoiceWriter.ADJUSTMENT, random.nextBoolean() ? cents : cents.negate());
		}
		if (Distributions.chance(random, CREDIT)) {
			invoice.other(currency, waba.id(), InvoiceWriter.CREDIT, BigDecimal.valueOf(500 + random.nextInt(4500), 2).negate());
		}
		if (first) {
			currenciesWithExtras.add(currency);
		}
	}

	private static BigDecimal money(BigDecimal amount, ExpectedLine line) {
		return Money.round(amount, line.currency());
	}

	private static void count(Map<String, Long> counts, String status) {
		counts.merge(status, 1L, Long::sum);
	}

}
