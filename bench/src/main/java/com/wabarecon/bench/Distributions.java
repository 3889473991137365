package com.wabarecon.bench;

import java.util.SplittableRandom;

/**
 * The random shapes of the generated month, on a seeded {@link SplittableRandom} so that the
 * same seed gives the same month: heavy-tailed sizes (few big channels, many small), weighted
 * choices and noisy daily volumes with a weekly rhythm.
 */
final class Distributions {

	/** Weekend days carry this share of a weekday's traffic. */
	private static final double WEEKEND = 0.7;

	private Distributions() {
	}

	/** A Pareto draw of shape {@code alpha} from 1, capped: the 80/20 rule at alpha about 1.16. */
	static double pareto(SplittableRandom random, double alpha, double cap) {
		return Math.min(cap, Math.pow(1 - random.nextDouble(), -1 / alpha));
	}

	/** The mean of {@link #pareto} with that shape and cap: (alpha - cap^(1-alpha)) / (alpha - 1). */
	static double paretoMean(double alpha, double cap) {
		return (alpha - Math.pow(cap, 1 - alpha)) / (alpha - 1);
	}

	/** An index drawn with the given (not necessarily normalised) weights. */
	static int weighted(SplittableRandom random, double[] weights) {
		double total = 0;
		for (double weight : weights) {
			total += weight;
		}
		double point = random.nextDouble() * total;
		for (int i = 0; i < weights.length; i++) {
			point -= weights[i];
			if (point < 0) {
				return i;
			}
		}
		return weights.length - 1;
	}

	static boolean chance(SplittableRandom random, double probability) {
		return random.nextDouble() < probability;
	}

	/** A day's volume around {@code mean}: uniform noise of +-40 %, lower at weekends, at least 1. */
	static long daily(SplittableRandom random, double mean, boolean weekend) {
		double value = mean * (0.6 + 0.8 * random.nextDouble()) * (weekend ? WEEKEND : 1);
		return Math.max(1, Math.round(value));
	}

	/** A seed for one part of the month (a client, say), independent of how much was drawn before it. */
	static long seed(long seed, long part) {
		long z = seed * 0x9E3779B97F4A7C15L + part;
		z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
		z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
		return z ^ (z >>> 31);
	}

}
