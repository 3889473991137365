package com.wabarecon.usage;

import java.math.BigDecimal;
import java.sql.Types;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

import com.wabarecon.support.bulk.BulkLoader;
import com.wabarecon.support.bulk.BulkTable;
import com.wabarecon.support.reject.RowSource;

import org.springframework.batch.infrastructure.item.ItemWriter;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowCallbackHandler;
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

	/** Rows read from the database at a time, and priced rows written at a time. */
	static final int WINDOW = 5_000;

	private final JdbcClient jdbc;

	private final JdbcTemplate jdbcTemplate;

	private final BulkLoader loader;

	CallEstimateRepository(JdbcClient jdbc, JdbcTemplate jdbcTemplate, BulkLoader loader) {
		this.jdbc = jdbc;
		this.jdbcTemplate = jdbcTemplate;
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

	/** One row as the pricing reads it. */
	record Priced(long rowId, String clientId, String country, String currency, long calls, long billedPulses,
			boolean approximate, String costSource, boolean countsAsEstimate) {
	}

	/**
	 * Streams the month's call estimates in the order the calls were made (a day's aggregate at
	 * its start), a window of rows at a time: inside a transaction, PostgreSQL's driver reads
	 * through a cursor instead of holding the month.
	 */
	void forEachInOrder(String month, Consumer<Priced> action) {
		jdbc.sql("""
				SELECT row_id, client_id, country, currency, calls, billed_pulses, approximate, cost_source,
				       counts_as_estimate
				FROM call_estimate WHERE billing_month = ?
				ORDER BY call_start, channel_id, source_kind, source_file, source_line, direction, country, row_id""")
			.withFetchSize(WINDOW)
			.param(month)
			.query((RowCallbackHandler) rs -> action.accept(new Priced(rs.getLong(1), rs.getString(2), rs.getString(3),
					rs.getString(4), rs.getLong(5), rs.getLong(6), rs.getBoolean(7), rs.getString(8), rs.getBoolean(9))));
	}

	/** Sets the cost of these rows ({@code null}: unknown), by row id. */
	void setCosts(Map<Long, BigDecimal> costs) {
		if (costs.isEmpty()) {
			return;
		}
		List<Object[]> rows = costs.entrySet().stream().map(cost -> new Object[] { cost.getValue(), cost.getKey() })
			.toList();
		jdbcTemplate.batchUpdate("UPDATE call_estimate SET cost = ? WHERE row_id = ?", rows,
				new int[] { Types.NUMERIC, Types.BIGINT });
	}

}
