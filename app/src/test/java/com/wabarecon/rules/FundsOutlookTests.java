package com.wabarecon.rules;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.Map;

import org.junit.jupiter.api.Test;

/** Days of funds left, the renewal day and the empty day, at the last 15 days' cost, by hand. */
class FundsOutlookTests {

	private static final LocalDate SEP_30 = LocalDate.of(2025, 9, 30);

	private static final FundsOutlook.AutoRenewal RENEWAL_AT_10 = new FundsOutlook.AutoRenewal(true,
			new BigDecimal("10.00"), new BigDecimal("50.00"));

	@Test
	void withoutRenewalTheFundsLastTheBalanceOverTheDailyCost() {
		// 3.00 a day from 16 to 30 September; 40.00 / 3.00 = 13.33 days: the 14th day ends with nothing
		FundsOutlook outlook = FundsOutlook.of(new BigDecimal("40.00"), SEP_30, threePerDay(), FundsOutlook.AutoRenewal.NONE,
				"EUR");

		assertThat(outlook.dailyCost()).isEqualByComparingTo("3.00");
		assertThat(outlook.daysLeft()).isEqualByComparingTo("13.3");
		assertThat(outlook.empty()).isEqualTo(LocalDate.of(2025, 10, 14));
		assertThat(outlook.renewal()).isNull();
		assertThat(outlook.runsOutSoon()).isFalse();
	}

	@Test
	void fundsForSevenDaysOrFewerWithoutRenewalAreFlagged() {
		// 20.00 / 3.00 = 6.67 days: empty on the 7th day
		FundsOutlook outlook = FundsOutlook.of(new BigDecimal("20.00"), SEP_30, threePerDay(), FundsOutlook.AutoRenewal.NONE,
				"EUR");

		assertThat(outlook.daysLeft()).isEqualByComparingTo("6.6");
		assertThat(outlook.empty()).isEqualTo(LocalDate.of(2025, 10, 7));
		assertThat(outlook.runsOutSoon()).isTrue();
	}

	@Test
	void withRenewalTheBalanceFallsBelowTheThresholdAndIsRefilled() {
		// (40.00 - 10.00) / 3.00 = 10 days down to the threshold: the 11th ends below it
		FundsOutlook outlook = FundsOutlook.of(new BigDecimal("40.00"), SEP_30, threePerDay(), RENEWAL_AT_10, "EUR");

		assertThat(outlook.renewal()).isEqualTo(LocalDate.of(2025, 10, 11));
		assertThat(outlook.empty()).isNull();
		assertThat(outlook.runsOutSoon()).isFalse();
		// already below the threshold: renewal is due now
		assertThat(FundsOutlook.of(new BigDecimal("8.00"), SEP_30, threePerDay(), RENEWAL_AT_10, "EUR").renewal())
			.isEqualTo(SEP_30);
	}

	@Test
	void theDailyCostIsTheLastFifteenDaysOnlyDaysWithoutUsageIncluded() {
		// 1 to 15 September spent 10.00 a day; of the last 15 days only 20 September (1.50) and
		// 30 September (4.50): 6.00 / 15 = 0.40 a day
		Map<LocalDate, BigDecimal> usage = new HashMap<>();
		for (int day = 1; day <= 15; day++) {
			usage.put(LocalDate.of(2025, 9, day), new BigDecimal("10.00"));
		}
		usage.put(LocalDate.of(2025, 9, 20), new BigDecimal("1.50"));
		usage.put(SEP_30, new BigDecimal("4.50"));

		FundsOutlook outlook = FundsOutlook.of(new BigDecimal("12.00"), SEP_30, usage, FundsOutlook.AutoRenewal.NONE, "EUR");

		assertThat(outlook.dailyCost()).isEqualByComparingTo("0.40");
		assertThat(outlook.daysLeft()).isEqualByComparingTo("30.0");
		assertThat(outlook.empty()).isEqualTo(LocalDate.of(2025, 10, 30));
	}

	@Test
	void withoutSpendingTheFundsDoNotRunOutAndAnEmptyBalanceHasRunOut() {
		FundsOutlook idle = FundsOutlook.of(new BigDecimal("12.00"), SEP_30, Map.of(), FundsOutlook.AutoRenewal.NONE, "EUR");
		assertThat(idle.daysLeft()).isNull();
		assertThat(idle.empty()).isNull();
		assertThat(idle.runsOutSoon()).isFalse();

		FundsOutlook gone = FundsOutlook.of(new BigDecimal("-0.40"), SEP_30, threePerDay(), FundsOutlook.AutoRenewal.NONE,
				"EUR");
		assertThat(gone.daysLeft()).isEqualByComparingTo("0.0");
		assertThat(gone.empty()).isEqualTo(SEP_30);
		assertThat(gone.runsOutSoon()).isTrue();
	}

	private static Map<LocalDate, BigDecimal> threePerDay() {
		Map<LocalDate, BigDecimal> usage = new HashMap<>();
		for (int day = 16; day <= 30; day++) {
			usage.put(LocalDate.of(2025, 9, day), new BigDecimal("3.00"));
		}
		return usage;
	}

}
