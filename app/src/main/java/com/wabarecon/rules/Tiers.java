package com.wabarecon.rules;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The tiers of one rate (one rate-card version, currency, market and category), checked to
 * cover every volume exactly once: the first starts at 0 or 1, each next one starts right after
 * the one before ends, and only the last has no upper bound. Tiers that overlap would price some
 * messages twice, a gap would price them at nothing: such tiers are refused, never used.
 * Each tier's rate applies only to the volume inside it. Immutable; thread-safe.
 */
public final class Tiers {

	private final List<Tier> tiers;

	private Tiers(List<Tier> sorted) {
		this.tiers = sorted;
	}

	/**
	 * The tiers, in order of their lower bound.
	 *
	 * @throws IllegalArgumentException with {@link #problem}'s text when they do not cover every
	 * volume exactly once
	 */
	public static Tiers of(List<Tier> tiers) {
		List<Tier> sorted = sorted(tiers);
		problem(sorted).ifPresent(problem -> {
			throw new IllegalArgumentException(problem);
		});
		return new Tiers(sorted);
	}

	/**
	 * Why these tiers cannot price every volume exactly once, naming the tiers concerned; empty
	 * when they can.
	 */
	public static Optional<String> problem(List<Tier> tiers) {
		List<Tier> sorted = sorted(tiers);
		if (sorted.isEmpty()) {
			return Optional.of("no tiers");
		}
		Tier first = sorted.get(0);
		if (first.lower() > 1) {
			return Optional.of("the first tier " + first.label() + " leaves messages 1 to " + (first.lower() - 1)
					+ " without a rate");
		}
		for (int i = 0; i < sorted.size(); i++) {
			Tier tier = sorted.get(i);
			if (tier.upper() != null && tier.upper() < Math.max(tier.lower(), 1)) {
				return Optional.of("tier " + tier.label() + " ends before it starts");
			}
			if (i + 1 == sorted.size()) {
				if (tier.upper() != null) {
					return Optional.of("the last tier " + tier.label() + " has an upper bound: messages above "
							+ tier.upper() + " have no rate");
				}
				break;
			}
			Tier next = sorted.get(i + 1);
			if (tier.upper() == null || next.lower() <= tier.upper()) {
				long to = tier.upper() == null ? Long.MAX_VALUE
						: Math.min(tier.upper(), next.upper() == null ? Long.MAX_VALUE : next.upper());
				return Optional.of("tiers " + tier.label() + " and " + next.label() + " overlap (messages "
						+ Math.max(next.lower(), 1) + (to == Long.MAX_VALUE ? " and above" : " to " + to)
						+ " would be priced twice)");
			}
			if (next.lower() > tier.upper() + 1) {
				return Optional.of("tiers " + tier.label() + " and " + next.label() + " leave a gap (messages "
						+ (tier.upper() + 1) + " to " + (next.lower() - 1) + " would have no rate)");
			}
		}
		return Optional.empty();
	}

	public List<Tier> tiers() {
		return tiers;
	}

	/** The exact cost of a month's volume: each tier's rate times the volume inside it. */
	public BigDecimal cost(long volume) {
		BigDecimal cost = BigDecimal.ZERO;
		for (Tier tier : tiers) {
			long inTier = tier.volumeIn(volume);
			if (inTier > 0) {
				cost = cost.add(tier.rate().multiply(BigDecimal.valueOf(inTier)));
			}
		}
		return cost;
	}

	/** How a month's volume splits over the tiers, in their order. */
	public long[] split(long volume) {
		long[] split = new long[tiers.size()];
		for (int i = 0; i < split.length; i++) {
			split[i] = tiers.get(i).volumeIn(volume);
		}
		return split;
	}

	/**
	 * The tier an invoice or export names by its label ({@code 0:1000}, {@code 1001:MAX}; a lower
	 * bound of 0 and of 1 are the same); empty when the label is none of these tiers or unreadable.
	 */
	public Optional<Tier> named(String label) {
		if (label == null || !label.contains(":")) {
			return Optional.empty();
		}
		try {
			long lower = Math.max(Long.parseLong(label.substring(0, label.indexOf(':')).strip()), 1);
			String upperText = label.substring(label.indexOf(':') + 1).strip();
			Long upper = upperText.equalsIgnoreCase("MAX") ? null : Long.valueOf(upperText);
			return tiers.stream()
				.filter(tier -> Math.max(tier.lower(), 1) == lower && Objects.equals(tier.upper(), upper))
				.findFirst();
		}
		catch (NumberFormatException ex) {
			return Optional.empty();
		}
	}

	private static List<Tier> sorted(List<Tier> tiers) {
		List<Tier> sorted = new ArrayList<>(tiers);
		sorted.sort(Comparator.comparingLong(Tier::lower));
		return List.copyOf(sorted);
	}

}
