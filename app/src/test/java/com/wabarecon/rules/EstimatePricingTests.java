package com.wabarecon.rules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

/**
 * Estimates priced by hand: India utility in EUR is 0:1000 at 0.0550 and 1001:MAX at 0.0500;
 * no EUR rate for India marketing.
 */
class EstimatePricingTests {

	private static final RateCard CARD = RateCard.inForce(YearMonth.of(2025, 9), List.of(
			row("0:1000@0.0550", 2), row("1001:MAX@0.0500", 3)), List.of(), new Markets(Map.of()));

	record Group(String client, String channel, String currency, String country, String category, long volume,
			long toPrice) implements EstimatePricing.Estimates {

		@Override
		public boolean hasUnpriced() {
			return toPrice > 0;
		}

	}

	@Test
	void tiersCountEachClientsWholeVolumeAndTheCostIsSharedByChannel() {
		// given: client c1's 2,000 messages to India, 500 of them exported with their cost (in USD);
		// client c2's 100 on tiers of its own
		List<Group> estimates = List.of(
				new Group("c1", "ch_2", "EUR", "IN", "UTILITY", 1000, 1000),
				new Group("c1", "ch_1", "EUR", "IN", "UTILITY", 500, 500),
				new Group("c1", "ch_3", "USD", "IN", "UTILITY", 500, 0),
				new Group("c2", "ch_6", "EUR", "IN", "UTILITY", 100, 100));

		// when
		EstimatePricing.Result<Group> result = EstimatePricing.of(estimates, CARD);

		// then: c1's 2,000 cost 55.00 + 50.00 = 105.00, the 1,500 to price 78.75, shared 500:1000
		// listed by channel; c2's 100 are 5.50, in its first tier
		assertThat(result.unpriced()).isEmpty();
		assertThat(result.prices()).extracting(p -> p.estimates().channel(), p -> p.cost().toPlainString(),
				EstimatePricing.Price::clientVolume)
			.containsExactly(tuple("ch_1", "26.25", 2000L),
					tuple("ch_2", "52.50", 2000L),
					tuple("ch_6", "5.50", 100L));
		assertThat(result.prices().get(0).rate().version()).isEqualTo(LocalDate.of(2025, 7, 1));
	}

	@Test
	void estimatesWithoutAMarketOrARateAreNotPricedAndSayWhy() {
		List<Group> estimates = List.of(
				new Group("c1", "ch_5", "EUR", "IN", "MARKETING", 10, 10),
				new Group("c1", "ch_4", "EUR", "ZZ", "UTILITY", 10, 10),
				new Group("c1", "ch_7", "EUR", "ZZ", "UTILITY", 10, 0));

		EstimatePricing.Result<Group> result = EstimatePricing.of(estimates, CARD);

		assertThat(result.prices()).isEmpty();
		assertThat(result.unpriced()).extracting(u -> u.estimates().channel() + ": " + u.reason())
			.containsExactly("ch_4: 'ZZ' is not a country code",
					"ch_5: no EUR rate for India (IN) MARKETING in the rate cards in force for 2025-09 (of 2025-07-01)");
	}

	private static RateCard.Row row(String tier, long line) {
		return new RateCard.Row(LocalDate.of(2025, 7, 1), "EUR", "India", "UTILITY", TiersTests.tiers(tier).get(0),
				"rate-cards/2025-07-01.csv", line);
	}

}
