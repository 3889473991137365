package com.wabarecon.rules;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Shares a rate-card cost among channels to the cent. Tiers are counted on a client's whole
 * monthly volume for a market and category (the client stands for its business portfolio, and
 * its WABAs may bill in several currencies); the volume to be priced from the rate card costs
 * its part of that volume's tiered cost, in the currency of its rate, rounded to the currency
 * ({@link Money#round}); that cost is then split among the channels by their volume so that the
 * shares add up to it exactly.
 * <p>
 * <b>The remainder rule</b> (largest remainder): each channel first gets its exact share rounded
 * down to the currency's minor unit; the minor units left over go one each to the channels with
 * the largest parts cut off, and among equal parts to the channel listed first (callers list
 * channels by id). Thread-safe.
 */
public final class CostShares {

	private CostShares() {
	}

	/**
	 * The rate-card cost of the channels' volumes, one share each, in the order given.
	 *
	 * @param tiers the rate of the volumes' currency, market and category
	 * @param clientVolume the client's whole charged volume in the market and category, in every
	 * currency, priced or not: what the tiers are counted on (at least the channels' volumes)
	 * @param channelVolumes the volumes to price, per channel
	 */
	public static List<BigDecimal> of(Tiers tiers, long clientVolume, long[] channelVolumes, String currency) {
		long priced = 0;
		for (long volume : channelVolumes) {
			if (volume < 0) {
				throw new IllegalArgumentException("a volume to price is negative: " + volume);
			}
			priced += volume;
		}
		if (priced > clientVolume) {
			throw new IllegalArgumentException(
					"the volume to price (" + priced + ") exceeds the client's volume (" + clientVolume + ")");
		}
		int digits = Money.digits(currency);
		// one division, rounded once: the cost's part of the client's volume at the currency's precision
		BigDecimal cost = priced == 0 ? BigDecimal.ZERO.setScale(digits)
				: tiers.cost(clientVolume)
					.multiply(BigDecimal.valueOf(priced))
					.divide(BigDecimal.valueOf(clientVolume), digits, Money.ROUNDING);
		return split(cost, channelVolumes, digits);
	}

	/**
	 * Splits an amount already at {@code digits} decimals into shares proportional to the
	 * weights, each at {@code digits} decimals, that add up to it exactly (the remainder rule
	 * above). All weights zero: the whole amount goes to the first share.
	 */
	public static List<BigDecimal> split(BigDecimal amount, long[] weights, int digits) {
		int n = weights.length;
		if (n == 0) {
			if (amount.signum() != 0) {
				throw new IllegalArgumentException("no one to share " + amount.toPlainString() + " among");
			}
			return List.of();
		}
		// in whole minor units, so that every share and every part cut off is exact
		BigInteger units = amount.movePointRight(digits).toBigIntegerExact();
		BigInteger sign = BigInteger.valueOf(units.signum() < 0 ? -1 : 1);
		BigInteger whole = units.abs();
		BigInteger total = BigInteger.ZERO;
		for (long weight : weights) {
			if (weight < 0) {
				throw new IllegalArgumentException("a weight is negative: " + weight);
			}
			total = total.add(BigInteger.valueOf(weight));
		}
		BigInteger[] shares = new BigInteger[n];
		BigInteger[] cut = new BigInteger[n];
		BigInteger left = whole;
		for (int i = 0; i < n; i++) {
			if (total.signum() == 0) {
				shares[i] = i == 0 ? whole : BigInteger.ZERO;
				cut[i] = BigInteger.ZERO;
			}
			else {
				BigInteger[] division = whole.multiply(BigInteger.valueOf(weights[i])).divideAndRemainder(total);
				shares[i] = division[0];
				cut[i] = division[1];
			}
			left = left.subtract(shares[i]);
		}
		List<Integer> order = new ArrayList<>(n);
		for (int i = 0; i < n; i++) {
			order.add(i);
		}
		order.sort(Comparator.<Integer, BigInteger>comparing(i -> cut[i]).reversed().thenComparing(i -> i));
		for (int k = 0; left.signum() > 0; k++, left = left.subtract(BigInteger.ONE)) {
			int i = order.get(k);
			shares[i] = shares[i].add(BigInteger.ONE);
		}
		List<BigDecimal> result = new ArrayList<>(n);
		for (BigInteger share : shares) {
			result.add(new BigDecimal(share.multiply(sign), digits));
		}
		return result;
	}

}
