package com.wabarecon.reconciliation;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Random;

import org.junit.jupiter.api.Test;

class DisputeWorkbookTests {

	@Test
	void countsTheCharactersOfWholeNumbersAsTheyPrint() {
		long[] values = { 0, 7, -7, 9, 10, -10, 99, 100, 999_999, 1_000_000, -1_000_000, Long.MAX_VALUE,
				Long.MIN_VALUE };
		for (long value : values) {
			assertThat(DisputeWorkbook.digits(value)).as("%d", value).isEqualTo(Long.toString(value).length());
		}
	}

	@Test
	void countsTheCharactersOfAmountsAsTheyPrintPlain() {
		Random random = new Random(8);
		for (int i = 0; i < 10_000; i++) {
			int scale = random.nextInt(5);
			BigDecimal amount = BigDecimal.valueOf(random.nextLong() % 10_000_000_000L, random.nextInt(9))
				.setScale(scale, RoundingMode.HALF_UP);
			assertThat(DisputeWorkbook.plainLength(amount)).as(amount.toPlainString())
				.isEqualTo(amount.toPlainString().length());
		}
		assertThat(DisputeWorkbook.plainLength(new BigDecimal("0.00"))).isEqualTo(4);
		assertThat(DisputeWorkbook.plainLength(new BigDecimal("-0.05"))).isEqualTo(5);
	}

}
