package com.wabarecon.usage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import java.nio.file.Path;
import java.util.List;

import com.wabarecon.CloseJobRuns;
import com.wabarecon.CloseJobTest;
import com.wabarecon.Stage;
import com.wabarecon.TestInbox;
import com.wabarecon.support.accounting.FileCounts;
import com.wabarecon.support.accounting.InputFileRepository;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.test.JobOperatorTestUtils;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The call analytics exports of {@code <month>/calls/}, read by the real close on the sample
 * inbox with two exports added: Meta's envelope with costs, and the same under {@code data}
 * without cost (a credit line). Every data point is loaded, rejected or skipped, with its reason.
 */
@CloseJobTest
class CallImportFunctionalTests {

	/** 1 and 2 September and 1 and 2 October 2025, 00:00 in Europe/Berlin (ch_001's WABA). */
	static final long SEP_1 = 1756677600L;

	static final long SEP_2 = 1756764000L;

	static final long OCT_1 = 1759269600L;

	static final long OCT_2 = 1759356000L;

	/** 15 September 2025, 00:00 in Europe/Athens (ch_011's WABA). */
	static final long SEP_15_ATHENS = 1757883600L;

	@Autowired
	JobOperatorTestUtils jobOperatorTestUtils;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	InputFileRepository inputFiles;

	@TempDir
	Path dir;

	@TempDir
	Path out;

	@Test
	void everyDataPointIsACallEstimateOrRejectedOrSkippedWithItsReason() throws Exception {
		// given
		TestInbox inbox = TestInbox.copyOfSample(dir.resolve("inbox"));
		inbox.write("2025-09/calls/ch_001-calls.json", """
				{"call_analytics": {"granularity": "DAILY", "data_points": [
				  {"start": %d, "end": %d, "phone_number": "4930123456", "direction": "BUSINESS_INITIATED", "country": "DE", "count": 12, "average_duration": 95, "cost": 2.28},
				  {"start": %d, "end": %d, "phone_number": "4930123456", "direction": "user_initiated", "country": "DE", "count": 5, "average_duration": 40},
				  {"start": %d, "end": %d, "phone_number": "4930123456", "direction": "BUSINESS_INITIATED", "country": "DE", "count": 3, "average_duration": 60, "cost": 0.12},
				  {"start": %d, "end": %d, "phone_number": "4930123456", "direction": "BUSINESS_INITIATED", "country": "DE", "count": 1, "average_duration": 30, "cost": 0.02},
				  {"start": %d, "end": %d, "phone_number": "4930123456", "direction": "SIDEWAYS", "country": "DE", "count": -1, "average_duration": 30}
				]}}
				""".formatted(SEP_1, SEP_2, SEP_1, SEP_2, OCT_1, OCT_2, OCT_2, OCT_2 + 86400, SEP_2, SEP_2 + 86400));
		inbox.write("2025-09/calls/ch_011-calls.json", """
				{"call_analytics": {"data": [{"data_points": [
				  {"start": %d, "end": %d, "phone_number": "302101234567", "direction": "BUSINESS_INITIATED", "country": "GR", "count": 4, "average_duration": 56}
				]}]}}
				""".formatted(SEP_15_ATHENS, SEP_15_ATHENS + 86400));

		// when
		JobExecution execution = CloseJobRuns.run(jobOperatorTestUtils, inbox.root(), out, "2025-09", Stage.IMPORT, null);

		// then: pulses by hand, count x ceil(average / 6): 12 x 16 = 192, 3 x 10 = 30, 4 x 10 = 40;
		// user-initiated calls are free; 1 October is kept outside the count (a time-zone boundary's evidence)
		assertThat(execution.getStatus()).isEqualTo(BatchStatus.STOPPED);
		assertThat(jdbc.sql("""
				SELECT channel_id, local_date, country, direction, calls, duration_seconds, billed_pulses, cost, currency,
				       cost_source, approximate, counts_as_estimate
				FROM call_estimate WHERE billing_month = '2025-09' ORDER BY channel_id, local_date, direction""")
			.query((rs, n) -> String.join(" ", rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4),
					rs.getString(5), rs.getString(6), rs.getString(7),
					rs.getBigDecimal(8) == null ? "-" : rs.getBigDecimal(8).stripTrailingZeros().toPlainString(),
					rs.getString(9), rs.getString(10), rs.getString(11), rs.getString(12)))
			.list()).containsExactly("ch_001 2025-09-01 DE BUSINESS_INITIATED 12 1140 192 2.28 EUR SOURCE TRUE TRUE",
					"ch_001 2025-09-01 DE USER_INITIATED 5 200 0 0 EUR FREE TRUE TRUE",
					"ch_001 2025-10-01 DE BUSINESS_INITIATED 3 180 30 0.12 EUR SOURCE TRUE FALSE",
					"ch_011 2025-09-15 GR BUSINESS_INITIATED 4 224 40 - USD RATE_CARD TRUE TRUE");
		List<FileCounts> calls = inputFiles.forMonth("2025-09")
			.stream()
			.filter(file -> file.sourceFile().startsWith("2025-09/calls/"))
			.toList();
		assertThat(calls).extracting(FileCounts::sourceFile, FileCounts::read, FileCounts::loaded, FileCounts::rejected,
				FileCounts::skipped)
			.containsExactly(tuple("2025-09/calls/ch_001-calls.json", 5L, 3L, 1L, 1L),
					tuple("2025-09/calls/ch_011-calls.json", 1L, 1L, 0L, 0L));
		assertThat(jdbc.sql("SELECT reason FROM import_reject WHERE source_file = '2025-09/calls/ch_001-calls.json'")
			.query(String.class)
			.single()).contains("direction 'SIDEWAYS' is not BUSINESS_INITIATED or USER_INITIATED",
					"count -1 is negative");
	}

}
