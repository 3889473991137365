package com.wabarecon.reconciliation;

import java.io.PrintWriter;
import java.math.BigDecimal;
import java.util.Map;
import java.util.function.Predicate;

import com.opencsv.CSVWriter;
import com.opencsv.ICSVWriter;
import com.wabarecon.rules.LineStatus;
import com.wabarecon.rules.Money;
import com.wabarecon.rules.Volumes;

import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * A month's reconciliation lines for a person at a terminal ({@code recon lines}): as a table of
 * fixed columns wide enough for every category and status, or as the reconciliation CSV's rows. Lines stream from the database in the
 * outputs' order, so a month of any size prints in bounded memory.
 */
@Component
public class MonthLines {

	private static final String ROW = "%-10s %-18s %-18s %-28s %-4s %12s %12s %14s %14s %14s %-20s %s%n";

	private final ReconLineRepository lines;

	MonthLines(ReconLineRepository lines) {
		this.lines = lines;
	}

	/**
	 * Prints the month's lines of one client (all, when {@code null}) whose status is the one
	 * given, or that are discrepancies when none is; returns how many were printed.
	 */
	@Transactional(readOnly = true) // PostgreSQL streams through a cursor only inside a transaction
	public long print(String month, String client, LineStatus status, boolean csv, PrintWriter out) {
		Predicate<ReconLine> wanted = status != null ? line -> line.status() == status
				: line -> line.status().isDiscrepancy();
		long[] printed = { 0 };
		if (csv) {
			ICSVWriter writer = new CSVWriter(out);
			writer.writeNext(ReconciliationCsv.HEADER, false);
			lines.forEach(month, client, line -> {
				if (wanted.test(line)) {
					writer.writeNext(ReconciliationCsv.row(line), false);
					printed[0]++;
				}
			});
			writer.flushQuietly();
			return printed[0];
		}
		out.printf(ROW, "client", "waba", "phone_number_id", "category", "cur", "est. volume", "inv. volume",
				"estimated", "invoiced", "delta", "status", "reason");
		lines.forEach(month, client, line -> {
			if (wanted.test(line)) {
				out.printf(ROW, text(line.clientId()), line.wabaId(), text(line.phoneNumberId()), line.category(),
						line.currency(), Volumes.text(line.category(), line.estimatedVolume()),
						Volumes.text(line.category(), line.invoicedVolume()),
						amount(line.estimatedAmount(), line.currency()), amount(line.invoicedAmount(), line.currency()),
						amount(line.amountDelta(), line.currency()), line.status(), text(line.reason()));
				printed[0]++;
			}
		});
		out.flush();
		return printed[0];
	}

	/** How many of the month's lines (one client's, when given) have each status; none before a reconciliation. */
	public Map<LineStatus, Long> statusCounts(String month, String client) {
		return lines.statusCounts(month, client);
	}

	private static String amount(BigDecimal amount, String currency) {
		return amount == null ? Money.UNKNOWN : Money.text(amount, currency);
	}

	private static String text(String value) {
		return value == null ? "" : value;
	}

}
