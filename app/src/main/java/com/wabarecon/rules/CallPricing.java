package com.wabarecon.rules;

import java.math.BigDecimal;
import java.util.List;

/**
 * Meta's price of business-initiated WhatsApp calls. A call is billed in 6-second pulses, its
 * duration rounded up to whole pulses (a 56 s call is 10 pulses, 1.0 minute); a rate is per
 * minute, so a pulse costs a tenth of it. The month's billed minutes per market climb through the
 * rate's tiers (written in minutes, as message tiers are in messages), and a call is priced whole
 * at the rate of the tier it ends in, even when it started in the tier before. Calls arrive in
 * the order they started; an aggregate of calls (an analytics export's count and average
 * duration) is priced as that many calls of the average's pulses, one after the other, and is
 * approximate: each call's own rounding is lost. User-initiated calls are free and never passed
 * here. Thread-safe.
 */
public final class CallPricing {

	/** Seconds in a pulse. */
	public static final int PULSE_SECONDS = 6;

	/** Pulses in a minute. */
	public static final int PULSES_PER_MINUTE = 60 / PULSE_SECONDS;

	private CallPricing() {
	}

	/**
	 * Calls of the same length, in the order they were made: one call exactly, or an aggregate.
	 *
	 * @param count how many calls
	 * @param pulses the pulses of each
	 * @param approximate the pulses come from an average duration, not from each call's
	 */
	public record Calls(long count, long pulses, boolean approximate) {

		public Calls {
			if (count < 0 || pulses < 0) {
				throw new IllegalArgumentException("a negative count or length of calls: " + count + " x " + pulses);
			}
		}

		/** One call of this duration. */
		public static Calls one(long durationSeconds) {
			return new Calls(1, CallPricing.pulses(durationSeconds), false);
		}

		/** {@code count} calls of {@code averageSeconds} on average: {@code count x ceil(average / 6)} pulses. */
		public static Calls aggregate(long count, long averageSeconds) {
			return new Calls(count, CallPricing.pulses(averageSeconds), true);
		}

	}

	/**
	 * What the calls of one market cost in the month.
	 *
	 * @param pulses billed pulses, all calls
	 * @param cost the exact cost, unrounded (round with {@link Money#round})
	 * @param approximate some of the calls were priced from an aggregate
	 */
	public record Priced(long pulses, BigDecimal cost, boolean approximate) {

		/** The billed minutes, one decimal: as the invoice gives a voice line's volume. */
		public BigDecimal minutes() {
			return CallPricing.minutes(pulses);
		}

	}

	/**
	 * Whether a call is charged: business-initiated, completed, with a duration. A user-initiated
	 * call is free; a failed, rejected or unanswered one, or one without a duration, bills nothing.
	 * Directions and statuses in any case.
	 */
	public static boolean charged(String direction, String status, Long durationSeconds) {
		return "BUSINESS_INITIATED".equalsIgnoreCase(direction) && "COMPLETED".equalsIgnoreCase(status)
				&& durationSeconds != null && durationSeconds > 0;
	}

	/** The pulses of a call: its duration rounded up to 6 seconds; none for no duration. */
	public static long pulses(long durationSeconds) {
		return durationSeconds <= 0 ? 0 : (durationSeconds + PULSE_SECONDS - 1) / PULSE_SECONDS;
	}

	/** Pulses as minutes with one decimal: 10 pulses are {@code 1.0}, 7 are {@code 0.7}. */
	public static BigDecimal minutes(long pulses) {
		return BigDecimal.valueOf(pulses, 1);
	}

	/**
	 * Prices a market's calls of the month, in the order they were made, from {@code already}
	 * pulses billed before them in the month (0 for the month's first).
	 */
	public static Priced price(List<Calls> calls, Tiers tiers, long already) {
		long position = already;
		long pulses = 0;
		BigDecimal cost = BigDecimal.ZERO;
		boolean approximate = false;
		for (Calls group : calls) {
			approximate |= group.approximate() && group.count() > 0;
			if (group.pulses() == 0) {
				continue;
			}
			long remaining = group.count();
			while (remaining > 0) {
				// the tier the next call ends in, and how many of the group end in it
				Tier tier = endingIn(tiers, position + group.pulses());
				long inTier = tier.upper() == null ? remaining
						: Math.min(remaining, (tier.upper() * PULSES_PER_MINUTE - position) / group.pulses());
				long billed = inTier * group.pulses();
				cost = cost.add(tier.rate().multiply(BigDecimal.valueOf(billed)));
				position += billed;
				pulses += billed;
				remaining -= inTier;
			}
		}
		// a rate is per minute: a pulse costs a tenth of it
		return new Priced(pulses, cost.movePointLeft(1), approximate);
	}

	/** The tier holding a position of the month, in pulses: the tier of the minute it falls in. */
	private static Tier endingIn(Tiers tiers, long pulse) {
		for (Tier tier : tiers.tiers()) {
			if (tier.upper() == null || pulse <= tier.upper() * PULSES_PER_MINUTE) {
				return tier;
			}
		}
		throw new IllegalStateException("tiers without a last, open tier"); // Tiers refuses those
	}

}
