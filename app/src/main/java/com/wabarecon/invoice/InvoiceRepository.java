package com.wabarecon.invoice;

import com.wabarecon.support.bulk.BulkTable;
import com.wabarecon.support.bulk.TableStatistics;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The month's invoice lines, and what each invoice file held as the step read it. The step
 * replaces the month as a whole: it deletes what an earlier run loaded, inserts every line of the
 * folder's files, then records the files' figures ({@link InvoiceFileTotals}). Thread-safe.
 */
@Repository
class InvoiceRepository {

	static final BulkTable<InvoiceLine> LINES = BulkTable.of("invoice_line",
			line -> new Object[] { line.billingMonth(), line.invoiceId(), line.invoiceDate(), line.periodStart(),
					line.periodEnd(), line.wabaId(), line.phoneNumberId(), line.displayPhoneNumber(), line.market(),
					line.pricingCategory(), line.pricingType(), line.tier(), line.volume(), line.unitRate(),
					line.amount(), line.currency(), line.lineType().name(), line.source().file(),
					line.source().line() },
			"billing_month", "invoice_id", "invoice_date", "period_start", "period_end", "waba_id", "phone_number_id",
			"display_phone_number", "market", "pricing_category", "pricing_type", "tier", "volume", "unit_rate",
			"amount", "currency", "line_type", "source_file", "source_line");

	private final JdbcClient jdbc;

	private final TableStatistics statistics;

	InvoiceRepository(JdbcClient jdbc, TableStatistics statistics) {
		this.jdbc = jdbc;
		this.statistics = statistics;
	}

	/** Forgets the month's invoice, before the step loads its files again. */
	void deleteMonth(String month) {
		jdbc.sql("DELETE FROM invoice_file_total WHERE billing_month = ?").param(month).update();
		jdbc.sql("DELETE FROM invoice_line WHERE billing_month = ?").param(month).update();
	}

	/** Refreshes the planner's statistics of the lines, once the month is loaded. */
	void analyze() {
		statistics.refresh("invoice_line");
	}

}
