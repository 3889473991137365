package com.wabarecon.rules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.util.Arrays;
import java.util.List;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Tiered prices worked by hand: each tier's rate applies only to the messages inside it,
 * counting from 1 ({@code 0:1000} and {@code 1:1000} are the same tier).
 */
class TiersTests {

	/** Utility in Germany with two falls: 0.0550 up to 1,000, 0.0500 to 5,000, 0.0450 above. */
	private static final Tiers UTILITY = Tiers.of(tiers("0:1000@0.0550 1001:5000@0.0500 5001:MAX@0.0450"));

	@ParameterizedTest(name = "{0} messages")
	@CsvSource(delimiter = '|', textBlock = """
			# volume | cost       | in tiers
			0        | 0          | 0 0 0
			1        | 0.0550     | 1 0 0
			1000     | 55.0000    | 1000 0 0
			1001     | 55.0500    | 1000 1 0
			5000     | 255.0000   | 1000 4000 0
			5001     | 255.0450   | 1000 4000 1
			12000    | 570.0000   | 1000 4000 7000
			""")
	void eachTiersRateAppliesOnlyInsideIt(long volume, BigDecimal cost, String split) {
		assertThat(UTILITY.cost(volume)).isEqualByComparingTo(cost);
		assertThat(UTILITY.split(volume)).containsExactly(Arrays.stream(split.split(" ")).mapToLong(Long::parseLong).toArray());
	}

	/** India utility: 0.1150 up to 100,000, 0.1093 to 500,000, 0.1035 above (tiers given out of order). */
	@ParameterizedTest(name = "{0} messages")
	@CsvSource(delimiter = '|', textBlock = """
			# volume | cost: 0.1150 x first 100,000 + 0.1093 x next 400,000 + 0.1035 x the rest
			0        | 0
			100000   | 11500.0000
			100001   | 11500.1093
			115000   | 13139.5000
			600000   | 65570.0000
			""")
	void aRateCardsTiersPriceTheMessagesInsideThem(long volume, BigDecimal cost) {
		Tiers india = Tiers.of(tiers("100001:500000@0.1093 0:100000@0.1150 500001:MAX@0.1035"));
		assertThat(india.cost(volume)).isEqualByComparingTo(cost);
	}

	@ParameterizedTest(name = "{0}")
	@CsvSource(delimiter = '|', textBlock = """
			# tiers                                 | problem
			0:1000@0.0550 900:MAX@0.0500            | tiers 0:1000 and 900:MAX overlap (messages 900 to 1000 would be priced twice)
			0:MAX@0.1365 0:MAX@0.1300               | tiers 0:MAX and 0:MAX overlap (messages 1 and above would be priced twice)
			0:1000@0.0550 2000:MAX@0.0500           | tiers 0:1000 and 2000:MAX leave a gap (messages 1001 to 1999 would have no rate)
			0:1000@0.0550                           | the last tier 0:1000 has an upper bound: messages above 1000 have no rate
			10:MAX@0.0550                           | the first tier 10:MAX leaves messages 1 to 9 without a rate
			0:1000@0.0550 1001:500@0.0500           | tier 1001:500 ends before it starts
			""")
	void tiersThatDoNotCoverEveryVolumeOnceAreRefused(String tiers, String problem) {
		assertThat(Tiers.problem(tiers(tiers))).contains(problem);
		assertThatThrownBy(() -> Tiers.of(tiers(tiers))).hasMessage(problem);
	}

	@ParameterizedTest(name = "{0}")
	@CsvSource(delimiter = '|', textBlock = """
			# tiers (any order, 0 or 1 first)        | cost of 1500
			0:MAX@0.1365                             | 204.7500
			1:1000@0.0550 1001:MAX@0.0500            | 80.0000
			1001:MAX@0.0500 0:1000@0.0550            | 80.0000
			""")
	void tiersThatCoverEveryVolumeOncePrice(String tiers, BigDecimal cost) {
		assertThat(Tiers.problem(tiers(tiers))).isEmpty();
		assertThat(Tiers.of(tiers(tiers)).cost(1500)).isEqualByComparingTo(cost);
	}

	@ParameterizedTest(name = "''{0}''")
	@CsvSource(delimiter = '|', textBlock = """
			# label as an invoice writes it | the card's tier
			0:1000                          | 0:1000
			1:1000                          | 0:1000
			1001:5000                       | 1001:5000
			5001:MAX                        | 5001:MAX
			5001:max                        | 5001:MAX
			0:500                           |
			tier one                        |
			""")
	void aTierIsNamedByItsLabelAFirstBoundOf0Or1AlikeAndNoOtherTier(String label, String tier) {
		assertThat(UTILITY.named(label).map(Tier::label).orElse(null)).isEqualTo(tier);
	}

	/** {@code 0:1000@0.0550 1001:MAX@0.0500} */
	static List<Tier> tiers(String text) {
		return Arrays.stream(text.split(" ")).map(tier -> {
			String[] parts = tier.split("[:@]");
			return new Tier(Long.parseLong(parts[0]), parts[1].equals("MAX") ? null : Long.valueOf(parts[1]),
					new BigDecimal(parts[2]));
		}).toList();
	}

}
