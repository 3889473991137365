package com.wabarecon.usage;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Function;

import com.wabarecon.support.bulk.BulkLoader;
import com.wabarecon.support.bulk.BulkTable;
import com.wabarecon.support.bulk.MonthPartitions;
import com.wabarecon.support.bulk.PreparedRow;

import org.springframework.batch.infrastructure.item.ItemProcessor;
import org.springframework.batch.infrastructure.item.ItemWriter;
import org.springframework.jdbc.core.JdbcTemplate;
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

	private final JdbcTemplate jdbcTemplate;

	private final BulkLoader loader;

	private final MonthPartitions months;

	UsageEstimateRepository(JdbcClient jdbc, JdbcTemplate jdbcTemplate, BulkLoader loader, MonthPartitions months) {
		this.jdbc = jdbc;
		this.jdbcTemplate = jdbcTemplate;
		this.loader = loader;
		this.months = months;
	}

	/** Makes room for the month's estimates and removes what an earlier run loaded of the kind. */
	void deleteMonth(String month, String sourceKind) {
		months.prepare(month);
		jdbc.sql("DELETE FROM usage_estimate WHERE billing_month = ? AND source_kind = ?")
			.params(month, sourceKind)
			.update();
		forgetChannels(month, sourceKind);
	}

	private void forgetChannels(String month, String sourceKind) {
		jdbc.sql("DELETE FROM estimate_channel WHERE billing_month = ? AND source_kind = ?")
			.params(month, sourceKind)
			.update();
	}

	/**
	 * Before the month's usage exports load: the month's export rows go, and the webhook
	 * counts, which are counted again after the load (through the index, when a rerun finds
	 * them; afterwards, without it, each delete would read every row), then the index, which
	 * {@link #index} builds once the month's estimates are complete.
	 */
	void prepareExportLoad(String month) {
		months.prepare(month);
		jdbc.sql("DELETE FROM usage_estimate WHERE billing_month = ? AND source_kind IN (?, ?)")
			.params(month, UsageEstimate.EXPORT, UsageEstimate.WEBHOOK)
			.update();
		forgetChannels(month, UsageEstimate.EXPORT);
		months.dropIndex(month);
	}

	/** After the bulk load: fresh statistics for the planner. */
	void analyze(String month) {
		months.analyze(month);
	}

	/** After the month's estimates are complete: the month's index, if it is missing. */
	void index(String month) {
		months.buildIndex(month);
	}

	/**
	 * A mapper whose estimates come out ready for {@link #preparedWriter}: for the parsing thread,
	 * one per step execution.
	 */
	<I> ItemProcessor<I, PreparedRow<UsageEstimate>> preparing(ItemProcessor<I, UsageEstimate> mapper) {
		Function<UsageEstimate, PreparedRow<UsageEstimate>> prepare = loader.preparer(TABLE);
		return item -> {
			UsageEstimate estimate = mapper.process(item);
			return estimate == null ? null : prepare.apply(estimate);
		};
	}

	/** Loads prepared estimates, and notes their channels ({@link #noteChannels}). */
	ItemWriter<PreparedRow<UsageEstimate>> preparedWriter() {
		ItemWriter<PreparedRow<UsageEstimate>> load = loader.preparedWriter(TABLE);
		return chunk -> {
			load.write(chunk);
			noteChannels(() -> chunk.getItems().stream().map(PreparedRow::item).iterator());
		};
	}

	/** Writes the estimates of several source rows (a balance period gives one per category). */
	ItemWriter<EstimateGroup> groupWriter() {
		return chunk -> {
			List<UsageEstimate> flat = new ArrayList<>();
			chunk.forEach(group -> flat.addAll(group.estimates()));
			loader.load(TABLE, flat);
			noteChannels(flat);
		};
	}

	/**
	 * The channels of estimates just written that count, once per chunk ({@code estimate_channel}),
	 * in the chunk's transaction: they stand or fall with the rows.
	 */
	private void noteChannels(Iterable<UsageEstimate> written) {
		Set<List<String>> channels = new LinkedHashSet<>();
		UsageEstimate last = null;
		for (UsageEstimate estimate : written) {
			// rows come file by file: a channel's next row adds nothing, so it makes no key
			if (estimate.countsAsEstimate() && !sameChannel(estimate, last)) {
				channels.add(List.of(estimate.billingMonth(), estimate.sourceKind(), estimate.channelId()));
				last = estimate;
			}
		}
		if (!channels.isEmpty()) {
			jdbcTemplate.batchUpdate("INSERT INTO estimate_channel (billing_month, source_kind, channel_id) VALUES (?, ?, ?)",
					channels.stream().map(List::toArray).toList());
		}
	}

	private static boolean sameChannel(UsageEstimate estimate, UsageEstimate last) {
		return last != null && estimate.channelId().equals(last.channelId())
				&& estimate.sourceKind().equals(last.sourceKind()) && estimate.billingMonth().equals(last.billingMonth());
	}

}
