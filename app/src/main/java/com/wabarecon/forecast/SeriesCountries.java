package com.wabarecon.forecast;

import java.time.YearMonth;
import java.util.HashMap;
import java.util.Map;
import java.util.TreeMap;

import com.wabarecon.rules.Pricing;

import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The countries a series' volume went to in the month closed, by volume: its invoice lines'
 * markets (paid lines), else its estimates' recipient countries. The invoice's are read in one
 * query for the month (or the run's client); the estimates', only asked for the few series the
 * invoice names no market of, per series.
 */
final class SeriesCountries {

	private final JdbcClient jdbc;

	private final YearMonth month;

	/** Per series' key without its client ({@link #key}), its invoice volume per market. */
	private final Map<String, Map<String, Long>> invoiced = new HashMap<>();

	private SeriesCountries(JdbcClient jdbc, YearMonth month) {
		this.jdbc = jdbc;
		this.month = month;
	}

	/** The invoice's markets of the month's paid usage lines, of one client's WABAs when given. */
	static SeriesCountries read(JdbcClient jdbc, YearMonth month, String client) {
		SeriesCountries countries = new SeriesCountries(jdbc, month);
		jdbc.sql("""
				SELECT waba_id, phone_number_id, pricing_category, currency, market, SUM(volume) FROM invoice_line
				WHERE billing_month = :month AND line_type = 'USAGE' AND pricing_type = 'REGULAR' AND market IS NOT NULL
				  AND (CAST(:client AS VARCHAR(64)) IS NULL
				       OR waba_id IN (SELECT waba_id FROM waba WHERE client_id = :client))
				GROUP BY waba_id, phone_number_id, pricing_category, currency, market""")
			.param("month", month.toString())
			.param("client", client)
			.query(rs -> {
				countries.invoiced
					.computeIfAbsent(key(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4).strip()),
							k -> new TreeMap<>())
					.merge(rs.getString(5), rs.getLong(6), Long::sum);
			});
		return countries;
	}

	/** The series' volume per country, by country; empty when neither side names one. */
	Map<String, Long> of(Series series) {
		Map<String, Long> markets = invoiced.getOrDefault(
				key(series.wabaId, series.phoneNumberId, series.category, series.currency), Map.of());
		if (markets.values().stream().mapToLong(Long::longValue).sum() > 0) {
			return markets;
		}
		Map<String, Long> countries = new TreeMap<>();
		String sql = Pricing.VOICE.equals(series.category) ? """
				SELECT country, SUM(billed_pulses) FROM call_estimate e JOIN channel c ON c.channel_id = e.channel_id
				WHERE e.billing_month = :month AND e.counts_as_estimate AND c.waba_id = :waba
				  AND (CAST(:phone AS VARCHAR(32)) IS NULL OR c.phone_number_id = :phone) AND country IS NOT NULL
				GROUP BY country""" : """
				SELECT country, SUM(volume) FROM estimate_summary e JOIN channel c ON c.channel_id = e.channel_id
				WHERE e.billing_month = :month AND e.counts_as_estimate AND e.pricing_type = 'REGULAR'
				  AND e.pricing_category = :category AND c.waba_id = :waba
				  AND (CAST(:phone AS VARCHAR(32)) IS NULL OR c.phone_number_id = :phone) AND country IS NOT NULL
				GROUP BY country""";
		var query = jdbc.sql(sql).param("month", month.toString()).param("waba", series.wabaId)
			.param("phone", series.phoneNumberId);
		if (!Pricing.VOICE.equals(series.category)) {
			query = query.param("category", series.category);
		}
		query.query(rs -> {
			countries.put(rs.getString(1), rs.getLong(2));
		});
		return countries;
	}

	/** A WABA's line (no phone number) is a series of its own, apart from its numbers' lines. */
	private static String key(String waba, String phone, String category, String currency) {
		return String.join("|", waba, String.valueOf(phone), category, currency);
	}

}
