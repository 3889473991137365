package com.wabarecon.importing;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.List;

import com.wabarecon.importing.InvoiceFileTieOut.FileCheck;

import org.junit.jupiter.api.Test;

class InvoiceFileTieOutTests {

	static final String FILE = "2025-09/invoice/a.csv";

	@Test
	void printsTheFiguresAtTheCurrencysPrecision() {
		FileCheck kuwaitiDinars = check("KWD", 3, "10.125", 2, "10.0", 1, "0.125", 0, List.of());

		assertThat(kuwaitiDinars.ties()).isTrue();
		assertThat(kuwaitiDinars.describe()).isEqualTo(FILE + " KWD: file 10.125 = loaded 10.000 + rejected 0.125");
	}

	@Test
	void aDifferenceFinerThanTheCurrencyIsShownWhole() {
		FileCheck euros = check("EUR", 1, "10.001", 1, "10.00", 0, "0", 0, List.of());

		assertThat(euros.ties()).isFalse();
		assertThat(euros.describe()).isEqualTo(FILE + " EUR: file 10.00 but loaded 10.00 + rejected 0.00 = 10.00 "
				+ "(difference 0.001; rows: file 1, loaded 1 + rejected 0)");
	}

	@Test
	void aRowMissingFromTheLoadedLinesDoesNotTieOutThoughTheAmountsDo() {
		FileCheck zeroLost = check("EUR", 3, "10.00", 2, "10.00", 0, "0", 0, List.of());

		assertThat(zeroLost.ties()).isFalse();
		assertThat(zeroLost.describe()).endsWith("(difference 0.00; rows: file 3, loaded 2 + rejected 0)");
	}

	@Test
	void namesTheFirstRowsWhoseAmountOrCurrencyCannotBeRead() {
		assertThat(check("EUR", 9, "5.00", 1, "5.00", 8, "0", 7, List.of(2L, 3L, 4L, 5L, 6L)).describe())
			.isEqualTo(FILE + " EUR: file 5.00 = loaded 5.00 + rejected 0.00"
					+ " + 7 rows whose amount cannot be read (lines 2, 3, 4, 5, 6 and 2 more)");
		assertThat(check(null, 2, "0", 0, "0", 2, "0", 2, List.of(4L, 9L)).describe())
			.isEqualTo(FILE + ": 2 rows whose currency cannot be read (lines 4 and 9)");
		assertThat(check(null, 0, "0", 0, "0", 0, "0", 0, List.of()).describe())
			.isEqualTo(FILE + ": no row read, the file is refused whole");
	}

	private static FileCheck check(String currency, long rowsRead, String read, long rowsLoaded, String loaded,
			long rowsRejected, String rejected, long rowsUnreadable, List<Long> lines) {
		return new FileCheck(FILE, currency, rowsRead, new BigDecimal(read), rowsLoaded, new BigDecimal(loaded),
				rowsRejected, new BigDecimal(rejected), rowsUnreadable, lines);
	}

}
