package com.wabarecon.balance;

import java.time.LocalDate;
import java.util.List;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The months {@code balancesStep} worked out, for the reports. */
@Repository
public class BalanceMonths {

	private final JdbcClient jdbc;

	BalanceMonths(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/**
	 * The month's Direct Payment channels (one client's, when given), the most urgent first: funds
	 * that run out soon, then by days of funds left (unknown last), then by channel.
	 */
	public List<BalanceMonth> byUrgency(String month, String client) {
		return jdbc.sql("""
				SELECT client_id, channel_id, currency, opening, added, used, other, expected_closing, closing, difference,
				       invoiced_usage, daily_cost, days_left, renewal_date, empty_date, runs_out_soon, renewal_enabled,
				       suggested_threshold, suggested_amount, stable_usage
				FROM balance_month
				WHERE billing_month = :month AND (CAST(:client AS VARCHAR(64)) IS NULL OR client_id = :client)
				ORDER BY CASE WHEN runs_out_soon THEN 0 ELSE 1 END, CASE WHEN days_left IS NULL THEN 1 ELSE 0 END,
				    days_left, channel_id""")
			.param("month", month)
			.param("client", client)
			.query((rs, n) -> new BalanceMonth(rs.getString(1), rs.getString(2), rs.getString(3).strip(),
					rs.getBigDecimal(4), rs.getBigDecimal(5), rs.getBigDecimal(6), rs.getBigDecimal(7), rs.getBigDecimal(8),
					rs.getBigDecimal(9), rs.getBigDecimal(10), rs.getBigDecimal(11), rs.getBigDecimal(12),
					rs.getBigDecimal(13), rs.getObject(14, LocalDate.class), rs.getObject(15, LocalDate.class),
					rs.getBoolean(16), rs.getBoolean(17), rs.getBigDecimal(18), rs.getBigDecimal(19), rs.getBoolean(20)))
			.list();
	}

}
