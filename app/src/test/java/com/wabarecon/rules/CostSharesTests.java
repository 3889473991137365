package com.wabarecon.rules;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.Arrays;
import java.util.List;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Shares worked by hand. The remainder rule: each share rounded down to the minor unit, the
 * units left over one each to the largest parts cut off, equal parts to the one listed first.
 */
class CostSharesTests {

	@ParameterizedTest(name = "{0} by {1}")
	@CsvSource(delimiter = '|', textBlock = """
			# amount | weights      | digits | shares
			10.00    | 1 1 1        | 2      | 3.34 3.33 3.33
			0.10     | 1 2          | 2      | 0.03 0.07
			0.05     | 1 1 1 1 1 1  | 2      | 0.01 0.01 0.01 0.01 0.01 0.00
			7.00     | 2 0 5        | 2      | 2.00 0.00 5.00
			5.00     | 0 0          | 2      | 5.00 0.00
			100      | 1 1 1        | 0      | 34 33 33
			1.000    | 1 1 1        | 3      | 0.334 0.333 0.333
			-10.00   | 1 1 1        | 2      | -3.34 -3.33 -3.33
			80.00    | 500 1000     | 2      | 26.67 53.33
			""")
	void sharesAddUpToTheAmountExactly(BigDecimal amount, String weights, int digits, String shares) {
		List<BigDecimal> split = CostShares.split(amount, longs(weights), digits);

		assertThat(split).containsExactlyElementsOf(decimals(shares)); // equals: the scale too
		assertThat(split.stream().reduce(BigDecimal.ZERO, BigDecimal::add)).isEqualByComparingTo(amount);
	}

	/**
	 * The rate-card cost of some channels: tiers counted on the client's whole volume in the
	 * market and category (other currencies and exports with cost included), the part to price
	 * rounded to the currency once, then shared by volume.
	 */
	@ParameterizedTest(name = "{0}")
	@CsvSource(delimiter = '|', textBlock = """
			# case                                            | tiers                          | client | channels  | cur | shares
			one currency, the tiers crossed: 55.00 + 25.00    | 0:1000@0.0550 1001:MAX@0.0500  | 1500   | 500 1000  | EUR | 26.67 53.33
			500 of the client's 1500 bill in USD: 80 x 2/3    | 0:1000@0.0550 1001:MAX@0.0500  | 1500   | 1000      | EUR | 53.33
			5000 exported with cost, 1000 to price: 300 / 6   | 0:1000@0.0550 1001:5000@0.0500 5001:MAX@0.0450 | 6000 | 1000 | EUR | 50.00
			no volume to price                                | 0:MAX@0.1365                   | 100    | 0 0       | EUR | 0.00 0.00
			yen: 4.5 rounds to 5, shared 2 2 1                | 0:MAX@1.5                      | 3      | 1 1 1     | JPY | 2 2 1
			dinar: 0.0014 x 1500 = 2.100                      | 0:MAX@0.0014                   | 1500   | 1000 500  | KWD | 1.400 0.700
			""")
	void aClientsRateCardCostIsSharedToTheCent(String name, String tiers, long clientVolume, String channels,
			String currency, String shares) {
		List<BigDecimal> split = CostShares.of(Tiers.of(TiersTests.tiers(tiers)), clientVolume, longs(channels),
				currency);

		assertThat(split).containsExactlyElementsOf(decimals(shares));
	}

	private static long[] longs(String text) {
		return Arrays.stream(text.split(" ")).mapToLong(Long::parseLong).toArray();
	}

	private static List<BigDecimal> decimals(String text) {
		return Arrays.stream(text.split(" ")).map(BigDecimal::new).toList();
	}

}
