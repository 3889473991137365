package com.wabarecon.usage;

import static com.wabarecon.CallsWebhooks.OCT_1;
import static com.wabarecon.CallsWebhooks.OCT_2;
import static com.wabarecon.CallsWebhooks.SEP_1;
import static com.wabarecon.CallsWebhooks.SEP_15_ATHENS;
import static com.wabarecon.CallsWebhooks.SEP_2;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import java.nio.file.Path;
import java.util.List;

import com.wabarecon.CloseJobRuns;
import com.wabarecon.CallsWebhooks;
import com.wabarecon.CloseJobTest;
import com.wabarecon.Stage;
import com.wabarecon.StepExecutions;
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
		TestInbox inbox = TestInbox.copyOfSample(dir.resolve("inbox")).withoutSampleCalls();
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


	@Test
	void eachCallOfTheCallsWebhooksCountsOnceExactlyInTheMonthItStarted() throws Exception {
		// given: ch_001's calls webhooks beside its status webhooks; one call's terminate event
		// comes twice, another's arrives in October's folder
		TestInbox inbox = TestInbox.copyOfSample(dir.resolve("inbox")).withoutSampleCalls();
		inbox.write("2025-09/webhooks/calls-2025-09.ndjson", String.join("\n",
				calls(call("call-A", "terminate", "BUSINESS_INITIATED", "COMPLETED", 1756886400L, 56L, "+4915112345678")),
				calls(call("call-A", "terminate", "BUSINESS_INITIATED", "COMPLETED", 1756886400L, 56L, "+4915112345678")),
				calls(call("call-A", "connect", "BUSINESS_INITIATED", null, 1756886400L, null, "+4915112345678")),
				calls(call("call-B", "terminate", "USER_INITIATED", "COMPLETED", 1756890000L, 120L, "+4930123456")),
				calls(call("call-C", "terminate", "BUSINESS_INITIATED", "FAILED", 1756893600L, null, "+33612345678")))
				+ "\n");
		inbox.write("2025-10/webhooks/calls-late.ndjson",
				calls(call("call-D", "terminate", "BUSINESS_INITIATED", "COMPLETED", 1759269000L, 61L, "+4915112345678"))
						+ "\n");

		// when
		JobExecution execution = CloseJobRuns.run(jobOperatorTestUtils, inbox.root(), out, "2025-09", Stage.IMPORT, null);

		// then: 56 s is 10 pulses, 61 s is 11, priced at the sample's German voice rate, 0.0300 a
		// minute (0.03 and 0.033); a user-initiated and a failed call are counted, free; call-D
		// started at 23:50 on 30 September in Berlin: September's
		assertThat(execution.getStatus()).isEqualTo(BatchStatus.STOPPED);
		assertThat(jdbc.sql("""
				SELECT channel_id, local_date, country, direction, calls, duration_seconds, billed_pulses, cost, cost_source,
				       approximate, counts_as_estimate
				FROM call_estimate WHERE billing_month = '2025-09' AND source_kind = 'WEBHOOK'
				ORDER BY call_start""")
			.query((rs, n) -> String.join(" ", rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4),
					rs.getString(5), rs.getString(6), rs.getString(7),
					rs.getBigDecimal(8) == null ? "-" : rs.getBigDecimal(8).stripTrailingZeros().toPlainString(),
					rs.getString(9), rs.getString(10), rs.getString(11)))
			.list()).containsExactly("ch_001 2025-09-03 DE BUSINESS_INITIATED 1 56 10 0.03 RATE_CARD FALSE TRUE",
					"ch_001 2025-09-03 DE USER_INITIATED 1 120 0 0 FREE FALSE TRUE",
					"ch_001 2025-09-03 FR BUSINESS_INITIATED 1 0 0 0 FREE FALSE TRUE",
					"ch_001 2025-09-30 DE BUSINESS_INITIATED 1 61 11 0.033 RATE_CARD FALSE TRUE");
		assertThat(inputFiles.forMonth("2025-09"))
			.filteredOn(file -> file.sourceFile().equals("2025-09/webhooks/calls-2025-09.ndjson"))
			.extracting(FileCounts::read, FileCounts::loaded, FileCounts::rejected, FileCounts::skipped)
			.containsExactly(tuple(5L, 4L, 0L, 1L));
	}

	@Test
	void callsWithoutACostArePricedWithTheVoiceRatesAtTheTierEachCallEndsIn() throws Exception {
		// given: Germany's EUR voice rate, 0.10 a minute for the month's first minute, 0.05 above;
		// ch_001's calls webhooks (10 and 11 pulses); ch_011's export of Greek calls, in USD, which
		// no voice rate prices
		TestInbox inbox = TestInbox.copyOfSample(dir.resolve("inbox")).withoutSampleCalls();
		inbox.write("rate-cards/2025-08-01-voice.csv", """
				effective_from,currency,market,category,tier_lower,tier_upper,rate
				2025-08-01,EUR,Germany,VOICE,0,1,0.10
				2025-08-01,EUR,Germany,VOICE,2,,0.05
				""");
		inbox.write("2025-09/webhooks/calls-2025-09.ndjson", String.join("\n",
				calls(call("call-A", "terminate", "BUSINESS_INITIATED", "COMPLETED", 1756886400L, 56L, "+4915112345678")),
				calls(call("call-C", "terminate", "BUSINESS_INITIATED", "FAILED", 1756893600L, null, "+33612345678")),
				calls(call("call-D", "terminate", "BUSINESS_INITIATED", "COMPLETED", 1759269000L, 61L, "+4915112345678")))
				+ "\n");
		inbox.write("2025-09/calls/ch_011-calls.json", """
				{"call_analytics": {"data": [{"data_points": [
				  {"start": %d, "end": %d, "phone_number": "302101234567", "direction": "BUSINESS_INITIATED", "country": "GR", "count": 4, "average_duration": 56}
				]}]}}
				""".formatted(SEP_15_ATHENS, SEP_15_ATHENS + 86400));

		// when
		JobExecution execution = CloseJobRuns.run(jobOperatorTestUtils, inbox.root(), out, "2025-09", Stage.IMPORT, null);

		// then: call-A ends at 1.0 minute, in the first tier: 10 x 0.10 / 10 = 0.10; call-D ends at
		// 2.1 minutes, in the second: 11 x 0.05 / 10 = 0.055; the Greek calls have no rate: unknown
		assertThat(execution.getStatus()).isEqualTo(BatchStatus.STOPPED);
		assertThat(jdbc.sql("""
				SELECT channel_id, local_date, billed_pulses, cost FROM call_estimate
				WHERE billing_month = '2025-09' AND counts_as_estimate ORDER BY call_start""")
			.query((rs, n) -> rs.getString(1) + " " + rs.getString(2) + " " + rs.getString(3) + " "
					+ (rs.getBigDecimal(4) == null ? "unknown" : rs.getBigDecimal(4).stripTrailingZeros().toPlainString()))
			.list()).containsExactly("ch_001 2025-09-03 10 0.1", "ch_001 2025-09-03 0 0",
					"ch_011 2025-09-15 40 unknown", "ch_001 2025-09-30 11 0.055");
		assertThat(StepExecutions.named(execution, "callPricingStep").getExitStatus().getExitDescription())
			.isEqualTo("2 call rows priced with VOICE rates; 1 without a VOICE rate in force: their cost is unknown");
	}

	@Test
	void aDataPointRepeatedInAnotherFileCountsOnceAndACopyOfAFileIsRefused() throws Exception {
		// given: the same Greek calls in a first file, again in another file written otherwise, and
		// in a byte-for-byte copy of the first
		TestInbox inbox = TestInbox.copyOfSample(dir.resolve("inbox")).withoutSampleCalls();
		String first = """
				{"call_analytics": {"data": [{"data_points": [
				  {"start": %d, "end": %d, "phone_number": "302101234567", "direction": "BUSINESS_INITIATED", "country": "GR", "count": 4, "average_duration": 56}
				]}]}}
				""".formatted(SEP_15_ATHENS, SEP_15_ATHENS + 86400);
		inbox.write("2025-09/calls/a-first.json", first);
		inbox.write("2025-09/calls/b-again.json", """
				{"call_analytics": {"granularity": "DAILY", "data_points": [{"country": "GR", "direction": "business_initiated",
				  "start": %d, "end": %d, "phone_number": "302101234567", "count": 4, "average_duration": 56}]}}
				""".formatted(SEP_15_ATHENS, SEP_15_ATHENS + 86400));
		inbox.write("2025-09/calls/c-copy.json", first);

		// when
		JobExecution execution = CloseJobRuns.run(jobOperatorTestUtils, inbox.root(), out, "2025-09", Stage.IMPORT, null);

		// then: 4 calls, 40 pulses, once; the repeat rejected naming the file kept, the copy refused
		assertThat(execution.getStatus()).isEqualTo(BatchStatus.STOPPED);
		assertThat(jdbc.sql("""
				SELECT source_file || ' ' || calls || ' ' || billed_pulses FROM call_estimate
				WHERE billing_month = '2025-09' AND source_kind = 'EXPORT'""").query(String.class).list())
			.containsExactly("2025-09/calls/a-first.json 4 40");
		assertThat(jdbc.sql("""
				SELECT source_file || ': ' || reason FROM import_reject
				WHERE billing_month = '2025-09' AND source_file LIKE '2025-09/calls/%' ORDER BY source_file""")
			.query(String.class)
			.list()).satisfiesExactly(
					repeat -> assertThat(repeat).startsWith("2025-09/calls/b-again.json: repeats the data point of "
							+ "2025-09/calls/a-first.json (ch_011, start " + SEP_15_ATHENS)
						.endsWith("GR BUSINESS_INITIATED): the same calls count once"),
					copy -> assertThat(copy).startsWith("2025-09/calls/c-copy.json: ")
						.contains("a copy of 2025-09/calls/a-first.json"));
		assertThat(inputFiles.forMonth("2025-09"))
			.filteredOn(file -> file.sourceFile().startsWith("2025-09/calls/"))
			.extracting(FileCounts::sourceFile, FileCounts::read, FileCounts::loaded, FileCounts::rejected)
			.containsExactly(tuple("2025-09/calls/a-first.json", 1L, 1L, 0L),
					tuple("2025-09/calls/b-again.json", 1L, 0L, 1L),
					tuple("2025-09/calls/c-copy.json", 0L, 0L, 0L)); // refused whole: none of its rows read
	}

	/** A stored calls webhook of ch_001, its call to {@code to}. */
	private static String calls(String call) {
		return CallsWebhooks.ofCh001(call);
	}

	private static String call(String id, String event, String direction, String status, long start, Long duration,
			String to) {
		return CallsWebhooks.call(id, event, direction, status, start, duration, "4930123456", to);
	}

}
