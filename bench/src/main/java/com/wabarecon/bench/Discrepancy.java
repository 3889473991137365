package com.wabarecon.bench;

import java.util.SplittableRandom;

/**
 * The differences the generator builds into the invoice, each named by the reconciliation
 * status the close must give it, with how often it is drawn among the injected ones. The sizes
 * are chosen to be judged the same way under the default tolerances (application.yml) and
 * any reasonable override: beyond tolerance a fifth of the volume and at least 25 messages,
 * within tolerance one cent.
 */
enum Discrepancy {

	/** The invoice bills more messages than estimated (Meta counted volume the partner did not see). */
	OVER_INVOICED(25),

	/** Fewer messages invoiced than estimated (failed deliveries the partner counted). */
	UNDER_INVOICED(25),

	/** One cent more on the invoice: a rounding difference. */
	WITHIN_TOLERANCE(20),

	/** A charged channel and category without any invoice line. */
	MISSING_FROM_INVOICE(15),

	/** An invoice line for a known channel in a category it has no estimate for. */
	NOT_ESTIMATED(10),

	/** An invoice line for a phone number and WABA that are not in the directory. */
	UNKNOWN_CHANNEL(5);

	/** Lines with fewer charged messages get a cent instead of a volume difference. */
	static final long MIN_VOLUME = 50;

	static final long MIN_DELTA = 25;

	/** The volume difference beyond tolerance: a fifth of the line, at least {@link #MIN_DELTA}. */
	static long delta(long volume) {
		return Math.max(MIN_DELTA, volume / 5);
	}

	private static final double[] WEIGHTS = weights();

	private final double weight;

	Discrepancy(double weight) {
		this.weight = weight;
	}

	/** The reconciliation status the close gives the line this makes. */
	String status() {
		return name();
	}

	static Discrepancy draw(SplittableRandom random) {
		return values()[Distributions.weighted(random, WEIGHTS)];
	}

	private static double[] weights() {
		Discrepancy[] all = values();
		double[] weights = new double[all.length];
		for (int i = 0; i < all.length; i++) {
			weights[i] = all[i].weight;
		}
		return weights;
	}

}
