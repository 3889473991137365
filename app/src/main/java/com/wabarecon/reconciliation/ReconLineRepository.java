package com.wabarecon.reconciliation;

import java.util.EnumMap;
import java.util.Map;
import java.util.function.Consumer;

import com.wabarecon.rules.LineStatus;
import com.wabarecon.support.bulk.BulkLoader;
import com.wabarecon.support.bulk.BulkTable;

import org.springframework.batch.infrastructure.item.ItemWriter;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The month's reconciliation lines ({@code recon_line}).
 */
@Repository
class ReconLineRepository {

	/** The order of every output: client, WABA, channel (WABA-level lines first), category. */
	static final String ORDER = orderBy("");

	/** {@link #ORDER} of the columns of a table or subquery with this alias ({@code l.}), or none. */
	static String orderBy(String alias) {
		return " ORDER BY " + alias + "client_id NULLS LAST, " + alias + "waba_id, " + alias
				+ "phone_number_id NULLS FIRST, " + alias + "category, " + alias + "currency";
	}

	/** Lines read from the database at a time when they are streamed. */
	private static final int STREAM_WINDOW = 1000;

	static final BulkTable<ReconLine> TABLE = BulkTable.of("recon_line",
			line -> new Object[] { line.billingMonth(), line.clientId(), line.wabaId(), line.phoneNumberId(),
					line.channelId(), line.displayPhoneNumber(), line.category(), line.currency(),
					line.estimatedVolume(), line.invoicedVolume(), line.volumeDelta(), line.estimatedAmount(),
					line.invoicedAmount(), line.amountDelta(), line.amountDeltaPct(), line.estimatedFreeVolume(),
					line.invoicedFreeVolume(), line.status().name(), line.reason(), line.reasonPhrases(), line.invoiceIds(),
					line.estimateSources() },
			"billing_month", "client_id", "waba_id", "phone_number_id", "channel_id", "display_phone_number",
			"category", "currency", "estimated_volume", "invoiced_volume", "volume_delta", "estimated_amount",
			"invoiced_amount", "amount_delta", "amount_delta_pct", "estimated_free_volume", "invoiced_free_volume",
			"status", "reason", "reason_phrases", "invoice_ids", "estimate_sources");

	/** Every column but the reason's phrases: the partner's files show the reason worded. */
	private static final String PARTNER_COLUMNS = String.join(", ",
			TABLE.columns().stream().filter(column -> !column.equals("reason_phrases")).toList());

	private final JdbcClient jdbc;

	private final BulkLoader loader;

	ReconLineRepository(JdbcClient jdbc, BulkLoader loader) {
		this.jdbc = jdbc;
		this.loader = loader;
	}

	/** Removes the month's lines (of one client, when given) before they are computed again. */
	void delete(String month, String client) {
		jdbc.sql("DELETE FROM recon_line WHERE billing_month = :month "
				+ "AND (CAST(:client AS VARCHAR(64)) IS NULL OR client_id = :client)")
			.param("month", month)
			.param("client", client)
			.update();
	}

	/** The month's lines, loaded in bulk (COPY on PostgreSQL). */
	ItemWriter<ReconLine> writer() {
		return loader.writer(TABLE);
	}

	/** How many of the month's lines (one client's, when given) have each status; none before a reconciliation. */
	Map<LineStatus, Long> statusCounts(String month, String client) {
		Map<LineStatus, Long> counts = new EnumMap<>(LineStatus.class);
		jdbc.sql("SELECT status, COUNT(*) FROM recon_line WHERE billing_month = :month "
				+ "AND (CAST(:client AS VARCHAR(64)) IS NULL OR client_id = :client) GROUP BY status")
			.param("month", month)
			.param("client", client)
			.query(rs -> {
				counts.put(LineStatus.valueOf(rs.getString(1)), rs.getLong(2));
			});
		return counts;
	}

	/**
	 * Streams the month's lines (of one client, when given) in output order, a window of rows
	 * at a time: inside a transaction, PostgreSQL's driver then reads through a cursor instead of
	 * holding every line.
	 */
	void forEach(String month, String client, Consumer<ReconLine> action) {
		jdbc.sql("SELECT " + PARTNER_COLUMNS + " FROM recon_line WHERE billing_month = :month "
				+ "AND (CAST(:client AS VARCHAR(64)) IS NULL OR client_id = :client)" + ORDER)
			.withFetchSize(STREAM_WINDOW)
			.param("month", month)
			.param("client", client)
			.query((rs, n) -> new ReconLine(rs.getString("billing_month"), rs.getString("client_id"),
					rs.getString("waba_id"), rs.getString("phone_number_id"), rs.getString("channel_id"),
					rs.getString("display_phone_number"), rs.getString("category"), rs.getString("currency"),
					rs.getLong("estimated_volume"), rs.getLong("invoiced_volume"), rs.getLong("volume_delta"),
					rs.getBigDecimal("estimated_amount"), rs.getBigDecimal("invoiced_amount"),
					rs.getBigDecimal("amount_delta"), rs.getBigDecimal("amount_delta_pct"),
					rs.getLong("estimated_free_volume"), rs.getLong("invoiced_free_volume"),
					LineStatus.valueOf(rs.getString("status")), rs.getString("reason"), null, rs.getString("invoice_ids"),
					rs.getString("estimate_sources")))
			.stream()
			.forEach(action);
	}

}
