package com.wabarecon.rules;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The rate in force for a month, per currency, market and category, and the versions refused:
 * tiers that overlap or leave a gap, and one version given by two files.
 */
class RateCardTests {

	private static final Markets MARKETS = new Markets(Map.of());

	/** A card of April (India utility 0.0016) and one of July (0.0014, written by code). */
	private static final List<RateCard.Row> ROWS = List.of(
			row("2025-04-01", "INR", "India", "UTILITY", "0:MAX@0.0016", "rate-cards/2025-04-01.csv", 2),
			row("2025-07-01", "INR", "IN", "UTILITY", "0:100000@0.0014", "rate-cards/2025-07-01.csv", 2),
			row("2025-07-01", "INR", "in", "UTILITY", "100001:MAX@0.0012", "rate-cards/2025-07-01.csv", 3),
			row("2025-10-01", "INR", "India", "UTILITY", "0:MAX@0.0011", "rate-cards/2025-10-01.csv", 2));

	@ParameterizedTest(name = "{0}")
	@CsvSource(delimiter = '|', textBlock = """
			# month  | version in force | cost of 150,000
			2025-06  | 2025-04-01       | 240.0000
			2025-07  | 2025-07-01       | 200.0000
			2025-09  | 2025-07-01       | 200.0000
			2025-10  | 2025-10-01       | 165.0000
			""")
	void theRateInForceIsTheLatestOnOrBeforeTheMonthsFirstDay(String month, LocalDate version, BigDecimal cost) {
		RateCard.Rate rate = RateCard.inForce(YearMonth.parse(month), ROWS, List.of(), MARKETS)
			.rate("INR", "IN", "UTILITY");

		assertThat(rate.found()).as(rate.missing()).isTrue();
		assertThat(rate.version()).isEqualTo(version);
		assertThat(rate.market()).isEqualTo("India");
		assertThat(rate.tiers().cost(150_000)).isEqualByComparingTo(cost);
	}

	@Test
	void aRateTheCardDoesNotHaveIsMissingWithItsReason() {
		RateCard card = RateCard.inForce(YearMonth.of(2025, 9), ROWS, List.of(), MARKETS);

		assertThat(card.rate("EUR", "IN", "UTILITY").missing())
			.isEqualTo("no EUR rate for India (IN) UTILITY in the rate cards in force for 2025-09 (of 2025-07-01)");
		assertThat(card.rate("INR", "IN", "MARKETING").found()).isFalse();
		assertThat(card.rate("INR", null, "UTILITY").missing()).contains("no recipient country");
		assertThat(RateCard.inForce(YearMonth.of(2025, 3), ROWS, List.of(), MARKETS).rate("INR", "IN", "UTILITY")
			.missing()).isEqualTo("no INR rate for India (IN) UTILITY in the rate cards in force for 2025-03 (none is in force)");
		assertThat(card.rateOfMarket("INR", "india", "UTILITY").tiers().cost(150_000)).isEqualByComparingTo("200.0000");
	}

	@Test
	void aRefusedRateInForceIsNotReplacedByAnOlderOne() {
		var refusal = new RateCard.Refusal(LocalDate.parse("2025-07-01"), "INR", "India", "UTILITY",
				"tiers 0:1000 and 900:MAX overlap");
		List<RateCard.Row> older = ROWS.subList(0, 1);

		RateCard.Rate rate = RateCard.inForce(YearMonth.of(2025, 9), older, List.of(refusal), MARKETS)
			.rate("INR", "IN", "UTILITY");

		assertThat(rate.found()).isFalse();
		assertThat(rate.version()).isEqualTo(LocalDate.parse("2025-07-01"));
		assertThat(rate.missing()).isEqualTo("the rate in force was refused: tiers 0:1000 and 900:MAX overlap");
	}

	@Test
	void overlappingTiersAreRefusedNamingTheirRows() {
		List<RateCard.Row> rows = new ArrayList<>(ROWS);
		rows.add(row("2025-07-01", "INR", "India", "UTILITY", "90000:MAX@0.0013", "rate-cards/2025-07-01.csv", 9));

		List<RateCard.Refused> refused = RateCard.refusals(rows, List.of(), MARKETS);

		assertThat(refused).singleElement().satisfies(version -> {
			assertThat(version.reason()).isEqualTo("the INR rates of India UTILITY from 2025-07-01 are "
					+ "refused: tiers 0:100000 and 90000:MAX overlap (messages 90000 to 100000 would be priced twice) "
					+ "(rate-cards/2025-07-01.csv line 2, rate-cards/2025-07-01.csv line 3, rate-cards/2025-07-01.csv line 9)");
			assertThat(version.rows()).hasSize(3);
		});
	}

	@Test
	void oneVersionGivenByTwoFilesIsAConflictNamingBoth() {
		List<RateCard.Row> rows = new ArrayList<>(ROWS);
		rows.add(row("2025-07-01", "INR", "INDIA", "UTILITY", "0:MAX@0.0014", "rate-cards/india-2025-07.csv", 2));

		List<RateCard.Refused> refused = RateCard.refusals(rows, List.of(), MARKETS);

		assertThat(refused).extracting(RateCard.Refused::reason).containsExactly("conflict: rate-cards/2025-07-01.csv "
				+ "and rate-cards/india-2025-07.csv both give the INR rates of India UTILITY from 2025-07-01");
	}

	@Test
	void aCleanCardHasNoRefusals() {
		assertThat(RateCard.refusals(ROWS, List.of(), MARKETS)).isEmpty();
	}

	@Test
	void aVersionWithARowThatCannotBeReadIsRefusedNotReplacedByAnOlderOne() {
		// July's second India utility tier has a rate that is no number; July's first tier still reads
		var unreadable = new RateCard.Unreadable(LocalDate.parse("2025-07-01"), "INR", "in", "UTILITY",
				"rate-cards/2025-07-01.csv", 3, "rate '0,0012' is not a number");
		List<RateCard.Row> readable = List.of(ROWS.get(0), ROWS.get(1));

		List<RateCard.Refused> refused = RateCard.refusals(readable, List.of(unreadable), MARKETS);

		assertThat(refused).singleElement().satisfies(version -> {
			assertThat(version.effectiveFrom()).isEqualTo(LocalDate.parse("2025-07-01"));
			assertThat(version.reason()).isEqualTo("the INR rates of India UTILITY from 2025-07-01 are refused: "
					+ "rate-cards/2025-07-01.csv line 3 cannot be read (rate '0,0012' is not a number), and a rate with a "
					+ "row missing is not used, nor an older one in its place");
		});
	}

	@Test
	void aRowWhoseVersionCannotBeReadRefusesEveryVersionOfItsFile() {
		var unreadable = new RateCard.Unreadable(null, "INR", "India", "UTILITY", "rate-cards/2025-07-01.csv", 4,
				"effective_from '2025-7-1' is not a date (YYYY-MM-DD)");

		List<RateCard.Refused> refused = RateCard.refusals(ROWS, List.of(unreadable), MARKETS);

		assertThat(refused).extracting(RateCard.Refused::effectiveFrom).containsExactly(LocalDate.parse("2025-07-01"));
	}

	private static RateCard.Row row(String from, String currency, String market, String category, String tier,
			String file, long line) {
		return new RateCard.Row(LocalDate.parse(from), currency, market, category, TiersTests.tiers(tier).get(0),
				file, line);
	}

}
