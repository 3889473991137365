package com.wabarecon;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.Map;
import java.util.TreeMap;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.job.parameters.JobParametersBuilder;
import org.springframework.batch.test.JobOperatorTestUtils;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * A message (or a CBP conversation) counts in exactly one billing month, the month of its first
 * charged status in the WABA's time zone, whatever folder its statuses were stored in and in
 * whichever order the months are closed. The channel is the sample's ch_006 (Asia/Kolkata,
 * UTC+05:30, webhooks only), so 30 September 23:58 there is 18:28 UTC and 1 October 00:01 is
 * 18:31 UTC on 30 September.
 */
@CloseJobTest
class WebhookMonthsCloseTests {

	static final String CH_006 = "207651234567803";

	static final String WABA = "203311456789012";

	@Autowired
	JobOperatorTestUtils jobOperatorTestUtils;

	@Autowired
	JdbcClient jdbc;

	@TempDir
	java.nio.file.Path dir;

	@TempDir
	java.nio.file.Path out;

	TestInbox inbox;

	@BeforeEach
	void twoMonthsOfWebhooks() throws Exception {
		inbox = TestInbox.withSampleReferenceData(dir);
		// message A: delivered 30 September 23:58, read 1 October 00:01 (both priced, as Meta sends
		// them); the read arrived with October's files
		// message C: delivered 30 September 23:59
		// message B (utility): delivered 1 October 00:01, stored with September's files (30 September UTC)
		inbox.write("2025-09/webhooks/statuses.ndjson", String.join("\n",
				status("wamid.A", "delivered", "2025-09-30T18:28:00Z", "marketing", "PMP", null),
				status("wamid.C", "delivered", "2025-09-30T18:29:00Z", "marketing", "PMP", null),
				status("wamid.B", "delivered", "2025-09-30T18:31:00Z", "utility", "PMP", null)) + "\n");
		inbox.write("2025-10/webhooks/statuses.ndjson",
				status("wamid.A", "read", "2025-09-30T18:31:00Z", "marketing", "PMP", null) + "\n");
		// September: A and C, 2 x 0.8631 = 1.7262 -> 1.73 INR; October: B at the October card's 0.1100
		inbox.write("2025-09/invoice/meta-invoice.csv", com.wabarecon.invoice.InvoiceFiles.HEADER + "\n"
				+ invoiceLine("2025-09", "MARKETING", 2, "1.73") + "\n");
		inbox.write("2025-10/invoice/meta-invoice.csv", com.wabarecon.invoice.InvoiceFiles.HEADER + "\n"
				+ invoiceLine("2025-10", "UTILITY", 1, "0.11") + "\n");
	}

	@Test
	void aMessageDeliveredOnTheLastEveningAndReadNextMonthCountsOnceWhenSeptemberClosesFirst() throws Exception {
		close("2025-09", null);
		close("2025-10", null);

		assertThat(counted("2025-09")).containsExactly(Map.entry("MARKETING", 2L));
		assertThat(counted("2025-10")).containsExactly(Map.entry("UTILITY", 1L));
		assertThat(statuses()).containsExactly("2025-09 MARKETING MATCHED", "2025-10 UTILITY MATCHED");
	}

	@Test
	void aMessageDeliveredOnTheLastEveningAndReadNextMonthCountsOnceWhenOctoberClosesFirst() throws Exception {
		close("2025-10", null);
		close("2025-09", null);

		assertThat(counted("2025-09")).containsExactly(Map.entry("MARKETING", 2L));
		assertThat(counted("2025-10")).containsExactly(Map.entry("UTILITY", 1L));
	}

	@Test
	void closingBothMonthsAgainCountsEachMessageOnce() throws Exception {
		close("2025-09", null);
		close("2025-10", null);
		close("2025-10", 1L);
		close("2025-09", 1L);

		assertThat(counted("2025-09")).containsExactly(Map.entry("MARKETING", 2L));
		assertThat(counted("2025-10")).containsExactly(Map.entry("UTILITY", 1L));
		assertThat(statuses()).containsExactly("2025-09 MARKETING MATCHED", "2025-10 UTILITY MATCHED");
	}

	@Test
	void aConversationSpanningTheMonthBoundaryCountsInItsFirstMonthOnly() throws Exception {
		// conversation X opens 31 May 23:58 and has a message 1 June 00:01 (stored with June's
		// files); conversation Y is June's own
		inbox.write("2025-05/webhooks/statuses.ndjson",
				status("wamid.X1", "delivered", "2025-05-31T18:28:00Z", "marketing", "CBP", "conversation.X") + "\n");
		inbox.write("2025-06/webhooks/statuses.ndjson", String.join("\n",
				status("wamid.X2", "delivered", "2025-05-31T18:31:00Z", "marketing", "CBP", "conversation.X"),
				status("wamid.Y1", "delivered", "2025-06-05T10:00:00Z", "marketing", "CBP", "conversation.Y")) + "\n");
		// the April card's 0.7846 a conversation
		inbox.write("2025-05/invoice/meta-invoice.csv", com.wabarecon.invoice.InvoiceFiles.HEADER + "\n"
				+ invoiceLine("2025-05", "MARKETING", 1, "0.78") + "\n");
		inbox.write("2025-06/invoice/meta-invoice.csv", com.wabarecon.invoice.InvoiceFiles.HEADER + "\n"
				+ invoiceLine("2025-06", "MARKETING", 1, "0.78") + "\n");

		close("2025-06", null);
		close("2025-05", null);

		assertThat(counted("2025-05")).containsExactly(Map.entry("MARKETING", 1L));
		assertThat(counted("2025-06")).containsExactly(Map.entry("MARKETING", 1L));
	}

	@Test
	void aStatusOfAnUnknownNumberInANeighbouringMonthsFolderIsLeftToItsMonth() throws Exception {
		// given: in October's folder, a status of a number the directory does not know, on 15 October
		inbox.write("2025-10/webhooks/unknown.ndjson",
				MonthFiles.status(WABA, "999999999999999", "wamid.U", "delivered", "2025-10-15T10:00:00Z", "marketing",
						"PMP", null) + "\n");

		// when
		close("2025-09", null);
		long septemberRejects = jdbc.sql("SELECT COUNT(*) FROM import_reject WHERE billing_month = '2025-09' "
				+ "AND source_file = '2025-10/webhooks/unknown.ndjson'").query(Long.class).single();
		// October: 1 of its 5 webhook lines rejected is more than the 5 % a close allows by default
		assertThat(closeAllowingRejects("2025-10")).isEqualTo(BatchStatus.STOPPED);

		// then: September skips it (another month's status); October rejects it
		assertThat(septemberRejects).isZero();
		assertThat(jdbc.sql("SELECT reason FROM import_reject WHERE billing_month = '2025-10' "
				+ "AND source_file = '2025-10/webhooks/unknown.ndjson'").query(String.class).list())
			.containsExactly("metadata.phone_number_id '999999999999999' is not in the directory");
	}

	@Test
	void aStatusOfAnUnknownNumberWhoseTimestampIsNoDateIsRejectedNotSkipped() throws Exception {
		// given: in October's folder, a status of a number the directory does not know, timed in nanoseconds
		long seconds = Instant.parse("2025-10-15T10:00:00Z").getEpochSecond();
		inbox.write("2025-10/webhooks/unknown.ndjson",
				MonthFiles.status(WABA, "999999999999999", "wamid.U", "delivered", "2025-10-15T10:00:00Z", "marketing",
						"PMP", null).replace("\"" + seconds + "\"", "\"" + seconds + "000000000\"") + "\n");

		// when: September closes, reading October's webhook folder for its late statuses
		BatchStatus september = closeAllowingRejects("2025-09");

		// then: no date can be told, so it is not skipped as another month's: it is rejected
		assertThat(september).isEqualTo(BatchStatus.STOPPED);
		assertThat(jdbc.sql("SELECT reason FROM import_reject WHERE billing_month = '2025-09' "
				+ "AND source_file = '2025-10/webhooks/unknown.ndjson'").query(String.class).list())
			.containsExactly("metadata.phone_number_id '999999999999999' is not in the directory");
	}

	/** How a close until the reconciliation that any share of rejects lets go on ends. */
	private BatchStatus closeAllowingRejects(String month) throws Exception {
		return CloseJobRuns.start(jobOperatorTestUtils, new JobParametersBuilder()
			.addString(CloseJobParameters.MONTH, month)
			.addString(CloseJobParameters.INBOX, inbox.root().toAbsolutePath().toString(), false)
			.addString(CloseJobParameters.OUT, out.toString(), false)
			.addString(CloseJobParameters.UNTIL, Stage.RECONCILE.id(), false)
			.addString(CloseJobParameters.MAX_REJECT_PCT, "100", false))
			.getStatus();
	}

	private void close(String month, Long rerun) throws Exception {
		var execution = CloseJobRuns.run(jobOperatorTestUtils, inbox.root(), out, month, Stage.RECONCILE, rerun);
		assertThat(execution.getStatus()).as(month).isEqualTo(BatchStatus.STOPPED);
	}

	/** The month's charged messages (or conversations) counted from webhooks, per category. */
	private Map<String, Long> counted(String month) {
		Map<String, Long> counted = new TreeMap<>();
		jdbc.sql("""
				SELECT pricing_category, SUM(volume) FROM usage_estimate
				WHERE billing_month = ? AND source_kind = 'WEBHOOK' AND pricing_type = 'REGULAR'
				GROUP BY pricing_category""")
			.param(month)
			.query(rs -> {
				counted.put(rs.getString(1), rs.getLong(2));
			});
		return counted;
	}

	private java.util.List<String> statuses() {
		return jdbc.sql("SELECT billing_month || ' ' || category || ' ' || status FROM recon_line WHERE billing_month IN ('2025-09', '2025-10') ORDER BY 1")
			.query(String.class)
			.list();
	}

	private static String status(String wamid, String status, String at, String category, String model,
			String conversation) {
		return MonthFiles.status(WABA, CH_006, wamid, status, at, category, model, conversation);
	}

	private static String invoiceLine(String month, String category, long volume, String amount) {
		return MonthFiles.usageLine(month, WABA, CH_006, category, volume, amount, "INR");
	}

}
