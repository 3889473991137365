package com.wabarecon.usage;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;

import com.wabarecon.rules.CallPricing;
import com.wabarecon.support.bulk.BulkLoader;
import com.wabarecon.support.bulk.BulkTable;
import com.wabarecon.support.reject.RowSource;

import org.springframework.jdbc.core.RowCallbackHandler;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Staged calls webhooks ({@code call_event}), and the count that turns them into call
 * estimates: each call id counts once, exactly (its own pulses, {@link CallPricing}), on the day
 * it started in the WABA's time zone. The count is a channel's estimate of its calls where no
 * call analytics export gives one, and a cross-check beside the export where one does.
 */
@Repository
class CallEventRepository {

	/** One staged call, with the line it came from. */
	record Staged(String month, CallEvent call, RowSource source) {
	}

	static final BulkTable<Staged> TABLE = BulkTable.of("call_event",
			s -> new Object[] { s.month(), s.call().channelId(), s.call().callId(), s.call().direction(),
					s.call().status(), s.call().startTime(), s.call().durationSeconds(), s.call().localDate(),
					s.call().country(), s.source().file(), s.source().line() },
			"billing_month", "channel_id", "call_id", "direction", "status", "start_time", "duration_seconds",
			"local_date", "country", "source_file", "source_line");

	/** A call once, whichever of its repeated terminate events; whether its channel has an export. */
	private static final String CALLS = """
			SELECT e.channel_id, c.client_id, c.waba_currency, e.call_id, MIN(e.direction) AS direction,
			    MIN(e.status) AS status, MIN(e.start_time) AS start_time, MAX(e.duration_seconds) AS duration_seconds,
			    MIN(e.local_date) AS local_date, MIN(e.country) AS country,
			    CASE WHEN x.channel_id IS NULL THEN TRUE ELSE FALSE END AS no_export
			FROM call_event e
			JOIN channel c ON c.channel_id = e.channel_id
			LEFT JOIN (SELECT DISTINCT channel_id FROM call_estimate
			           WHERE billing_month = :month AND source_kind = 'EXPORT' AND counts_as_estimate) x
			       ON x.channel_id = e.channel_id
			WHERE e.billing_month = :month
			GROUP BY e.channel_id, c.client_id, c.waba_currency, e.call_id, x.channel_id""";

	/** Where a counted call comes from: the month's webhook folder, not one line. */
	static final String COUNTED = "counted from calls webhooks";

	private final JdbcClient jdbc;

	private final BulkLoader loader;

	private final CallEstimateRepository estimates;

	CallEventRepository(JdbcClient jdbc, BulkLoader loader, CallEstimateRepository estimates) {
		this.jdbc = jdbc;
		this.loader = loader;
		this.estimates = estimates;
	}

	void deleteMonth(String month) {
		jdbc.sql("DELETE FROM call_event WHERE billing_month = ?").param(month).update();
	}

	void stage(List<Staged> calls) {
		if (!calls.isEmpty()) {
			loader.load(TABLE, calls);
		}
	}

	/**
	 * Writes the month's call estimates counted from the staged calls, one a call, in place of an
	 * earlier run's, streamed a window at a time; returns how many. A call of the days just outside the month is kept outside
	 * the count, as is every call of a channel whose export gives its calls.
	 */
	int count(YearMonth month, String folder) {
		String billingMonth = month.toString();
		estimates.deleteMonth(billingMonth, UsageEstimate.WEBHOOK);
		RowSource source = new RowSource(folder, null, COUNTED, null);
		List<CallEstimate> window = new ArrayList<>();
		int[] counted = { 0 };
		jdbc.sql(CALLS).withFetchSize(CallEstimateRepository.WINDOW).param("month", billingMonth).query((RowCallbackHandler) rs -> {
			String direction = rs.getString("direction");
			Long duration = rs.getObject("duration_seconds", Long.class);
			boolean charged = CallPricing.charged(direction, rs.getString("status"), duration);
			LocalDate day = rs.getObject("local_date", LocalDate.class);
			boolean inMonth = YearMonth.from(day).equals(month);
			window.add(new CallEstimate(billingMonth, rs.getString("channel_id"), rs.getString("client_id"),
					rs.getLong("start_time"), day, rs.getString("country"), direction, 1,
					duration == null ? 0 : Math.max(duration, 0), charged ? CallPricing.pulses(duration) : 0,
					charged ? null : BigDecimal.ZERO, rs.getString("waba_currency"),
					charged ? UsageEstimate.RATE_CARD : UsageEstimate.FREE, UsageEstimate.WEBHOOK, false,
					inMonth && rs.getBoolean("no_export"), source));
			counted[0]++;
			if (window.size() >= CallEstimateRepository.WINDOW) {
				estimates.load(window);
				window.clear();
			}
		});
		estimates.load(window);
		return counted[0];
	}

}
