package com.wabarecon.usage;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;

import com.wabarecon.rules.Pricing;
import com.wabarecon.support.bulk.BulkLoader;
import com.wabarecon.support.bulk.BulkTable;
import com.wabarecon.support.bulk.TableStatistics;
import com.wabarecon.support.reject.RowSource;

import org.springframework.batch.infrastructure.item.ItemWriter;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Staged webhook events, and the count that turns them into estimates: each message (PMP) or
 * conversation (CBP) counts once, on the day and with the pricing of its first event; those
 * whose first event falls outside the month do not count for it. The counts are the estimate
 * of a channel without a usage export, and a cross-check beside the export of one with it.
 */
@Repository
class WebhookEventRepository {

	/** One staged event, with the line it came from. */
	private record Staged(String month, StatusEvent event, RowSource source) {
	}

	private static final BulkTable<Staged> TABLE = BulkTable.of("webhook_event",
			s -> new Object[] { s.month(), s.event().channelId(), s.event().chargeKey(), s.event().pricingModel(),
					s.event().status(), s.event().eventTime(), s.event().localDate(), s.event().country(),
					s.event().category(), s.event().pricingType(), s.source().file(), s.source().line() },
			"billing_month", "channel_id", "charge_key", "pricing_model", "status", "event_time", "local_date",
			"country", "pricing_category", "pricing_type", "source_file", "source_line");

	/*
	 * Read back and loaded with the bulk loader, not INSERT ... SELECT, which PostgreSQL runs on
	 * one process where a plain SELECT may use more. Whether a channel has an export comes from the sums written as the
	 * exports loaded (estimate_summary): asked of the month's six million estimates, it was a
	 * pass over them all.
	 */
	private static final String COUNT = """
			SELECT f.channel_id, c.client_id, f.local_date, f.country, f.pricing_category, f.pricing_type,
			    COUNT(*) AS volume, c.waba_currency,
			    CASE WHEN x.channel_id IS NULL THEN TRUE ELSE FALSE END AS counts_as_estimate
			FROM (SELECT e.channel_id, e.local_date, e.country, e.pricing_category, e.pricing_type,
			          ROW_NUMBER() OVER (PARTITION BY e.channel_id, e.pricing_model, e.charge_key
			                             ORDER BY e.event_time, e.source_file, e.source_line) AS nth
			      FROM webhook_event e WHERE e.billing_month = :month) f
			JOIN channel c ON c.channel_id = f.channel_id
			LEFT JOIN (SELECT DISTINCT channel_id FROM estimate_summary
			           WHERE billing_month = :month AND source_kind IN ('EXPORT', 'BALANCE') AND counts_as_estimate) x
			       ON x.channel_id = f.channel_id
			WHERE f.nth = 1 AND f.local_date BETWEEN :first AND :last
			GROUP BY f.channel_id, c.client_id, c.waba_currency, f.local_date, f.country, f.pricing_category,
			    f.pricing_type, x.channel_id""";

	/** Where a counted estimate comes from: the month's webhook folder, not one line. */
	static final String COUNTED = "counted from status webhooks";

	private final JdbcClient jdbc;

	private final BulkLoader loader;

	private final UsageEstimateRepository estimates;

	private final TableStatistics statistics;

	private final CallEventRepository calls;

	WebhookEventRepository(JdbcClient jdbc, BulkLoader loader, UsageEstimateRepository estimates,
			TableStatistics statistics, CallEventRepository calls) {
		this.jdbc = jdbc;
		this.loader = loader;
		this.estimates = estimates;
		this.statistics = statistics;
		this.calls = calls;
	}

	void deleteMonth(String month) {
		jdbc.sql("DELETE FROM webhook_event WHERE billing_month = ?").param(month).update();
		calls.deleteMonth(month);
	}

	ItemWriter<WebhookEvents> writer(String month) {
		return chunk -> {
			List<Staged> staged = new ArrayList<>();
			List<CallEventRepository.Staged> ended = new ArrayList<>();
			for (WebhookEvents line : chunk) {
				for (StatusEvent e : line.events()) {
					staged.add(new Staged(month, e, line.source()));
				}
				for (CallEvent call : line.calls()) {
					ended.add(new CallEventRepository.Staged(month, call, line.source()));
				}
			}
			loader.load(TABLE, staged);
			calls.stage(ended);
		};
	}

	/**
	 * Writes the month's webhook estimates, counted from the staged events; returns the rows
	 * written. The usage exports step removed the counts of an earlier run before its load.
	 */
	int count(YearMonth month, String folder) {
		statistics.refresh("webhook_event"); // the count does not read the estimates
		String billingMonth = month.toString();
		RowSource source = new RowSource(folder, null, COUNTED, null);
		List<UsageEstimate> counted = jdbc.sql(COUNT)
			.param("month", billingMonth)
			.param("first", month.atDay(1))
			.param("last", month.atEndOfMonth())
			.query((rs, n) -> {
				boolean charged = Pricing.REGULAR.equals(rs.getString("pricing_type"));
				return new UsageEstimate(billingMonth, rs.getString("channel_id"), rs.getString("client_id"), null,
						rs.getObject("local_date", LocalDate.class), rs.getString("country"),
						rs.getString("pricing_category"), rs.getString("pricing_type"), null, rs.getLong("volume"),
						charged ? null : BigDecimal.ZERO, rs.getString("waba_currency"),
						charged ? UsageEstimate.RATE_CARD : UsageEstimate.FREE, UsageEstimate.WEBHOOK,
						rs.getBoolean("counts_as_estimate"), source);
			})
			.list();
		estimates.load(counted);
		return counted.size();
	}

}
