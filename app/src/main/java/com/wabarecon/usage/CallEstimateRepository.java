package com.wabarecon.usage;

import java.util.List;

import com.wabarecon.support.bulk.BulkLoader;
import com.wabarecon.support.bulk.BulkTable;

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
		loader.load(TABLE, estimates);
	}

}
