package com.wabarecon.usage;

import java.util.List;

import com.wabarecon.support.bulk.BulkLoader;
import com.wabarecon.support.bulk.BulkTable;
import com.wabarecon.support.reject.RowSource;

import org.springframework.batch.infrastructure.item.ItemWriter;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The month's call estimates ({@code call_estimate}): each loading step replaces its own source kind's rows. */
@Repository
class CallEstimateRepository {

	static final BulkTable<CallEstimate> TABLE = BulkTable.of("call_estimate",
			e -> new Object[] { e.billingMonth(), e.channelId(), e.clientId(), e.callStart(), e.localDate(), e.country(),
					e.direction(), e.calls(), e.durationSeconds(), e.billedPulses(), e.cost(), e.currency(), e.costSource(),
					e.sourceKind(), e.approximate(), e.countsAsEstimate(), e.source().file(), e.source().line(),
					e.source().position() },
			"billing_month", "channel_id", "client_id", "call_start", "local_date", "country", "direction", "calls",
			"duration_seconds", "billed_pulses", "cost", "currency", "cost_source", "source_kind", "approximate",
			"counts_as_estimate", "source_file", "source_line", "source_position");

	private final JdbcClient jdbc;

	private final BulkLoader loader;

	CallEstimateRepository(JdbcClient jdbc, BulkLoader loader) {
		this.jdbc = jdbc;
		this.loader = loader;
	}

	/** Removes what an earlier run loaded of the month from this source kind. */
	void deleteMonth(String month, String sourceKind) {
		jdbc.sql("DELETE FROM call_estimate WHERE billing_month = ? AND source_kind = ?").params(month, sourceKind).update();
	}

	ItemWriter<CallEstimate> writer() {
		return chunk -> load(chunk.getItems());
	}

	void load(List<? extends CallEstimate> estimates) {
		if (!estimates.isEmpty()) {
			loader.load(TABLE, estimates);
		}
	}

	/** The month's call estimates in the order the calls were made (a day's aggregate at its start). */
	List<CallEstimate> month(String month) {
		return jdbc.sql("SELECT " + String.join(", ", TABLE.columns()) + """
				 FROM call_estimate WHERE billing_month = ?
				ORDER BY call_start, channel_id, source_kind, source_file, source_line, direction, country""")
			.param(month)
			.query((rs, n) -> new CallEstimate(rs.getString("billing_month"), rs.getString("channel_id"),
					rs.getString("client_id"), rs.getObject("call_start", Long.class),
					rs.getObject("local_date", java.time.LocalDate.class), rs.getString("country"),
					rs.getString("direction"), rs.getLong("calls"), rs.getLong("duration_seconds"),
					rs.getLong("billed_pulses"), rs.getBigDecimal("cost"), rs.getString("currency"),
					rs.getString("cost_source"), rs.getString("source_kind"), rs.getBoolean("approximate"),
					rs.getBoolean("counts_as_estimate"), new RowSource(rs.getString("source_file"),
							rs.getObject("source_line", Long.class), rs.getString("source_position"), null)))
			.list();
	}

	/** The month's call estimates replaced by these (priced) ones, whole. */
	void replaceMonth(String month, List<CallEstimate> estimates) {
		jdbc.sql("DELETE FROM call_estimate WHERE billing_month = ?").param(month).update();
		load(estimates);
	}

}
