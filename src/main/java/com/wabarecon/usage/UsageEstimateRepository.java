package com.wabarecon.usage;

import java.util.ArrayList;
import java.util.List;

import com.wabarecon.support.bulk.BulkLoader;
import com.wabarecon.support.bulk.BulkTable;

import org.springframework.batch.infrastructure.item.ItemWriter;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The month's estimates: each import step replaces the rows of its own source kind.
 */
@Repository
class UsageEstimateRepository {

	/** The columns every estimate fills, for the bulk load (and the webhook count's insert). */
	static final BulkTable<UsageEstimate> TABLE = BulkTable.of("usage_estimate",
			e -> new Object[] { e.billingMonth(), e.channelId(), e.clientId(), e.usageStart(), e.localDate(),
					e.country(), e.category(), e.pricingType(), e.tier(), e.volume(), e.cost(), e.currency(),
					e.costSource(), e.sourceKind(), e.countsAsEstimate(), e.source().file(), e.source().line(),
					e.source().position() },
			"billing_month", "channel_id", "client_id", "usage_start", "local_date", "country", "pricing_category",
			"pricing_type", "tier", "volume", "cost", "currency", "cost_source", "source_kind", "counts_as_estimate",
			"source_file", "source_line", "source_position");

	private final JdbcClient jdbc;

	private final BulkLoader loader;

	UsageEstimateRepository(JdbcClient jdbc, BulkLoader loader) {
		this.jdbc = jdbc;
		this.loader = loader;
	}

	void deleteMonth(String month, String sourceKind) {
		jdbc.sql("DELETE FROM usage_estimate WHERE billing_month = ? AND source_kind = ?")
			.params(month, sourceKind)
			.update();
	}

	ItemWriter<UsageEstimate> writer() {
		return loader.writer(TABLE);
	}

	/** Writes the estimates of several source rows (a balance period gives one per category). */
	ItemWriter<EstimateGroup> groupWriter() {
		return chunk -> {
			List<UsageEstimate> flat = new ArrayList<>();
			chunk.forEach(group -> flat.addAll(group.estimates()));
			loader.load(TABLE, flat);
		};
	}

}
