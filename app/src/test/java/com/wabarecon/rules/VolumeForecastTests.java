package com.wabarecon.rules;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

/** The coming month's volume and its 80 % interval, and the backtest of the method, worked out by hand. */
class VolumeForecastTests {

	private static final YearMonth OCTOBER = YearMonth.of(2025, 10);

	@Test
	void oneMonthIsItsRunRateWithLowConfidence() {
		// 3,000 in September's 30 days: 100 a day, 3,100 in October's 31
		VolumeForecast.Forecast forecast = VolumeForecast.of(List.of(month(2025, 9, 3000)), OCTOBER);

		assertThat(forecast.volume()).isEqualTo(3100);
		assertThat(forecast.lowConfidence()).isTrue();
		assertThat(forecast.low()).isNull();
		assertThat(forecast.high()).isNull();
	}

	@Test
	void threeMonthsAddHalfTheTrendAndAnIntervalFromTheMethodsOwnErrors() {
		// 3,100 / 31 = 100 a day in July, 3,410 / 31 = 110 in August, 3,600 / 30 = 120 in September:
		// (120 - 100) / 2 = 10 a month, half of it: 125 a day, 3,875 in October. The method's past
		// errors: August from July (100 x 31 = 3,100) +10 %, September from July and August (110 x
		// 30 = 3,300) +9.09 %; their root mean square 9.556 %, x 1.886 (Student's t, 2 errors) =
		// 18.023 %: 3,177 to 4,573
		VolumeForecast.Forecast forecast = VolumeForecast.of(
				List.of(month(2025, 7, 3100), month(2025, 8, 3410), month(2025, 9, 3600)), OCTOBER);

		assertThat(forecast.volume()).isEqualTo(3875);
		assertThat(forecast.lowConfidence()).isFalse();
		assertThat(forecast.low()).isEqualTo(3177);
		assertThat(forecast.high()).isEqualTo(4573);
	}

	@Test
	void anExactHalfMessageRoundsUp() {
		// 934 / 31 a day in July, 1,200 / 30 = 40 in September: 40 + (40 - 934 / 31) / 4 a day, times
		// 31 = 1,240 + (1,240 - 934) / 4 = 1,316.5 exactly, whose quotients cut at 16 digits make
		// 1,316.4999...: 1,317
		VolumeForecast.Forecast forecast = VolumeForecast.of(
				List.of(month(2025, 7, 934), month(2025, 8, 1001), month(2025, 9, 1200)), OCTOBER);

		assertThat(forecast.volume()).isEqualTo(1317);
	}

	@Test
	void twelveMonthsAtMostAndTheTrendOverTheLastSix() {
		// 14 months: the first two (huge) are not looked at. The last 12 run at 100 a day but the
		// last, 130: (130 - 100) / 6 = 5 a month, half of it, 132.5 a day: 4,107.5, 4,108 in October
		List<VolumeForecast.Month> history = new ArrayList<>();
		history.add(month(2024, 8, 1_000_000));
		history.add(month(2024, 9, 1_000_000));
		for (YearMonth m = YearMonth.of(2024, 10); m.isBefore(YearMonth.of(2025, 9)); m = m.plusMonths(1)) {
			history.add(new VolumeForecast.Month(m, 100L * m.lengthOfMonth()));
		}
		history.add(month(2025, 9, 3900));

		VolumeForecast.Forecast forecast = VolumeForecast.of(history, OCTOBER);

		assertThat(forecast.volume()).isEqualTo(4108);
		// every past forecast but the last two was exact (100 a day); September's was 3,000 for
		// 3,900 (+30 %): RMS over 11 errors sqrt(0.09 / 11) = 9.045 %, x 1.363 (t, 11 errors) = 12.329 %
		assertThat(forecast.low()).isEqualTo(3602);
		assertThat(forecast.high()).isEqualTo(4614);
	}

	@Test
	void aFallingSeriesIsNeverForecastBelowZero() {
		// 60 a day, then 30, then 0: (0 - 60) / 2 = -30, half: -15 a day, 0
		VolumeForecast.Forecast forecast = VolumeForecast.of(
				List.of(month(2025, 7, 1860), month(2025, 8, 930), month(2025, 9, 0)), OCTOBER);

		assertThat(forecast.volume()).isZero();
		assertThat(forecast.low()).isZero();
	}

	@Test
	void theBacktestForecastsEachMonthFromTheMonthsBeforeIt() {
		// August from July: 3,100 for 3,410, 9.09 % off; September from July and August: 3,300 for
		// 3,600, 8.33 % off; neither had an interval (fewer than 3 months before it)
		Backtest backtest = Backtest.of(List.of(month(2025, 7, 3100), month(2025, 8, 3410), month(2025, 9, 3600)), 12);

		assertThat(backtest.forecasts()).isEqualTo(2);
		assertThat(backtest.meanAbsolutePctError()).isEqualByComparingTo("8.7");
		assertThat(backtest.coveragePct()).isNull();
		// two series add up: September of the other forecast at 100 x 30 = 3,000 for 1,500, 100 %
		// off: 3 forecasts, (9.09 + 8.33 + 100) / 3 = 39.1 %
		Backtest both = backtest.plus(Backtest.of(List.of(month(2025, 8, 3100), month(2025, 9, 1500)), 12));
		assertThat(both.meanAbsolutePctError()).isEqualByComparingTo("39.1");
	}

	@Test
	void theBacktestCountsTheIntervalsThatHeldTheActualVolume() {
		// October forecast from July to September: 3,177 to 4,573; 4,000 falls inside, 5,000 not
		List<VolumeForecast.Month> base = List.of(month(2025, 7, 3100), month(2025, 8, 3410), month(2025, 9, 3600));
		List<VolumeForecast.Month> inside = new ArrayList<>(base);
		inside.add(month(2025, 10, 4000));
		List<VolumeForecast.Month> outside = new ArrayList<>(base);
		outside.add(month(2025, 10, 5000));

		assertThat(Backtest.of(inside, 1).coveragePct()).isEqualByComparingTo("100.0");
		assertThat(Backtest.of(outside, 1).coveragePct()).isEqualByComparingTo("0.0");
		// 4,000 for 3,875: 3.125 %, 3.1
		assertThat(Backtest.of(inside, 1).meanAbsolutePctError()).isEqualByComparingTo("3.1");
	}

	private static VolumeForecast.Month month(int year, int month, long volume) {
		return new VolumeForecast.Month(YearMonth.of(year, month), volume);
	}

}
