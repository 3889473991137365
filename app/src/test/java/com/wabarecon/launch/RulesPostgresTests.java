package com.wabarecon.launch;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;

import com.wabarecon.MonthFiles;
import com.wabarecon.PostgresDatabase;
import com.wabarecon.PostgresSchema;
import com.wabarecon.TestInbox;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * The rules core in the close on PostgreSQL, where the pricing is one {@code UPDATE ...
 * RETURNING} and the sides are summed in SQL: an estimate without a rate is UNPRICED, tiers are
 * counted across a client's currencies, a client's cost is shared to the cent, and a message
 * counts in one month whichever month closes first. The figures are those worked out by hand in
 * {@code PricingRulesCloseTests} and {@code WebhookMonthsCloseTests}, which run the same on H2.
 */
@ExtendWith(PostgresDatabase.class)
class RulesPostgresTests {

	@RegisterExtension
	static final PostgresSchema database = new PostgresSchema();

	/** 2 November 2025, 00:00 in Asia/Kolkata. */
	static final long NOV_2_IST = 1762021800L;

	static final String WABA_C002 = "203311456789012";

	@TempDir
	Path dir;

	@TempDir
	Path out;

	@Test
	void unpricedEstimatesTiersAcrossCurrenciesAndSharesToTheCentOnPostgres() throws Exception {
		// given: the sample's directory with a client of two WABAs (INR, USD) added
		TestInbox inbox = TestInbox.withSampleDirectory(dir);
		inbox.write("directory/clients.csv", java.nio.file.Files.readString(dir.resolve("directory/clients.csv"))
				+ "c_two,Two Currencies Ltd,ap@two.example,USD,en-IN\n");
		inbox.write("directory/channels.csv", java.nio.file.Files.readString(dir.resolve("directory/channels.csv"))
				+ "ch_inr,c_two,700000000000001,700000000000011,919800000001,Asia/Kolkata,INR,PARTNER\n"
				+ "ch_usd,c_two,700000000000002,700000000000022,919800000002,Asia/Kolkata,USD,PARTNER\n");
		inbox.write("rate-cards/2025-07-01.csv", "effective_from,currency,market,category,tier_lower,tier_upper,rate\n"
				+ "2025-07-01,INR,IN,UTILITY,0,1000,0.1150\n2025-07-01,INR,IN,UTILITY,1001,,0.1000\n"
				+ "2025-07-01,USD,IN,UTILITY,0,1000,0.0014\n2025-07-01,USD,IN,UTILITY,1001,,0.0012\n");
		String month = "2025-11";
		MonthFiles.exportWithoutCost(inbox, month, "ch_004", "207651234567801", "UTILITY", 1, NOV_2_IST);
		MonthFiles.exportWithoutCost(inbox, month, "ch_005", "207651234567802", "UTILITY", 1, NOV_2_IST);
		MonthFiles.exportWithoutCost(inbox, month, "ch_006", "207651234567803", "UTILITY", 1, NOV_2_IST);
		MonthFiles.exportWithoutCost(inbox, month, "ch_004", "207651234567801", "MARKETING", 10, NOV_2_IST);
		MonthFiles.exportWithoutCost(inbox, month, "ch_inr", "700000000000011", "UTILITY", 800, NOV_2_IST);
		MonthFiles.exportWithoutCost(inbox, month, "ch_usd", "700000000000022", "UTILITY", 700, NOV_2_IST);
		MonthFiles.invoice(inbox, month,
				MonthFiles.usageLine(month, WABA_C002, "207651234567801", "UTILITY", 1, "0.12", "INR"),
				MonthFiles.usageLine(month, WABA_C002, "207651234567802", "UTILITY", 1, "0.12", "INR"),
				MonthFiles.usageLine(month, WABA_C002, "207651234567803", "UTILITY", 1, "0.11", "INR"),
				MonthFiles.usageLine(month, WABA_C002, "207651234567801", "MARKETING", 10, "8.63", "INR"),
				MonthFiles.usageLine(month, "700000000000001", "700000000000011", "UTILITY", 800, "88.00", "INR"),
				MonthFiles.usageLine(month, "700000000000002", "700000000000022", "UTILITY", 700, "0.93", "USD"));

		// when
		CliRun close = close(inbox, month);

		// then
		assertThat(close.exitCode()).as(close.err()).isZero();
		assertThat(database.query("""
				SELECT phone_number_id || ' ' || category || ' ' || status || ' ' || COALESCE(CAST(estimated_amount AS TEXT), 'unknown')
				FROM recon_line WHERE billing_month = '2025-11' ORDER BY phone_number_id, category"""))
			.containsExactly("207651234567801 MARKETING UNPRICED unknown", "207651234567801 UTILITY MATCHED 0.1200",
					"207651234567802 UTILITY MATCHED 0.1200", "207651234567803 UTILITY MATCHED 0.1100",
					"700000000000011 UTILITY MATCHED 88.0000", "700000000000022 UTILITY MATCHED 0.9300");
		assertThat(database.query("SELECT reason FROM recon_line WHERE status = 'UNPRICED'")).containsExactly(
				"the estimate of 10 of its 10 messages cannot be priced: no INR rate for India (IN) MARKETING in the "
						+ "rate cards in force for 2025-11 (of 2025-07-01)");
		assertThat(close.out()).contains("lines: 5 MATCHED, 1 UNPRICED");
	}

	@Test
	void aMessageDeliveredOnTheLastEveningAndReadNextMonthCountsOnceOnPostgres() throws Exception {
		// given: as in WebhookMonthsCloseTests
		TestInbox inbox = TestInbox.withSampleReferenceData(dir);
		String ch006 = "207651234567803";
		inbox.write("2025-09/webhooks/statuses.ndjson", String.join("\n",
				MonthFiles.status(WABA_C002, ch006, "wamid.A", "delivered", "2025-09-30T18:28:00Z", "marketing", "PMP", null),
				MonthFiles.status(WABA_C002, ch006, "wamid.C", "delivered", "2025-09-30T18:29:00Z", "marketing", "PMP", null),
				MonthFiles.status(WABA_C002, ch006, "wamid.B", "delivered", "2025-09-30T18:31:00Z", "utility", "PMP", null))
				+ "\n");
		inbox.write("2025-10/webhooks/statuses.ndjson",
				MonthFiles.status(WABA_C002, ch006, "wamid.A", "read", "2025-09-30T18:31:00Z", "marketing", "PMP", null) + "\n");
		MonthFiles.invoice(inbox, "2025-09", MonthFiles.usageLine("2025-09", WABA_C002, ch006, "MARKETING", 2, "1.73", "INR"));
		MonthFiles.invoice(inbox, "2025-10", MonthFiles.usageLine("2025-10", WABA_C002, ch006, "UTILITY", 1, "0.11", "INR"));

		// when: October first
		CliRun october = close(inbox, "2025-10");
		CliRun september = close(inbox, "2025-09");

		// then
		assertThat(october.exitCode()).as(october.err()).isZero();
		assertThat(september.exitCode()).as(september.err()).isZero();
		assertThat(database.query("""
				SELECT billing_month || ' ' || pricing_category || ' ' || SUM(volume) FROM usage_estimate
				WHERE source_kind = 'WEBHOOK' AND pricing_type = 'REGULAR' AND billing_month IN ('2025-09', '2025-10')
				GROUP BY billing_month, pricing_category ORDER BY 1"""))
			.containsExactly("2025-09 MARKETING 2", "2025-10 UTILITY 1");
		assertThat(database.query("SELECT billing_month || ' ' || status FROM recon_line "
				+ "WHERE billing_month IN ('2025-09', '2025-10') ORDER BY 1"))
			.containsExactly("2025-09 MATCHED", "2025-10 MATCHED");
	}

	private CliRun close(TestInbox inbox, String month) {
		return CliRun.of("close", "--month", month, "--inbox", inbox.root().toString(), "--out", out.toString(),
				"--db-url", database.url(), "--until", "reconcile");
	}

}
