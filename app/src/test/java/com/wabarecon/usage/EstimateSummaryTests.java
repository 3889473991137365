package com.wabarecon.usage;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

import com.wabarecon.support.reject.RowSource;

import org.junit.jupiter.api.Test;

class EstimateSummaryTests {

	private static final RowSource SOURCE = new RowSource("usage/ch_1.json", 1L, null, null);

	@Test
	void sumsEstimatesThatShareTheirKeyAndKeepsTheOthersApart() {
		// given: two days of one channel's marketing, a free row, and another channel
		List<UsageEstimate> estimates = List.of(
				estimate("ch_1", "2025-09-10", "REGULAR", 100, "12.5", UsageEstimate.SOURCE, true),
				estimate("ch_1", "2025-09-11", "REGULAR", 50, "6.25", UsageEstimate.SOURCE, true),
				estimate("ch_1", "2025-09-11", "FREE_TIER", 7, "0", UsageEstimate.FREE, true),
				estimate("ch_2", "2025-09-11", "REGULAR", 3, "1", UsageEstimate.SOURCE, true));

		// when
		List<EstimateSummary> sums = EstimateSummary.of(estimates);

		// then
		assertThat(sums).extracting(s -> s.channelId() + " " + s.pricingType() + " " + s.volume() + " "
				+ s.cost().toPlainString() + " " + s.unpricedRows())
			.containsExactly("ch_1 REGULAR 150 18.750000 0", "ch_1 FREE_TIER 7 0.000000 0", "ch_2 REGULAR 3 1.000000 0");
	}

	@Test
	void roundsEachCostAsTheCostColumnDoesBeforeAddingIt() {
		// given: costs with more places than the column's six, each rounded half up on its own
		List<UsageEstimate> estimates = List.of(
				estimate("ch_1", "2025-09-10", "REGULAR", 1, "0.0000005", UsageEstimate.SOURCE, true),
				estimate("ch_1", "2025-09-11", "REGULAR", 1, "0.0000005", UsageEstimate.SOURCE, true),
				estimate("ch_1", "2025-09-12", "REGULAR", 1, "-0.0000005", UsageEstimate.SOURCE, true));

		// then: 0.000001 + 0.000001 - 0.000001, not the 0.0000005 of the exact sum
		assertThat(EstimateSummary.of(estimates)).singleElement()
			.satisfies(sum -> assertThat(sum.cost()).isEqualByComparingTo("0.000001"));
	}

	@Test
	void countsEstimatesToBePricedFromTheRateCardWithoutACost() {
		List<UsageEstimate> estimates = List.of(
				estimate("ch_1", "2025-09-10", "REGULAR", 40, null, UsageEstimate.RATE_CARD, true),
				estimate("ch_1", "2025-09-11", "REGULAR", 60, null, UsageEstimate.RATE_CARD, true));

		assertThat(EstimateSummary.of(estimates)).singleElement().satisfies(sum -> {
			assertThat(sum.volume()).isEqualTo(100);
			assertThat(sum.cost()).isEqualByComparingTo("0");
			assertThat(sum.unpricedRows()).isEqualTo(2);
		});
	}

	@Test
	void putsTheVolumeOnTheDaysAtTheEdgeOfTheMonthAndLeavesTheOtherDaysOut() {
		// given: the day before September, its first and last day, the day after, and a day between
		List<UsageEstimate> estimates = List.of(
				estimate("ch_1", "2025-08-31", "REGULAR", 1, "0", UsageEstimate.SOURCE, false),
				estimate("ch_1", "2025-09-01", "REGULAR", 20, "0", UsageEstimate.SOURCE, true),
				estimate("ch_1", "2025-09-01", "REGULAR", 2, "0", UsageEstimate.SOURCE, true),
				estimate("ch_1", "2025-09-15", "REGULAR", 300, "0", UsageEstimate.SOURCE, true),
				estimate("ch_1", "2025-09-30", "REGULAR", 4000, "0", UsageEstimate.SOURCE, true),
				estimate("ch_1", "2025-10-01", "REGULAR", 50000, "0", UsageEstimate.SOURCE, false));

		// then: whether an estimate counts is part of the key
		assertThat(EstimateSummary.of(estimates)).extracting(s -> s.countsAsEstimate() + " " + s.volume() + " "
				+ s.volumeDayBefore() + " " + s.volumeFirstDay() + " " + s.volumeLastDay() + " " + s.volumeDayAfter())
			.containsExactly("false 50001 1 null null 50000", "true 4322 null 22 4000 null");
	}

	private static UsageEstimate estimate(String channel, String day, String pricingType, long volume, String cost,
			String costSource, boolean counts) {
		return new UsageEstimate("2025-09", channel, "c_1", null, LocalDate.parse(day), "DE", "MARKETING", pricingType,
				null, volume, cost == null ? null : new BigDecimal(cost), "EUR", costSource, UsageEstimate.EXPORT, counts,
				SOURCE);
	}

}
