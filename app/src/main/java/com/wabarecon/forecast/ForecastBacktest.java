package com.wabarecon.forecast;

import java.time.YearMonth;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;

import com.wabarecon.rules.Backtest;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/**
 * How well the forecast would have done on the months the database holds: every series of the
 * reconciliation lines (a client's number, or whole WABA, category and currency) backtested
 * ({@link Backtest}) over its last months, per client and overall.
 */
@Service
public class ForecastBacktest {

	/** The backtest per client and overall, over the months from {@code first} to {@code last}; none without lines. */
	public record Report(YearMonth first, YearMonth last, Map<String, Backtest> perClient, Backtest overall) {
	}

	private final JdbcClient jdbc;

	ForecastBacktest(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/** Each series' last {@code months} months forecast from the months before each. */
	public Report run(int months) {
		Map<String, Series> series = new LinkedHashMap<>();
		YearMonth[] last = { null };
		jdbc.sql("""
				SELECT billing_month, client_id, waba_id, phone_number_id, category, currency,
				       CASE WHEN status = 'MISSING_FROM_INVOICE' THEN estimated_volume ELSE invoiced_volume END
				FROM recon_line WHERE client_id IS NOT NULL
				ORDER BY client_id, waba_id, phone_number_id, category, currency, billing_month""").query(rs -> {
			YearMonth month = YearMonth.parse(rs.getString(1));
			String clientId = rs.getString(2);
			String wabaId = rs.getString(3);
			String phoneNumberId = rs.getString(4);
			String category = rs.getString(5);
			String currency = rs.getString(6).strip();
			series.computeIfAbsent(Series.key(clientId, wabaId, phoneNumberId, category, currency),
					key -> new Series(clientId, wabaId, phoneNumberId, null, category, currency))
				.add(month, rs.getLong(7));
			last[0] = last[0] == null || month.isAfter(last[0]) ? month : last[0];
		});
		Map<String, Backtest> perClient = new TreeMap<>();
		Backtest overall = Backtest.NONE;
		for (Series one : series.values()) {
			Backtest backtest = Backtest.of(one.history(last[0]), months);
			perClient.merge(one.clientId, backtest, Backtest::plus);
			overall = overall.plus(backtest);
		}
		return new Report(last[0] == null ? null : last[0].minusMonths(months - 1L), last[0], perClient, overall);
	}

}
