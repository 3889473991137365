package com.wabarecon.forecast;

import static org.assertj.core.api.Assertions.assertThat;

import com.wabarecon.CloseJobTest;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/** The backtest over the reconciliation lines the database holds, per client and overall, worked out by hand. */
@CloseJobTest
class ForecastBacktestTests {

	@Autowired
	ForecastBacktest backtest;

	@Autowired
	JdbcClient jdbc;

	@Test
	void eachMonthIsForecastFromTheMonthsBeforeItPerClientAndOverall() {
		// given: c_001's marketing of July to October, c_002's of August and September
		line("2025-07", "c_001", "111", 3100);
		line("2025-08", "c_001", "111", 3410);
		line("2025-09", "c_001", "111", 3600);
		line("2025-10", "c_001", "111", 4000);
		line("2025-08", "c_002", "222", 3100);
		line("2025-09", "c_002", "222", 1500);

		// when
		ForecastBacktest.Report report = backtest.run(12);

		// then: c_001: August from July 3,100 for 3,410 (9.09 %), September from July and August
		// 3,300 for 3,600 (8.33 %), October from the three 3,875 for 4,000 (3.13 %), inside its
		// interval of 3,400 to 4,350: 6.8 %, 1 of 1. c_002: September 3,000 for 1,500, 100 %.
		// Overall (9.09 + 8.33 + 3.13 + 100) / 4 = 30.1 %
		assertThat(report.first()).hasToString("2024-11");
		assertThat(report.last()).hasToString("2025-10");
		assertThat(report.perClient().get("c_001").meanAbsolutePctError()).isEqualByComparingTo("6.8");
		assertThat(report.perClient().get("c_001").coveragePct()).isEqualByComparingTo("100.0");
		assertThat(report.perClient().get("c_002").meanAbsolutePctError()).isEqualByComparingTo("100.0");
		assertThat(report.perClient().get("c_002").coveragePct()).isNull();
		assertThat(report.overall().forecasts()).isEqualTo(4);
		assertThat(report.overall().meanAbsolutePctError()).isEqualByComparingTo("30.1");
		// the last month only: c_001's October and c_002's (a month without a line: nothing, not forecast)
		assertThat(backtest.run(1).overall().forecasts()).isEqualTo(1);
	}

	private void line(String month, String client, String phone, long volume) {
		jdbc.sql("""
				INSERT INTO recon_line (billing_month, client_id, waba_id, phone_number_id, category, currency,
				    estimated_volume, invoiced_volume, volume_delta, estimated_amount, invoiced_amount, amount_delta,
				    estimated_free_volume, invoiced_free_volume, status)
				VALUES (?, ?, '999', ?, 'MARKETING', 'EUR', ?, ?, 0, 0, 0, 0, 0, 0, 'MATCHED')""")
			.params(month, client, phone, volume, volume)
			.update();
	}

}
