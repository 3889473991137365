package com.wabarecon.rules;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

import org.junit.jupiter.api.Test;

/** The suggested auto-renewal, by 360dialog's advice, worked out by hand. */
class RenewalAdviceTests {

	@Test
	void stableUsageIsBasedOnTheMonthsAverage() {
		// 2.00 every day: threshold 3 x 2.00 = 6, amount 30 x 2.00 = 60
		RenewalAdvice advice = RenewalAdvice.of(days("2.00", 30, "2.00", 0), "EUR");

		assertThat(advice.stable()).isTrue();
		assertThat(advice.dailyCost()).isEqualByComparingTo("2.00");
		assertThat(advice.threshold()).isEqualByComparingTo("6");
		assertThat(advice.amount()).isEqualByComparingTo("60");
	}

	@Test
	void fluctuatingUsageIsBasedOnTheLastFifteenDays() {
		// 1.00 for 15 days, then 3.00: the month's 2.00 a day, the last days' 3.00, 50 % away:
		// threshold 9, amount 90
		RenewalAdvice advice = RenewalAdvice.of(days("1.00", 15, "3.00", 15), "EUR");

		assertThat(advice.stable()).isFalse();
		assertThat(advice.dailyCost()).isEqualByComparingTo("3.00");
		assertThat(advice.threshold()).isEqualByComparingTo("9");
		assertThat(advice.amount()).isEqualByComparingTo("90");
	}

	@Test
	void exactlyTwentyPercentAwayIsStillStable() {
		// 2.00 then 3.00: the month's 2.50, the last days' 3.00, 20 % away: 3 x 2.50 = 7.50, 8; 75
		RenewalAdvice advice = RenewalAdvice.of(days("2.00", 15, "3.00", 15), "EUR");

		assertThat(advice.stable()).isTrue();
		assertThat(advice.threshold()).isEqualByComparingTo("8");
		assertThat(advice.amount()).isEqualByComparingTo("75");
	}

	@Test
	void bothAreRoundedUpToAWholeUnit() {
		// 1.37 a day: 4.11 is 5, 41.10 is 42
		RenewalAdvice advice = RenewalAdvice.of(days("1.37", 30, "1.37", 0), "INR");

		assertThat(advice.threshold()).isEqualByComparingTo("5");
		assertThat(advice.amount()).isEqualByComparingTo("42");
	}

	@Test
	void withoutUsageThereIsNothingToSuggest() {
		RenewalAdvice advice = RenewalAdvice.of(days("0", 30, "0", 0), "EUR");

		assertThat(advice.threshold()).isNull();
		assertThat(advice.amount()).isNull();
	}

	private static List<BigDecimal> days(String first, int firstDays, String then, int thenDays) {
		List<BigDecimal> costs = new ArrayList<>(Collections.nCopies(firstDays, new BigDecimal(first)));
		costs.addAll(Collections.nCopies(thenDays, new BigDecimal(then)));
		return costs;
	}

}
