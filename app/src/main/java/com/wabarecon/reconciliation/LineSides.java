package com.wabarecon.reconciliation;

import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;

import javax.sql.DataSource;

import org.springframework.batch.infrastructure.item.database.JdbcCursorItemReader;
import org.springframework.batch.infrastructure.item.database.builder.JdbcCursorItemReaderBuilder;

/**
 * Both sides of one reconciliation line, as the database summed them.
 *
 * @param currency the line's currency: the invoice lines' it holds, or the WABA's for its estimates
 * @param estimatedAmount the estimates converted to the WABA's currency (unrounded)
 * @param unconvertibleCurrency an estimate currency with no FX rate to the WABA's, if any
 * @param wabaCurrency the currency the directory invoices the line's WABA in; {@code null} for a WABA
 * it does not know
 * @param firstInvoiceCurrency the first of the currencies the invoice bills the line's channel (or
 * WABA) and category in, this line's or another's; {@code null} when it bills none
 * @param lastInvoiceCurrency the last of them
 * @param unpricedRows estimates of the line that have no cost and no rate (the amount is unknown when any)
 * @param unpricedVolume their volume
 * @param unpricedReason why they could not be priced (one of the reasons, where several)
 * @param edges what the line's likely causes are judged on ({@code recon_evidence})
 */
record LineSides(String wabaId, String phoneNumberId, String category, String clientId, String channelId,
		long estimatedVolume, long invoicedVolume, long estimatedFreeVolume, long invoicedFreeVolume,
		String currency, BigDecimal estimatedAmount, BigDecimal invoicedAmount, int estimateRows, int invoiceRows,
		int unconvertibleRows, String unconvertibleCurrency, BigDecimal unconvertibleAmount, String wabaCurrency,
		String firstInvoiceCurrency, String lastInvoiceCurrency, String invoiceIds, String estimateSources,
		long unpricedRows, long unpricedVolume, String unpricedReason, EdgeVolumes edges) {

	/**
	 * The usage exports' volume on the days at the edge of the month (REGULAR; none where the
	 * sources put nothing on the day), the webhooks' count where an export was there too, and,
	 * of a VOICE line, the calls whose pulses were estimated from an average.
	 */
	record EdgeVolumes(Long dayBefore, Long firstDay, Long lastDay, Long dayAfter, Long webhookVolume,
			Long roundingCalls) {
	}

	/** The month's lines, both sides each, in output order: a restart judges every line again. */
	static JdbcCursorItemReader<LineSides> reader(DataSource dataSource, String month) {
		return new JdbcCursorItemReaderBuilder<LineSides>().name("lineSidesReader")
			.dataSource(dataSource)
			.sql(ReconSideRepository.LINES)
			.preparedStatementSetter(statement -> {
				statement.setString(1, month);
				statement.setString(2, month);
			})
			.rowMapper(LineSides::map)
			.saveState(false)
			.build();
	}

	static LineSides map(ResultSet rs, int row) throws SQLException {
		return new LineSides(rs.getString("waba_id"), rs.getString("phone_number_id"), rs.getString("category"),
				rs.getString("client_id"), rs.getString("channel_id"), rs.getLong("estimated_volume"),
				rs.getLong("invoiced_volume"), rs.getLong("estimated_free_volume"), rs.getLong("invoiced_free_volume"),
				rs.getString("currency").strip(), rs.getBigDecimal("estimated_amount"), rs.getBigDecimal("invoiced_amount"),
				rs.getInt("estimate_rows"), rs.getInt("invoice_rows"), rs.getInt("unconvertible_rows"),
				rs.getString("unconvertible_currency"), rs.getBigDecimal("unconvertible_amount"),
				trim(rs.getString("waba_currency")), trim(rs.getString("first_invoice_currency")),
				trim(rs.getString("last_invoice_currency")), rs.getString("invoice_ids"),
				rs.getString("estimate_sources"), rs.getLong("unpriced_rows"), rs.getLong("unpriced_volume"),
				rs.getString("unpriced_reason"),
				new EdgeVolumes(volume(rs, "volume_day_before"), volume(rs, "volume_first_day"),
						volume(rs, "volume_last_day"), volume(rs, "volume_day_after"), volume(rs, "webhook_volume"),
						volume(rs, "rounding_calls")));
	}

	/** A summed volume, or null where nothing was summed (PostgreSQL's SUM of BIGINT is NUMERIC). */
	private static Long volume(ResultSet rs, String column) throws SQLException {
		long volume = rs.getLong(column);
		return rs.wasNull() ? null : volume;
	}

	boolean estimated() {
		return estimateRows > 0;
	}

	boolean invoiced() {
		return invoiceRows > 0;
	}

	/** A {@code CHAR(3)} as written ({@code null} stays {@code null}). */
	private static String trim(String currency) {
		return currency == null ? null : currency.strip();
	}

}
