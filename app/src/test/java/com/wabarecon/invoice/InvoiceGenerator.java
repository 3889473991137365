package com.wabarecon.invoice;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;

import org.apache.poi.xssf.streaming.SXSSFWorkbook;

/**
 * Generates an invoice of any number of distinct usage lines (plus a tax line per 1,000), as
 * CSV or as XLSX written with POI's streaming SXSSF (the aliased layout of the sample, date
 * cells and numbers), for the benchmark. Test scope only: no generated file is committed.
 */
final class InvoiceGenerator {

	private static final List<String> CATEGORIES = List.of("MARKETING", "UTILITY", "AUTHENTICATION");

	private static final List<String> RATES = List.of("0.1365", "0.0550", "0.0550");

	private InvoiceGenerator() {
	}

	static Path csv(Path inbox, String month, String name, int lines) throws IOException {
		Path file = InvoiceFiles.invoiceFile(inbox, month, name);
		try (BufferedWriter out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
			out.write(InvoiceFiles.HEADER);
			out.newLine();
			for (Iterator<String> it = lines(month, lines); it.hasNext();) {
				out.write(it.next());
				out.newLine();
			}
		}
		return file;
	}

	static Path xlsx(Path inbox, String month, String name, int lines) throws IOException {
		Path file = InvoiceFiles.invoiceFile(inbox, month, name);
		SXSSFWorkbook workbook = new SXSSFWorkbook(100);
		workbook.setCompressTempFiles(true);
		try (OutputStream out = Files.newOutputStream(file)) {
			InvoiceFiles.writeLines(workbook, () -> lines(month, lines));
			workbook.write(out);
		}
		finally {
			workbook.close();
		}
		return file;
	}

	/** The lines in the canonical column order: every one distinct, amounts exact to the cent. */
	static Iterator<String> lines(String month, int count) {
		return new Iterator<>() {

			private int i;

			@Override
			public boolean hasNext() {
				return i < count;
			}

			@Override
			public String next() {
				if (!hasNext()) {
					throw new NoSuchElementException();
				}
				int n = i++;
				String invoiceId = "INV-" + month + "-EUR-BENCH";
				if (n % 1000 == 999) {
					return InvoiceFiles.usage(month, invoiceId, "", "", 0, "0", "EUR")
						.replace(",4930123456,DE,,REGULAR,0:MAX,0,0.1365,0,EUR,USAGE", ",,,,,,,,19.00,EUR,TAX")
						.replace(",102290129340398,", "," + (102290129340398L + n) + ",");
				}
				int category = n % CATEGORIES.size();
				long volume = 1 + n % 5000;
				String amount = new java.math.BigDecimal(RATES.get(category))
					.multiply(java.math.BigDecimal.valueOf(volume))
					.setScale(2, java.math.RoundingMode.HALF_UP)
					.toPlainString();
				return InvoiceFiles.usage(month, invoiceId, Long.toString(106540352242922L + n / CATEGORIES.size()),
						CATEGORIES.get(category), volume, amount, "EUR")
					.replace(",0.1365,", "," + RATES.get(category) + ",");
			}

		};
	}

}
