package com.wabarecon.invoice;

import com.wabarecon.support.bulk.BulkTable;
import com.wabarecon.support.bulk.TableStatistics;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The month's invoice lines and their totals. The step replaces the month as a whole: it
 * deletes what an earlier run loaded, inserts every line of the folder's files, then sums them
 * per invoice, currency and line type. Thread-safe.
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
		jdbc.sql("DELETE FROM invoice_total WHERE billing_month = ?").param(month).update();
		jdbc.sql("DELETE FROM invoice_line WHERE billing_month = ?").param(month).update();
	}

	/** Sums the month's loaded lines per invoice, currency and line type; returns how many totals. */
	int recordTotals(String month) {
		statistics.refresh("invoice_line");
		jdbc.sql("DELETE FROM invoice_total WHERE billing_month = ?").param(month).update();
		return jdbc.sql("""
				INSERT INTO invoice_total (billing_month, invoice_id, currency, line_type, line_count, volume, amount)
				SELECT billing_month, invoice_id, currency, line_type, COUNT(*), COALESCE(SUM(volume), 0), SUM(amount)
				FROM invoice_line WHERE billing_month = ?
				GROUP BY billing_month, invoice_id, currency, line_type""").param(month).update();
	}

}
