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
				SELECT b.client_id, b.channel_id, c.display_phone_number, b.currency, b.opening, b.added, b.used, b.other,
				       b.expected_closing, b.closing, b.difference, b.invoiced_usage, b.daily_cost, b.days_left,
				       b.renewal_date, b.empty_date, b.runs_out_soon, b.renewal_enabled, b.suggested_threshold,
				       b.suggested_amount, b.stable_usage
				FROM balance_month b LEFT JOIN channel c ON c.channel_id = b.channel_id
				WHERE b.billing_month = :month AND (CAST(:client AS VARCHAR(64)) IS NULL OR b.client_id = :client)
				ORDER BY CASE WHEN b.runs_out_soon THEN 0 ELSE 1 END, CASE WHEN b.days_left IS NULL THEN 1 ELSE 0 END,
				    b.days_left, b.channel_id""")
			.param("month", month)
			.param("client", client)
			.query((rs, n) -> new BalanceMonth(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4).strip(),
					rs.getBigDecimal(5), rs.getBigDecimal(6), rs.getBigDecimal(7), rs.getBigDecimal(8), rs.getBigDecimal(9),
					rs.getBigDecimal(10), rs.getBigDecimal(11), rs.getBigDecimal(12), rs.getBigDecimal(13),
					rs.getBigDecimal(14), rs.getObject(15, LocalDate.class), rs.getObject(16, LocalDate.class),
					rs.getBoolean(17), rs.getBoolean(18), rs.getBigDecimal(19), rs.getBigDecimal(20), rs.getBoolean(21)))
			.list();
	}

}
