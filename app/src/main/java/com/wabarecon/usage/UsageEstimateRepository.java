package com.wabarecon.usage;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.wabarecon.support.bulk.BulkLoader;
import com.wabarecon.support.bulk.BulkTable;
import com.wabarecon.support.bulk.TableStatistics;

import org.springframework.batch.core.listener.StepExecutionListener;
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
					e.source().position(), e.wholeMonth() ? Boolean.TRUE : null },
			"billing_month", "channel_id", "client_id", "usage_start", "local_date", "country", "pricing_category",
			"pricing_type", "tier", "volume", "cost", "currency", "cost_source", "source_kind", "counts_as_estimate",
			"source_file", "source_line", "source_position", "whole_month");

	private final JdbcClient jdbc;

	private final BulkLoader loader;

	private final MonthPartitions months;

	private final TableStatistics statistics;

	private final ChannelFiles channelFiles;

	UsageEstimateRepository(JdbcClient jdbc, BulkLoader loader, MonthPartitions months, TableStatistics statistics,
			ChannelFiles channelFiles) {
		this.jdbc = jdbc;
		this.loader = loader;
		this.months = months;
		this.statistics = statistics;
		this.channelFiles = channelFiles;
	}

	/**
	 * Before the month's usage loads again in a new run: every estimate of the month goes at
	 * once, with its sums. Each loading step still removes its own kind first, for a restart,
	 * which reruns only the step that failed.
	 */
	void clearMonth(String month) {
		months.clear(month);
		jdbc.sql("DELETE FROM estimate_summary WHERE billing_month = ?").param(month).update();
		jdbc.sql("DELETE FROM repeat_channel WHERE billing_month = ?").param(month).update();
	}

	/** Makes room for the month's estimates and removes what an earlier run loaded of the kind. */
	void deleteMonth(String month, String sourceKind) {
		months.prepare(month);
		jdbc.sql("DELETE FROM usage_estimate WHERE billing_month = ? AND source_kind = ?")
			.params(month, sourceKind)
			.update();
		forgetSums(month, sourceKind);
	}

	/** The sums of the kind's estimates, and the channels noted as loaded from more than one file. */
	private void forgetSums(String month, String sourceKind) {
		jdbc.sql("DELETE FROM estimate_summary WHERE billing_month = ? AND source_kind = ?")
			.params(month, sourceKind)
			.update();
		jdbc.sql("DELETE FROM repeat_channel WHERE billing_month = ? AND source_kind = ?")
			.params(month, sourceKind)
			.update();
	}

	/**
	 * Before the month's usage exports load: the month's export rows go, and the webhook
	 * counts, which are counted again after the load (through the index, when a rerun finds
	 * them; afterwards, without it, each delete would read every row), with their sums, then the
	 * index, which {@link #index} builds once the month's estimates are complete.
	 */
	void prepareExportLoad(String month) {
		months.prepare(month);
		jdbc.sql("DELETE FROM usage_estimate WHERE billing_month = ? AND source_kind IN (?, ?)")
			.params(month, UsageEstimate.EXPORT, UsageEstimate.WEBHOOK)
			.update();
		forgetSums(month, UsageEstimate.EXPORT);
		forgetSums(month, UsageEstimate.WEBHOOK);
		months.dropIndex(month);
	}

	/** After the bulk load: fresh statistics for the planner, of the estimates and their sums. */
	void analyze(String month) {
		months.analyze(month);
		statistics.refresh("estimate_summary");
	}

	/** After the month's estimates are complete: the month's index, if it is missing. */
	void index(String month) {
		months.buildIndex(month);
	}

	/**
	 * Loads usage export estimates, their sums ({@link #loadSums}) and the channels whose rows
	 * came from more than one file ({@link #noteRepeatCandidates}).
	 */
	ItemWriter<UsageEstimate> exportWriter() {
		return chunk -> {
			load(chunk.getItems());
			noteRepeatCandidates(UsageEstimate.EXPORT, chunk.getItems());
		};
	}

	/**
	 * Writes the estimates of several source rows (a balance period gives one per category), and
	 * the channels whose periods came from more than one file.
	 */
	ItemWriter<EstimateGroup> groupWriter() {
		return chunk -> {
			List<UsageEstimate> flat = new ArrayList<>();
			chunk.forEach(group -> flat.addAll(group.estimates()));
			load(flat);
			noteRepeatCandidates(UsageEstimate.BALANCE, flat);
		};
	}

	/**
	 * Per source kind, the listener of the step that loads it: what {@link #noteRepeatCandidates}
	 * remembers lives as long as that step.
	 */
	StepExecutionListener repeatCandidatesListener(String sourceKind) {
		return channelFiles.forgetting(sourceKind);
	}

	/**
	 * The channels of estimates just written whose rows came from another file before
	 * ({@link ChannelFiles}), in the same transaction: only their rows can repeat another file's,
	 * and {@link RepeatedRows} compares them after the load. None in the normal case, where each
	 * channel's rows come from one file.
	 */
	private void noteRepeatCandidates(String sourceKind, Iterable<? extends UsageEstimate> written) {
		String month = null;
		for (String channel : channelFiles.repeatCandidates(sourceKind, written)) {
			month = month != null ? month : written.iterator().next().billingMonth();
			jdbc.sql("INSERT INTO repeat_channel (billing_month, source_kind, channel_id) VALUES (?, ?, ?)")
				.params(month, sourceKind, channel)
				.update();
		}
	}

	/** Loads estimates, and their sums. */
	void load(List<? extends UsageEstimate> estimates) {
		byPartition(estimates).forEach((table, rows) -> loader.load(TABLE.into(table), rows));
		loadSums(estimates);
	}

	/**
	 * Rows of one load by the table that takes them directly ({@link MonthPartitions#tableFor}),
	 * each in its order: the month's partition for their cost source. Rows of a month and cost
	 * source come in runs, so the table is looked up where a run starts, not per row.
	 */
	private Map<String, List<UsageEstimate>> byPartition(Iterable<? extends UsageEstimate> rows) {
		Map<String, List<UsageEstimate>> tables = new LinkedHashMap<>();
		List<UsageEstimate> table = null;
		UsageEstimate first = null;
		for (UsageEstimate e : rows) {
			if (table == null || !e.billingMonth().equals(first.billingMonth())
					|| !e.costSource().equals(first.costSource())) {
				first = e;
				table = tables.computeIfAbsent(months.tableFor(e.billingMonth(), e.costSource()),
						name -> new ArrayList<>());
			}
			table.add(e);
		}
		return tables;
	}

	/**
	 * The sums of estimates just written ({@code estimate_summary}), in the same transaction:
	 * they stand or fall with the rows.
	 */
	private void loadSums(Iterable<? extends UsageEstimate> written) {
		loader.load(EstimateSummary.TABLE, EstimateSummary.of(written));
	}

}
