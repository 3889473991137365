package com.wabarecon.rules;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;

/**
 * The coming month's volume of one series (a client's channel and category) from its closed
 * months, by the product's method, stated in the README:
 * <ul>
 * <li>Each month's volume per day of the month (its daily run-rate), of the last
 * {@value #MAX_MONTHS} months at most.</li>
 * <li>With fewer than {@value #MIN_MONTHS} months, the last month's run-rate: low confidence,
 * no interval.</li>
 * <li>From {@value #MIN_MONTHS} months on, the last run-rate plus half the average monthly
 * change of the run-rate over the last {@value #TREND_MONTHS} months at most (a damped trend),
 * never below zero; times the coming month's days.</li>
 * <li>Its 80 % interval: the forecast plus and minus the root mean square of the method's own
 * relative errors on the series' past months (each forecast from the months before it) times
 * Student's t quantile of 90 % for that many errors (1.886 for 2, 1.363 for 11; 1.2816 beyond
 * 30), never below zero.</li>
 * </ul>
 */
public final class VolumeForecast {

	public static final int MAX_MONTHS = 12;

	public static final int MIN_MONTHS = 3;

	public static final int TREND_MONTHS = 6;

	/**
	 * Student's t quantile of 90 % for 1 to 30 degrees of freedom (the past errors' count), then
	 * the normal's 1.2816: few errors understate the spread, and the quantile widens for them.
	 */
	private static final double[] T90 = { 3.078, 1.886, 1.638, 1.533, 1.476, 1.440, 1.415, 1.397, 1.383, 1.372, 1.363,
			1.356, 1.350, 1.345, 1.341, 1.337, 1.333, 1.330, 1.328, 1.325, 1.323, 1.321, 1.319, 1.318, 1.316, 1.315,
			1.314, 1.313, 1.311, 1.310 };

	static final BigDecimal Z80 = new BigDecimal("1.2816");

	private static final BigDecimal DAMPING = new BigDecimal("0.5");

	private static final MathContext PRECISION = MathContext.DECIMAL64;

	/** A closed month's volume. */
	public record Month(YearMonth month, long volume) {
	}

	/**
	 * @param low the 80 % interval's lower end; {@code null} with low confidence
	 * @param high its upper end; {@code null} with low confidence
	 * @param lowConfidence fewer than {@value #MIN_MONTHS} months to stand on
	 */
	public record Forecast(YearMonth month, long volume, Long low, Long high, boolean lowConfidence) {

		/** Whether the interval holds the actual volume; {@code false} without an interval. */
		public boolean holds(long actual) {
			return low != null && low <= actual && actual <= high;
		}

	}

	private VolumeForecast() {
	}

	/**
	 * The forecast of {@code next} from the months before it, oldest first; {@code null} without
	 * any month to stand on.
	 */
	public static Forecast of(List<Month> history, YearMonth next) {
		List<Month> months = history.subList(Math.max(0, history.size() - MAX_MONTHS), history.size());
		if (months.isEmpty()) {
			return null;
		}
		long volume = volume(rate(months), next);
		if (months.size() < MIN_MONTHS) {
			return new Forecast(next, volume, null, null, true);
		}
		List<BigDecimal> errors = pastErrors(months);
		BigDecimal spread = rootMeanSquare(errors).multiply(quantile(errors.size()), PRECISION);
		BigDecimal point = BigDecimal.valueOf(volume);
		long low = point.multiply(BigDecimal.ONE.subtract(spread)).max(BigDecimal.ZERO).setScale(0, RoundingMode.HALF_UP)
			.longValueExact();
		long high = point.multiply(BigDecimal.ONE.add(spread)).setScale(0, RoundingMode.HALF_UP).longValueExact();
		return new Forecast(next, volume, low, high, false);
	}

	/** The daily run-rate the coming month is forecast at. */
	static BigDecimal rate(List<Month> months) {
		int n = months.size();
		BigDecimal last = dailyRate(months.get(n - 1));
		if (n < MIN_MONTHS) {
			return last;
		}
		int span = Math.min(n - 1, TREND_MONTHS);
		BigDecimal slope = last.subtract(dailyRate(months.get(n - 1 - span)))
			.divide(BigDecimal.valueOf(span), PRECISION);
		return last.add(slope.multiply(DAMPING)).max(BigDecimal.ZERO);
	}

	/** Each past month's relative error, {@code (actual - forecast) / forecast}, forecast from the months before it. */
	static List<BigDecimal> pastErrors(List<Month> months) {
		List<BigDecimal> errors = new ArrayList<>();
		for (int j = 1; j < months.size(); j++) {
			long forecast = volume(rate(months.subList(0, j)), months.get(j).month());
			if (forecast > 0) {
				errors.add(BigDecimal.valueOf(months.get(j).volume() - forecast)
					.divide(BigDecimal.valueOf(forecast), PRECISION));
			}
		}
		return errors;
	}

	/** The quantile the interval's half-width is in root mean squares, for this many past errors. */
	static BigDecimal quantile(int errors) {
		return errors >= 1 && errors <= T90.length ? BigDecimal.valueOf(T90[errors - 1]) : Z80;
	}

	private static BigDecimal rootMeanSquare(List<BigDecimal> errors) {
		if (errors.isEmpty()) {
			return BigDecimal.ZERO;
		}
		BigDecimal squares = errors.stream().map(e -> e.multiply(e, PRECISION)).reduce(BigDecimal.ZERO, BigDecimal::add);
		return squares.divide(BigDecimal.valueOf(errors.size()), PRECISION).sqrt(PRECISION);
	}

	private static BigDecimal dailyRate(Month month) {
		return BigDecimal.valueOf(month.volume()).divide(BigDecimal.valueOf(month.month().lengthOfMonth()), PRECISION);
	}

	/**
	 * The run-rate times the month's days, to the nearest message, half up. A rate is a quotient
	 * cut at 16 digits, so an exact half (1,316.5) arrives as 1,316.4999…: the product is first
	 * taken to 6 decimals, which no real fraction of a message needs, so that it rounds as a half.
	 */
	private static long volume(BigDecimal rate, YearMonth month) {
		return rate.multiply(BigDecimal.valueOf(month.lengthOfMonth()))
			.setScale(6, RoundingMode.HALF_UP)
			.setScale(0, RoundingMode.HALF_UP)
			.longValueExact();
	}

}
