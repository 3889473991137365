package com.wabarecon.rules;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** One rounding rule per currency, worked by hand: half up to the ISO 4217 minor units. */
class MoneyTests {

	@ParameterizedTest(name = "{0} {1}")
	@CsvSource(delimiter = '|', textBlock = """
			# currency | amount   | digits | rounded | text    | csv
			EUR        | 163.805  | 2      | 163.81  | 163.81  | 163.81
			EUR        | 163.8049 | 2      | 163.80  | 163.80  | 163.80
			EUR        | 2.5      | 2      | 2.50    | 2.50    | 2.50
			EUR        | -2.105   | 2      | -2.11   | -2.11   | -2.11
			JPY        | 1234.5   | 0      | 1235    | 1235    | 1235.00
			JPY        | 1234.49  | 0      | 1234    | 1234    | 1234.00
			KWD        | 1.2345   | 3      | 1.235   | 1.235   | 1.235
			BHD        | 0.0005   | 3      | 0.001   | 0.001   | 0.001
			INR        | 1322.5   | 2      | 1322.50 | 1322.50 | 1322.50
			""")
	void roundsToTheCurrencysMinorUnits(String currency, BigDecimal amount, int digits, BigDecimal rounded,
			String text, String csv) {
		assertThat(Money.digits(currency)).isEqualTo(digits);
		assertThat(Money.round(amount, currency)).isEqualTo(rounded);
		assertThat(Money.text(amount, currency)).isEqualTo(text);
		assertThat(Money.csv(amount, currency)).isEqualTo(csv);
	}

	@ParameterizedTest(name = "{0} of {1}")
	@CsvSource(delimiter = '|', textBlock = """
			# part  | whole   | percent
			0.27    | 327.87  | 0.08
			-10.00  | 90.00   | -11.11
			5.00    | -50.00  | 10.00
			1.00    | 0       |
			        | 10.00   |
			""")
	void percentOfTheWhole(BigDecimal part, BigDecimal whole, BigDecimal percent) {
		assertThat(Money.percent(part, whole)).isEqualTo(percent);
	}

	@org.junit.jupiter.api.Test
	void anUnknownAmountStaysUnknown() {
		assertThat(Money.round(null, "EUR")).isNull();
		assertThat(Money.csv(null, "EUR")).isEmpty();
	}

}
