package com.wabarecon.forecast;

import java.time.YearMonth;
import java.util.Map;
import java.util.TreeMap;

import com.wabarecon.rules.Backtest;

import org.springframework.stereotype.Service;

/**
 * How well the forecast would have done on the months the database holds: every series of the
 * reconciliation lines (a client's number, or whole WABA, category and currency) backtested
 * ({@link Backtest}) over its last months, per client and overall.
 */
@Service
public class ForecastBacktest {

	/** The backtest per client and overall, over the months from {@code first} to {@code last}; none without lines. */
	public record Report(YearMonth first, YearMonth last, Map<String, Backtest> perClient, Backtest overall) {
	}

	private final SeriesRepository seriesRepository;

	ForecastBacktest(SeriesRepository seriesRepository) {
		this.seriesRepository = seriesRepository;
	}

	/** Each series' last {@code months} months forecast from the months before each. */
	public Report run(int months) {
		Map<String, Series> series = seriesRepository.read(null, null, null);
		YearMonth[] last = { null };
		series.values().forEach(one -> {
			YearMonth its = one.last();
			last[0] = last[0] == null || its.isAfter(last[0]) ? its : last[0];
		});
		Map<String, Backtest> perClient = new TreeMap<>();
		Backtest overall = Backtest.NONE;
		for (Series one : series.values()) {
			Backtest backtest = Backtest.of(one.history(last[0]), months);
			perClient.merge(one.clientId, backtest, Backtest::plus);
			overall = overall.plus(backtest);
		}
		return new Report(last[0] == null ? null : last[0].minusMonths(months - 1L), last[0], perClient, overall);
	}

}
