package com.wabarecon.forecast;

import java.time.YearMonth;
import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import java.util.TreeMap;

import com.wabarecon.rules.Pricing;

import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The countries a series' volume went to in the month closed, by volume: its invoice lines'
 * markets (paid lines), else its estimates' recipient countries. Each kind is read in one pass
 * over the month, not once per series: the invoice's for every series, the estimates' for the
 * few series the invoice names no market of ({@link #readEstimates}).
 */
final class SeriesCountries {

	private final JdbcClient jdbc;

	private final YearMonth month;

	/** Per series' key without its client ({@link #key}), its invoice volume per market. */
	private final Map<String, Map<String, Long>> invoiced = new HashMap<>();

	/** Per series' key, for the series asked of {@link #readEstimates}, its estimates per country. */
	private final Map<String, Map<String, Long>> estimated = new HashMap<>();

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

	/** Whether the invoice names a market of the series' volume. */
	boolean invoiced(Series series) {
		return invoiced.getOrDefault(invoiceKey(series), Map.of()).values().stream().mapToLong(Long::longValue).sum() > 0;
	}

	/**
	 * Reads the estimates' countries of these series (whose invoice names no market): one pass
	 * over the month's estimate sums, one over its calls. A whole WABA's series (no number)
	 * takes the countries of all its numbers.
	 */
	void readEstimates(Collection<Series> series) {
		for (Series one : series) {
			estimated.put(estimateKey(one.wabaId, one.phoneNumberId, one.category), new TreeMap<>());
		}
		if (series.stream().anyMatch(one -> !Pricing.VOICE.equals(one.category))) {
			jdbc.sql("""
					SELECT c.waba_id, c.phone_number_id, e.pricing_category, e.country, SUM(e.volume)
					FROM estimate_summary e JOIN channel c ON c.channel_id = e.channel_id
					WHERE e.billing_month = :month AND e.counts_as_estimate AND e.pricing_type = 'REGULAR'
					  AND e.country IS NOT NULL
					GROUP BY c.waba_id, c.phone_number_id, e.pricing_category, e.country""")
				.param("month", month.toString())
				.query(rs -> {
					note(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getLong(5));
				});
		}
		if (series.stream().anyMatch(one -> Pricing.VOICE.equals(one.category))) {
			jdbc.sql("""
					SELECT c.waba_id, c.phone_number_id, e.country, SUM(e.billed_pulses)
					FROM call_estimate e JOIN channel c ON c.channel_id = e.channel_id
					WHERE e.billing_month = :month AND e.counts_as_estimate AND e.country IS NOT NULL
					GROUP BY c.waba_id, c.phone_number_id, e.country""")
				.param("month", month.toString())
				.query(rs -> {
					note(rs.getString(1), rs.getString(2), Pricing.VOICE, rs.getString(3), rs.getLong(4));
				});
		}
	}

	/** A number's volume in a country, to its own series and to its WABA's, where they were asked for. */
	private void note(String waba, String phone, String category, String country, long volume) {
		for (String key : new String[] { estimateKey(waba, phone, category), estimateKey(waba, null, category) }) {
			Map<String, Long> countries = estimated.get(key);
			if (countries != null) {
				countries.merge(country, volume, Long::sum);
			}
		}
	}

	/**
	 * The series' volume per country, by country: the invoice's markets, else its estimates'
	 * countries when {@link #readEstimates} was asked for it; empty when neither names one.
	 */
	Map<String, Long> of(Series series) {
		return invoiced(series) ? invoiced.get(invoiceKey(series))
				: estimated.getOrDefault(estimateKey(series.wabaId, series.phoneNumberId, series.category), Map.of());
	}

	private static String invoiceKey(Series series) {
		return key(series.wabaId, series.phoneNumberId, series.category, series.currency);
	}

	/** A WABA's line (no phone number) is a series of its own, apart from its numbers' lines. */
	private static String key(String waba, String phone, String category, String currency) {
		return String.join("|", waba, String.valueOf(phone), category, currency);
	}

	/** The estimates have no invoice currency: a series' countries are its number's, whatever the currency. */
	private static String estimateKey(String waba, String phone, String category) {
		return String.join("|", waba, String.valueOf(phone), category);
	}

}
