package com.wabarecon.forecast;

import java.time.YearMonth;
import java.util.LinkedHashMap;
import java.util.Map;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The forecast series of the reconciliation lines: a client's number (or whole WABA), category
 * and currency, with each month's volume: the invoiced one, the estimate where the invoice had no
 * line. Lines of unknown channels belong to no client and to no series.
 */
@Repository
class SeriesRepository {

	private final JdbcClient jdbc;

	SeriesRepository(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/** The series of the months from {@code first} to {@code last} (each {@code null}: no bound), of one client when given. */
	Map<String, Series> read(YearMonth first, YearMonth last, String client) {
		Map<String, Series> series = new LinkedHashMap<>();
		jdbc.sql("""
				SELECT billing_month, client_id, waba_id, phone_number_id, channel_id, category, currency,
				       CASE WHEN status = 'MISSING_FROM_INVOICE' THEN estimated_volume ELSE invoiced_volume END
				FROM recon_line
				WHERE client_id IS NOT NULL
				  AND (CAST(:first AS VARCHAR(7)) IS NULL OR billing_month >= :first)
				  AND (CAST(:last AS VARCHAR(7)) IS NULL OR billing_month <= :last)
				  AND (CAST(:client AS VARCHAR(64)) IS NULL OR client_id = :client)
				ORDER BY client_id, waba_id, phone_number_id, category, currency, billing_month""")
			.param("first", first == null ? null : first.toString())
			.param("last", last == null ? null : last.toString())
			.param("client", client)
			.query(rs -> {
				String clientId = rs.getString(2);
				String wabaId = rs.getString(3);
				String phoneNumberId = rs.getString(4);
				String channelId = rs.getString(5);
				String category = rs.getString(6);
				String currency = rs.getString(7).strip();
				series.computeIfAbsent(Series.key(clientId, wabaId, phoneNumberId, category, currency),
						key -> new Series(clientId, wabaId, phoneNumberId, channelId, category, currency))
					.add(YearMonth.parse(rs.getString(1)), rs.getLong(8));
			});
		return series;
	}

}
