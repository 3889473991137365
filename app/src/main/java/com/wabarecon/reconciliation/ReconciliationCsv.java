package com.wabarecon.reconciliation;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.function.Consumer;

import com.opencsv.CSVWriter;
import com.opencsv.ICSVWriter;
import com.wabarecon.rules.Money;
import com.wabarecon.rules.Volumes;
import com.wabarecon.support.FormulaGuard;

/**
 * Writes {@code reconciliation-<month>.csv} exactly as its contract in docs/formats.md ("Outputs") says: these
 * columns in this order, categories in their upper-case spelling, amounts with a dot and no
 * thousands separator at the currency's precision, an empty {@code client_id} on unknown
 * channels and an empty {@code phone_number_id} on WABA-level lines. Text that a spreadsheet
 * would run as a formula is guarded; numbers are written as numbers.
 */
final class ReconciliationCsv {

	static final String[] HEADER = { "billing_month", "client_id", "waba_id", "phone_number_id", "category",
			"currency", "estimated_volume", "invoiced_volume", "volume_delta", "estimated_amount", "invoiced_amount",
			"amount_delta", "amount_delta_pct", "status", "reason" };

	private ReconciliationCsv() {
	}

	/**
	 * Writes the lines to the file; returns the line count.
	 *
	 * @param lines streams the month's lines to an action, in output order
	 */
	static long write(Path file, Consumer<Consumer<ReconLine>> lines) throws IOException {
		Files.createDirectories(file.getParent());
		long[] count = { 0 };
		try (Writer out = Files.newBufferedWriter(file, StandardCharsets.UTF_8);
				ICSVWriter csv = new CSVWriter(out)) {
			csv.writeNext(HEADER, false);
			lines.accept(line -> {
				csv.writeNext(row(line), false);
				count[0]++;
			});
			if (csv.checkError()) {
				throw new UncheckedIOException(new IOException("Cannot write " + file));
			}
		}
		return count[0];
	}

	static String[] row(ReconLine line) {
		return new String[] { line.billingMonth(), text(line.clientId()), line.wabaId(), text(line.phoneNumberId()),
				line.category(), line.currency(), Volumes.text(line.category(), line.estimatedVolume()),
				Volumes.text(line.category(), line.invoicedVolume()), Volumes.text(line.category(), line.volumeDelta()),
				Money.csv(line.estimatedAmount(), line.currency()),
				Money.csv(line.invoicedAmount(), line.currency()), Money.csv(line.amountDelta(), line.currency()),
				line.amountDeltaPct() == null ? "" : line.amountDeltaPct().setScale(2).toPlainString(),
				line.status().name(), text(line.reason()) };
	}

	private static String text(String value) {
		return value == null ? "" : FormulaGuard.text(value);
	}

}
