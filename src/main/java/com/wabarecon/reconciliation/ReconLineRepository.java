package com.wabarecon.reconciliation;

import java.util.function.Consumer;

import javax.sql.DataSource;

import com.wabarecon.reconciliation.ReconLine.Status;

import org.springframework.batch.infrastructure.item.database.JdbcBatchItemWriter;
import org.springframework.batch.infrastructure.item.database.builder.JdbcBatchItemWriterBuilder;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The month's reconciliation lines ({@code recon_line}).
 */
@Repository
class ReconLineRepository {

	/** The order of every output: client, WABA, channel (WABA-level lines first), category. */
	static final String ORDER = " ORDER BY client_id NULLS LAST, waba_id, phone_number_id NULLS FIRST, category";

	private final JdbcClient jdbc;

	private final DataSource dataSource;

	ReconLineRepository(JdbcClient jdbc, DataSource dataSource) {
		this.jdbc = jdbc;
		this.dataSource = dataSource;
	}

	/** Removes the month's lines (of one client, when given) before they are computed again. */
	void delete(String month, String client) {
		jdbc.sql("DELETE FROM recon_line WHERE billing_month = :month "
				+ "AND (CAST(:client AS VARCHAR(64)) IS NULL OR client_id = :client)")
			.param("month", month)
			.param("client", client)
			.update();
	}

	JdbcBatchItemWriter<ReconLine> writer() {
		JdbcBatchItemWriter<ReconLine> writer = new JdbcBatchItemWriterBuilder<ReconLine>().dataSource(dataSource)
			.sql("""
					INSERT INTO recon_line (billing_month, client_id, waba_id, phone_number_id, channel_id,
					    display_phone_number, category, currency, estimated_volume, invoiced_volume, volume_delta,
					    estimated_amount, invoiced_amount, amount_delta, amount_delta_pct, estimated_free_volume,
					    invoiced_free_volume, status, reason, invoice_ids, estimate_sources)
					VALUES (:billingMonth, :clientId, :wabaId, :phoneNumberId, :channelId, :displayPhoneNumber,
					    :category, :currency, :estimatedVolume, :invoicedVolume, :volumeDelta, :estimatedAmount,
					    :invoicedAmount, :amountDelta, :amountDeltaPct, :estimatedFreeVolume, :invoicedFreeVolume,
					    :status, :reason, :invoiceIds, :estimateSources)""")
			.itemSqlParameterSourceProvider(line -> new MapSqlParameterSource()
				.addValue("billingMonth", line.billingMonth())
				.addValue("clientId", line.clientId())
				.addValue("wabaId", line.wabaId())
				.addValue("phoneNumberId", line.phoneNumberId())
				.addValue("channelId", line.channelId())
				.addValue("displayPhoneNumber", line.displayPhoneNumber())
				.addValue("category", line.category())
				.addValue("currency", line.currency())
				.addValue("estimatedVolume", line.estimatedVolume())
				.addValue("invoicedVolume", line.invoicedVolume())
				.addValue("volumeDelta", line.volumeDelta())
				.addValue("estimatedAmount", line.estimatedAmount())
				.addValue("invoicedAmount", line.invoicedAmount())
				.addValue("amountDelta", line.amountDelta())
				.addValue("amountDeltaPct", line.amountDeltaPct())
				.addValue("estimatedFreeVolume", line.estimatedFreeVolume())
				.addValue("invoicedFreeVolume", line.invoicedFreeVolume())
				.addValue("status", line.status().name())
				.addValue("reason", line.reason())
				.addValue("invoiceIds", line.invoiceIds())
				.addValue("estimateSources", line.estimateSources()))
			.build();
		writer.afterPropertiesSet();
		return writer;
	}

	/** Streams the month's lines (of one client, when given) in output order. */
	void forEach(String month, String client, Consumer<ReconLine> action) {
		jdbc.sql("SELECT * FROM recon_line WHERE billing_month = :month "
				+ "AND (CAST(:client AS VARCHAR(64)) IS NULL OR client_id = :client)" + ORDER)
			.param("month", month)
			.param("client", client)
			.query((rs, n) -> new ReconLine(rs.getString("billing_month"), rs.getString("client_id"),
					rs.getString("waba_id"), rs.getString("phone_number_id"), rs.getString("channel_id"),
					rs.getString("display_phone_number"), rs.getString("category"), rs.getString("currency"),
					rs.getLong("estimated_volume"), rs.getLong("invoiced_volume"), rs.getLong("volume_delta"),
					rs.getBigDecimal("estimated_amount"), rs.getBigDecimal("invoiced_amount"),
					rs.getBigDecimal("amount_delta"), rs.getBigDecimal("amount_delta_pct"),
					rs.getLong("estimated_free_volume"), rs.getLong("invoiced_free_volume"),
					Status.valueOf(rs.getString("status")), rs.getString("reason"), rs.getString("invoice_ids"),
					rs.getString("estimate_sources")))
			.stream()
			.forEach(action);
	}

}
