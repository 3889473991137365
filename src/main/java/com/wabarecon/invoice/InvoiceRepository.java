package com.wabarecon.invoice;

import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.SqlParameterSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The month's invoice lines and their totals. The step replaces the month as a whole: it
 * deletes what an earlier run loaded, inserts every line of the folder's files, then sums them
 * per invoice, currency and line type. Thread-safe.
 */
@Repository
class InvoiceRepository {

	static final String INSERT_LINE = """
			INSERT INTO invoice_line (billing_month, invoice_id, invoice_date, period_start, period_end, waba_id,
			    phone_number_id, display_phone_number, market, pricing_category, pricing_type, tier, volume,
			    unit_rate, amount, currency, line_type, source_file, source_line)
			VALUES (:billingMonth, :invoiceId, :invoiceDate, :periodStart, :periodEnd, :wabaId,
			    :phoneNumberId, :displayPhoneNumber, :market, :pricingCategory, :pricingType, :tier, :volume,
			    :unitRate, :amount, :currency, :lineType, :sourceFile, :sourceLine)""";

	private final JdbcClient jdbc;

	InvoiceRepository(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/** Forgets the month's invoice, before the step loads its files again. */
	void deleteMonth(String month) {
		jdbc.sql("DELETE FROM invoice_total WHERE billing_month = ?").param(month).update();
		jdbc.sql("DELETE FROM invoice_line WHERE billing_month = ?").param(month).update();
	}

	/** Sums the month's loaded lines per invoice, currency and line type; returns how many totals. */
	int recordTotals(String month) {
		jdbc.sql("DELETE FROM invoice_total WHERE billing_month = ?").param(month).update();
		return jdbc.sql("""
				INSERT INTO invoice_total (billing_month, invoice_id, currency, line_type, line_count, volume, amount)
				SELECT billing_month, invoice_id, currency, line_type, COUNT(*), COALESCE(SUM(volume), 0), SUM(amount)
				FROM invoice_line WHERE billing_month = ?
				GROUP BY billing_month, invoice_id, currency, line_type""").param(month).update();
	}

	static SqlParameterSource parameters(InvoiceLine line) {
		return new MapSqlParameterSource().addValue("billingMonth", line.billingMonth())
			.addValue("invoiceId", line.invoiceId())
			.addValue("invoiceDate", line.invoiceDate())
			.addValue("periodStart", line.periodStart())
			.addValue("periodEnd", line.periodEnd())
			.addValue("wabaId", line.wabaId())
			.addValue("phoneNumberId", line.phoneNumberId())
			.addValue("displayPhoneNumber", line.displayPhoneNumber())
			.addValue("market", line.market())
			.addValue("pricingCategory", line.pricingCategory())
			.addValue("pricingType", line.pricingType())
			.addValue("tier", line.tier())
			.addValue("volume", line.volume(), java.sql.Types.BIGINT)
			.addValue("unitRate", line.unitRate(), java.sql.Types.NUMERIC)
			.addValue("amount", line.amount())
			.addValue("currency", line.currency())
			.addValue("lineType", line.lineType().name())
			.addValue("sourceFile", line.source().file())
			.addValue("sourceLine", line.source().line());
	}

}
