package com.wabarecon.forecast;

import java.util.List;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The approximate charges {@code forecastStep} worked out, for the statements. */
@Repository
public class ForecastLines {

	private final JdbcClient jdbc;

	ForecastLines(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/**
	 * The client's forecast made when {@code month} was closed, per currency and category; a
	 * category with nothing to charge (free messages only: service) is left out.
	 */
	public List<ForecastLine> forClient(String month, String clientId) {
		return jdbc.sql("""
				SELECT currency, category, SUM(volume),
				       CASE WHEN MAX(CASE WHEN low_confidence THEN 1 ELSE 0 END) = 0 THEN SUM(volume_low) END,
				       CASE WHEN MAX(CASE WHEN low_confidence THEN 1 ELSE 0 END) = 0 THEN SUM(volume_high) END,
				       MAX(CASE WHEN low_confidence THEN 1 ELSE 0 END),
				       CASE WHEN SUM(CASE WHEN cost IS NULL AND volume > 0 THEN 1 ELSE 0 END) = 0 THEN SUM(COALESCE(cost, 0)) END,
				       CASE WHEN MAX(CASE WHEN low_confidence OR (cost IS NULL AND volume > 0) THEN 1 ELSE 0 END) = 0
				            THEN SUM(COALESCE(cost_low, 0)) END,
				       CASE WHEN MAX(CASE WHEN low_confidence OR (cost IS NULL AND volume > 0) THEN 1 ELSE 0 END) = 0
				            THEN SUM(COALESCE(cost_high, 0)) END
				FROM forecast_line WHERE billing_month = ? AND client_id = ?
				GROUP BY currency, category HAVING SUM(volume) > 0 OR SUM(COALESCE(volume_high, 0)) > 0
				ORDER BY currency, category""")
			.params(month, clientId)
			.query((rs, n) -> new ForecastLine(rs.getString(1).strip(), rs.getString(2), rs.getLong(3),
					rs.getObject(4) == null ? null : rs.getLong(4), rs.getObject(5) == null ? null : rs.getLong(5),
					rs.getInt(6) == 1, rs.getBigDecimal(7), rs.getBigDecimal(8), rs.getBigDecimal(9)))
			.list();
	}

}
