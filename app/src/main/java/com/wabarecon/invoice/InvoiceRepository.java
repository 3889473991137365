package com.wabarecon.invoice;

import java.math.BigDecimal;
import java.sql.Types;
import java.util.ArrayList;
import java.util.List;

import com.wabarecon.support.bulk.BulkTable;
import com.wabarecon.support.bulk.TableStatistics;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Transactional;

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

	/**
	 * One file's rows of one currency and line type as read ({@code invoice_file_total}).
	 *
	 * @param unreadableLines the first lines of the rows whose amount cannot be read, "4,9"
	 */
	record FileTotal(String sourceFile, String currency, String lineType, long rowsRead, BigDecimal amountRead,
			long rowsRejected, BigDecimal amountRejected, long rowsUnreadable, String unreadableLines) {
	}

	private final JdbcClient jdbc;

	private final JdbcTemplate jdbcTemplate;

	private final TableStatistics statistics;

	InvoiceRepository(JdbcClient jdbc, JdbcTemplate jdbcTemplate, TableStatistics statistics) {
		this.jdbc = jdbc;
		this.jdbcTemplate = jdbcTemplate;
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

	/** Replaces the month's file figures by these, in one transaction. */
	@Transactional
	void replaceFileTotals(String month, List<FileTotal> totals) {
		jdbc.sql("DELETE FROM invoice_file_total WHERE billing_month = ?").param(month).update();
		List<Object[]> rows = new ArrayList<>(totals.size());
		for (FileTotal total : totals) {
			rows.add(new Object[] { month, total.sourceFile(), total.currency(), total.lineType(), total.rowsRead(),
					total.amountRead(), total.rowsRejected(), total.amountRejected(), total.rowsUnreadable(),
					total.unreadableLines().isEmpty() ? null : total.unreadableLines() });
		}
		jdbcTemplate.batchUpdate("""
				INSERT INTO invoice_file_total (billing_month, source_file, currency, line_type, rows_read, amount_read,
				    rows_rejected, amount_rejected, rows_unreadable, unreadable_lines)
				VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""", rows,
				new int[] { Types.CHAR, Types.VARCHAR, Types.CHAR, Types.VARCHAR, Types.BIGINT, Types.NUMERIC,
						Types.BIGINT, Types.NUMERIC, Types.BIGINT, Types.VARCHAR });
	}

}
