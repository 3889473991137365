package com.wabarecon.support.bulk;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;

import org.junit.jupiter.api.Test;

/**
 * COPY text as PostgreSQL reads it: numbers, dates and decimals are written digit by digit
 * without a String in between, and must read exactly as their usual text forms.
 */
class CopyTextTests {

	@Test
	void writesNumbersDatesAndDecimalsAsTheirPlainText() {
		Object[] values = { 0L, -1L, 7, Long.MAX_VALUE, Long.MIN_VALUE, -9_007_199_254_740_993L,
				LocalDate.of(2025, 9, 1), LocalDate.of(2025, 12, 31), LocalDate.of(999, 1, 2), new BigDecimal("0.000001"),
				new BigDecimal("-12345678901.123456"), new BigDecimal("1E+3"), BigDecimal.ZERO, new BigDecimal("-0.50"),
				new BigDecimal("12.500000"), new BigDecimal("123456789012345678901234.5"), true, null };
		CopyText text = new CopyText();

		text.row(values);

		String expected = "0\t-1\t7\t9223372036854775807\t-9223372036854775808\t-9007199254740993\t2025-09-01\t"
				+ "2025-12-31\t0999-01-02\t0.000001\t-12345678901.123456\t1000\t0\t-0.50\t12.500000\t"
				+ "123456789012345678901234.5\tt\t\\N\n";
		assertThat(new String(text.bytes(), StandardCharsets.UTF_8)).isEqualTo(expected);
	}

	@Test
	void aClearedTextHoldsOnlyTheRowsWrittenAfterIt() {
		CopyText text = new CopyText();
		String month = "2025-09";
		text.row(new Object[] { month, "Ä\tb" });
		text.row(new Object[] { new String("2025-09"), "Ä\tb" }); // equal, another object
		text.clear(); // sent
		text.row(new Object[] { month, "Ä\tb" });

		assertThat(new String(text.bytes(), StandardCharsets.UTF_8)).isEqualTo("2025-09\tÄ\\tb\n");
	}

	@Test
	void writesTextInUtf8AsJavaEncodesIt() {
		String text = "Zürich € \uD83D\uDE00 \uD800 end"; // two, three and four bytes, and a lone surrogate
		CopyText copy = new CopyText();

		copy.row(new Object[] { text });

		assertThat(copy.bytes()).isEqualTo((text + "\n").getBytes(StandardCharsets.UTF_8));
		assertThat(new String(copy.bytes(), StandardCharsets.UTF_8)).isEqualTo("Zürich € \uD83D\uDE00 ? end\n");
	}

	@Test
	void aLongValueGrowsTheText() {
		String value = "ü".repeat(5000);
		CopyText copy = new CopyText();

		copy.row(new Object[] { value, value });

		assertThat(copy.length()).isEqualTo(2 * 10_000 + 2);
		assertThat(new String(copy.bytes(), StandardCharsets.UTF_8)).isEqualTo(value + "\t" + value + "\n");
	}

	@Test
	void everyLengthOfNumberReadsAsItsText() {
		CopyText text = new CopyText();
		StringBuilder expected = new StringBuilder();
		for (long number = 1, sign = 1; number > 0 && number <= Long.MAX_VALUE / 3; number = number * 3 + 1, sign = -sign) {
			text.row(new Object[] { number, sign * (number - 1) });
			expected.append(number).append('\t').append(sign * (number - 1)).append('\n');
		}

		assertThat(new String(text.bytes(), StandardCharsets.UTF_8)).isEqualTo(expected.toString());
	}

	@Test
	void repeatedNumbersAndDatesAreCopiedAndAChangeIsWrittenAnew() {
		CopyText text = new CopyText();
		text.row(new Object[] { Long.valueOf(1_756_684_800L), LocalDate.of(2025, 9, 1), 5L });
		text.row(new Object[] { Long.valueOf(1_756_684_800L), LocalDate.of(2025, 9, 1), 500L }); // equal, other objects
		text.row(new Object[] { 1_756_771_200L, LocalDate.of(2025, 9, 2), 500L });

		assertThat(new String(text.bytes(), StandardCharsets.UTF_8))
			.isEqualTo("1756684800\t2025-09-01\t5\n1756684800\t2025-09-01\t500\n1756771200\t2025-09-02\t500\n");
	}

}
