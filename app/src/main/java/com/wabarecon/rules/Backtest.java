package com.wabarecon.rules;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.util.List;

/**
 * How well {@link VolumeForecast} forecast past months: each of a series' last months forecast
 * from the months before it, its absolute percentage error against the actual volume (a month
 * with no volume has none), and how often the actual fell inside the 80 % interval (of the
 * forecasts that had one). Backtests add up, so a client's and the overall figures are the sums
 * of their series'.
 *
 * @param forecasts the months forecast that had a volume
 * @param absolutePctErrors the sum of their absolute percentage errors
 * @param withInterval the forecasts with an interval
 * @param inside of those, the ones whose actual volume fell inside it
 */
public record Backtest(int forecasts, BigDecimal absolutePctErrors, int withInterval, int inside) {

	public static final Backtest NONE = new Backtest(0, BigDecimal.ZERO, 0, 0);

	/** The last {@code months} months of the series (oldest first), each forecast from the months before it. */
	public static Backtest of(List<VolumeForecast.Month> series, int months) {
		Backtest result = NONE;
		for (int j = Math.max(1, series.size() - months); j < series.size(); j++) {
			VolumeForecast.Month actual = series.get(j);
			VolumeForecast.Forecast forecast = VolumeForecast.of(series.subList(0, j), actual.month());
			if (actual.volume() == 0) {
				continue;
			}
			BigDecimal error = BigDecimal.valueOf(Math.abs(actual.volume() - forecast.volume()))
				.multiply(BigDecimal.valueOf(100))
				.divide(BigDecimal.valueOf(actual.volume()), MathContext.DECIMAL64);
			boolean interval = forecast.low() != null;
			result = result.plus(new Backtest(1, error, interval ? 1 : 0, forecast.holds(actual.volume()) ? 1 : 0));
		}
		return result;
	}

	public Backtest plus(Backtest other) {
		return new Backtest(forecasts + other.forecasts, absolutePctErrors.add(other.absolutePctErrors),
				withInterval + other.withInterval, inside + other.inside);
	}

	/** The mean absolute percentage error, one decimal; {@code null} without a forecast. */
	public BigDecimal meanAbsolutePctError() {
		return forecasts == 0 ? null
				: absolutePctErrors.divide(BigDecimal.valueOf(forecasts), 1, RoundingMode.HALF_UP);
	}

	/** The share of the intervals that held the actual volume, in %, one decimal; {@code null} without one. */
	public BigDecimal coveragePct() {
		return withInterval == 0 ? null
				: BigDecimal.valueOf(inside * 100L).divide(BigDecimal.valueOf(withInterval), 1, RoundingMode.HALF_UP);
	}

}
