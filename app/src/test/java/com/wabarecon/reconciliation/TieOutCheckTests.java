package com.wabarecon.reconciliation;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;

import org.junit.jupiter.api.Test;

/**
 * A tie-out check in words: figures at the currency's precision, whatever the precision the
 * estimates were summed at; a difference shown whole, however small.
 */
class TieOutCheckTests {

	@Test
	void estimatesSummedToTheMillionthReadAtTheCurrencysPrecision() {
		TieOut.Check euros = new TieOut.Check("estimates", "EUR", new BigDecimal("891.555000"), BigDecimal.ZERO,
				new BigDecimal("891.555000"));
		TieOut.Check yen = new TieOut.Check("estimates", "JPY", new BigDecimal("1204.400000"), BigDecimal.ZERO,
				new BigDecimal("1204.400000"));

		assertThat(euros.ties()).isTrue();
		assertThat(euros.describe()).isEqualTo("estimates EUR: lines 891.56, estimates loaded 891.56");
		assertThat(yen.describe()).isEqualTo("estimates JPY: lines 1204, estimates loaded 1204");
	}

	@Test
	void aDifferenceFinerThanTheCurrencyIsShownWhole() {
		TieOut.Check invoice = new TieOut.Check("invoice", "EUR", new BigDecimal("897.15"), new BigDecimal("31.90"),
				new BigDecimal("929.051"));

		assertThat(invoice.ties()).isFalse();
		assertThat(invoice.describe()).isEqualTo("invoice EUR: lines 897.15 + adjustments, credits and taxes 31.90 = "
				+ "929.05, invoice totals 929.05 (difference 0.001)");
	}

}
