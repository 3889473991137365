package com.wabarecon.usage;

import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;

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

	private static final String COUNT = """
			INSERT INTO usage_estimate (billing_month, channel_id, client_id, usage_start, local_date, country,
			    pricing_category, pricing_type, tier, volume, cost, currency, cost_source, source_kind,
			    counts_as_estimate, source_file, source_line, source_position)
			SELECT :month, f.channel_id, c.client_id, NULL, f.local_date, f.country, f.pricing_category,
			    f.pricing_type, NULL, COUNT(*),
			    CASE WHEN f.pricing_type = 'REGULAR' THEN NULL ELSE 0 END, c.waba_currency,
			    CASE WHEN f.pricing_type = 'REGULAR' THEN 'RATE_CARD' ELSE 'FREE' END, 'WEBHOOK',
			    CASE WHEN EXISTS (SELECT 1 FROM usage_estimate x WHERE x.billing_month = :month
			        AND x.channel_id = f.channel_id AND x.source_kind IN ('EXPORT', 'BALANCE') AND x.counts_as_estimate)
			        THEN FALSE ELSE TRUE END,
			    :folder, NULL, 'counted from status webhooks'
			FROM (SELECT e.channel_id, e.local_date, e.country, e.pricing_category, e.pricing_type,
			          ROW_NUMBER() OVER (PARTITION BY e.channel_id, e.pricing_model, e.charge_key
			                             ORDER BY e.event_time, e.source_file, e.source_line) AS nth
			      FROM webhook_event e WHERE e.billing_month = :month) f
			JOIN channel c ON c.channel_id = f.channel_id
			WHERE f.nth = 1 AND f.local_date BETWEEN :first AND :last
			GROUP BY f.channel_id, c.client_id, c.waba_currency, f.local_date, f.country, f.pricing_category,
			    f.pricing_type""";

	private final JdbcClient jdbc;

	private final BulkLoader loader;

	private final TableStatistics statistics;

	WebhookEventRepository(JdbcClient jdbc, BulkLoader loader, TableStatistics statistics) {
		this.jdbc = jdbc;
		this.loader = loader;
		this.statistics = statistics;
	}

	void deleteMonth(String month) {
		jdbc.sql("DELETE FROM webhook_event WHERE billing_month = ?").param(month).update();
	}

	ItemWriter<WebhookEvents> writer(String month) {
		return chunk -> {
			List<Staged> staged = new ArrayList<>();
			for (WebhookEvents line : chunk) {
				for (StatusEvent e : line.events()) {
					staged.add(new Staged(month, e, line.source()));
				}
			}
			loader.load(TABLE, staged);
		};
	}

	/** Replaces the month's webhook estimates by the count of the staged events; returns the rows written. */
	int count(YearMonth month, String folder) {
		statistics.refresh("webhook_event"); // the month's estimates were analysed when indexed
		jdbc.sql("DELETE FROM usage_estimate WHERE billing_month = ? AND source_kind = ?")
			.params(month.toString(), UsageEstimate.WEBHOOK)
			.update();
		return jdbc.sql(COUNT)
			.param("month", month.toString())
			.param("folder", folder)
			.param("first", month.atDay(1))
			.param("last", month.atEndOfMonth())
			.update();
	}

}
