package com.wabarecon.usage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import java.math.BigDecimal;
import java.nio.file.Path;
import java.util.Map;
import java.util.stream.Collectors;

import com.wabarecon.CloseJobRuns;
import com.wabarecon.CloseJobTest;
import com.wabarecon.Stage;
import com.wabarecon.StepExecutions;
import com.wabarecon.TestInbox;
import com.wabarecon.importing.SkipReasons;
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
 * The usage stage of the real close job, on real files (the sample inbox, and inboxes written
 * by the tests for the edge cases) and the embedded database.
 */
@CloseJobTest
class UsageImportFunctionalTests {

	@Autowired
	JobOperatorTestUtils jobOperatorTestUtils;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	InputFileRepository inputFiles;

	@TempDir
	Path out;

	@Test
	void importsEveryVariantOfTheSampleSeptember() throws Exception {
		// when
		JobExecution execution = CloseJobRuns.run(jobOperatorTestUtils, TestInbox.SAMPLE, out, "2025-09", Stage.IMPORT, null);

		// then
		assertThat(execution.getStatus()).isEqualTo(BatchStatus.STOPPED);
		Map<String, String> charged = charged("2025-09");
		assertThat(charged).containsEntry("ch_001 MARKETING", "1200 163.80 EUR") // documented shape, DAILY
			.containsEntry("ch_002 MARKETING", "2400 327.60 EUR") // half_hour, lower-case enums
			.containsEntry("ch_003 UTILITY", "5000 275.00 EUR") // Meta's envelope, display number, MONTHLY
			.containsEntry("ch_004 AUTHENTICATION_INTERNATIONAL", "500 1150.00 INR") // 'authentication-international'
			.containsEntry("ch_007 MARKETING", "2912 1001.15 BRL") // first UTC day is August in Sao Paulo
			.containsEntry("ch_010 MARKETING", "450 11.25 USD") // 'monthly'
			.containsEntry("ch_011 MARKETING", "800 42.86 EUR") // kept in the export's currency
			.containsEntry("ch_012 MARKETING", "300 14.10 GBP");
		// the rows that count the whole month, so that no statement draws them on 1 September: ch_003's
		// envelope (each data point spans the month), ch_010's export of 'monthly' granularity
		assertThat(jdbc.sql("""
				SELECT DISTINCT channel_id FROM usage_estimate WHERE billing_month = '2025-09' AND whole_month
				ORDER BY channel_id""").query(String.class).list()).containsExactly("ch_003", "ch_010");
		// tiers on c_002's 115,026 utility messages (ch_004 + ch_005 exports + ch_006 webhooks), cost shared by volume
		BigDecimal unit = new BigDecimal("11500").add(new BigDecimal("0.1093").multiply(new BigDecimal(15026)))
			.divide(new BigDecimal(115026), 12, java.math.RoundingMode.HALF_EVEN);
		assertThat(charged).containsEntry("ch_004 UTILITY",
				"70000 " + unit.multiply(new BigDecimal(70000)).setScale(2, java.math.RoundingMode.HALF_UP) + " INR")
			.containsEntry("ch_005 UTILITY",
					"45000 " + unit.multiply(new BigDecimal(45000)).setScale(2, java.math.RoundingMode.HALF_UP) + " INR");
		// webhooks only: duplicates, sent-only, failed, read without delivered, both sides of the
		// Asia/Kolkata month boundary, late deliveries in October's folder
		assertThat(charged).containsEntry("ch_006 MARKETING", "48 47.74 INR")
			.containsEntry("ch_006 UTILITY", "26 2.97 INR")
			.containsEntry("ch_006 AUTHENTICATION", "10 1.15 INR");
		assertThat(volume("2025-09", "ch_006", "UTILITY", "FREE_CUSTOMER_SERVICE")).isEqualTo(8);
		// ch_009's webhooks are a cross-check beside its export, never added
		assertThat(jdbc.sql("""
				SELECT SUM(volume) FROM usage_estimate WHERE billing_month = '2025-09' AND channel_id = 'ch_009'
				AND pricing_category = 'MARKETING' AND NOT counts_as_estimate""").query(Long.class).single())
			.isEqualTo(600);
		assertThat(StepExecutions.named(execution, "estimatePricingStep").getExecutionContext()
			.getString(EstimatePricingTasklet.VERSION_KEY)).isEqualTo("2025-07-01");
		assertThat(jdbc.sql("SELECT rate FROM fx_rate WHERE billing_month = '2025-09' AND from_currency = 'EUR' "
				+ "AND to_currency = 'USD'").query(BigDecimal.class).single()).isEqualByComparingTo("1.1050");
		assertThat(inputFiles.forMonth("2025-09")).allSatisfy(file -> assertThat(file.balanced()).as(file.toString()).isTrue());
		assertThat(inputFiles.forMonth("2025-09"))
			.filteredOn(file -> file.sourceFile().equals("2025-09/webhooks/misc-2025-09.ndjson"))
			.extracting(FileCounts::read, FileCounts::loaded, FileCounts::rejected, FileCounts::skipped)
			.containsExactly(tuple(4L, 0L, 1L, 3L));
		assertThat(SkipReasons.of(StepExecutions.named(execution, "webhooksStep"))).containsEntry("not a status event", 2L);
	}

	@Test
	void importsTheConversationBasedJuneFromBalanceExportsAndWebhooks() throws Exception {
		// when
		JobExecution execution = CloseJobRuns.run(jobOperatorTestUtils, TestInbox.SAMPLE, out, "2025-06", Stage.IMPORT, null);

		// then
		assertThat(execution.getStatus()).isEqualTo(BatchStatus.STOPPED);
		Map<String, String> charged = charged("2025-06");
		assertThat(charged).containsEntry("ch_001 MARKETING", "900 101.79 EUR") // channel from the file name
			.containsEntry("ch_004 UTILITY", "20000 2300.00 INR") // channel from channel_id
			.containsEntry("ch_002 UTILITY", "250 11.40 EUR") // CBP usage export
			.containsEntry("ch_006 MARKETING", "30 23.54 INR") // 30 conversations, several messages each
			.containsEntry("ch_006 UTILITY", "20 2.30 INR");
		assertThat(volume("2025-06", "ch_001", "SERVICE", "FREE_TIER")).isEqualTo(1200);
		assertThat(volume("2025-06", "ch_002", "MARKETING", "FREE_ENTRY_POINT")).isEqualTo(60);
		assertThat(volume("2025-06", "ch_006", "SERVICE", "FREE_TIER")).isEqualTo(12);
		assertThat(inputFiles.forMonth("2025-06"))
			.filteredOn(file -> file.sourceFile().endsWith("bharat-retail-main.balance.json"))
			.singleElement()
			.satisfies(file -> assertThat(file.note()).contains("warning: line", "total_price",
					"is not the sum of the category prices", "(the category figures are kept)"));
		assertThat(StepExecutions.named(execution, "estimatePricingStep").getExecutionContext()
			.getString(EstimatePricingTasklet.VERSION_KEY)).isEqualTo("2025-04-01");
	}

	@Test
	void webhookRulesAtTheTimeZoneBoundaryAndWithDuplicatesFailuresAndReadsWithoutDelivery(@TempDir Path dir)
			throws Exception {
		// given: ch_006 is in Asia/Kolkata (UTC+05:30)
		TestInbox inbox = TestInbox.withSampleReferenceData(dir);
		inbox.write("2025-10/webhooks/ch_006.ndjson.gz", String.join("\n",
				status("wamid.A", "sent", "2025-10-10T08:00:00Z", "regular"),
				status("wamid.A", "delivered", "2025-10-10T08:00:05Z", "regular"),
				status("wamid.A", "delivered", "2025-10-10T08:00:05Z", "regular"), // retried
				status("wamid.A", "read", "2025-10-10T08:03:00Z", "regular"),
				status("wamid.B", "read", "2025-10-11T08:00:00Z", "regular"), // read without delivered
				status("wamid.C", "sent", "2025-10-12T08:00:00Z", "regular"), // sent only
				status("wamid.D", "failed", "2025-10-12T09:00:00Z", null), // failed
				status("wamid.E", "delivered", "2025-10-31T18:00:00Z", "regular"), // 23:30 on 31 Oct local
				status("wamid.F", "delivered", "2025-10-31T20:00:00Z", "regular"), // 01:30 on 1 Nov local
				status("wamid.G", "delivered", "2025-09-30T18:00:00Z", "regular"), // 30 Sept local
				status("wamid.G", "read", "2025-10-01T09:00:00Z", "regular"), // its month is September's
				status("wamid.H", "delivered", "2025-10-20T08:00:00Z", "free_customer_service")));
		inbox.write("2025-11/webhooks/late.ndjson", status("wamid.A", "delivered", "2025-10-10T08:00:05Z", "regular")
				+ "\n" + status("wamid.I", "delivered", "2025-10-31T17:00:00Z", "regular") + "\n");

		// when
		JobExecution execution = CloseJobRuns.run(jobOperatorTestUtils, inbox.root(), out, "2025-10", Stage.IMPORT, null);

		// then: A, B, E and the late I count; C, D, F, G do not; H is free
		assertThat(execution.getStatus()).isEqualTo(BatchStatus.STOPPED);
		assertThat(volume("2025-10", "ch_006", "MARKETING", "REGULAR")).isEqualTo(4);
		assertThat(volume("2025-10", "ch_006", "MARKETING", "FREE_CUSTOMER_SERVICE")).isEqualTo(1);
		assertThat(jdbc.sql("""
				SELECT local_date FROM usage_estimate WHERE billing_month = '2025-10' AND channel_id = 'ch_006'
				ORDER BY local_date DESC""").query(String.class).list().get(0)).isEqualTo("2025-10-31");
	}

	@Test
	void badRowsAreRejectedOnReadProcessAndWriteAndTheGoodRowsLoad(@TempDir Path dir) throws Exception {
		// given
		TestInbox inbox = TestInbox.withSampleReferenceData(dir);
		String longTier = "0:" + "9".repeat(60);
		inbox.write("2025-10/usage/ch_001.json", """
				{"channel_id": "ch_001", "currency": "EUR", "granularity": "DAILY", "usage": [
				 {"start": 1759269600, "country": "DE", "pricing_category": "MARKETING", "pricing_type": "REGULAR", "volume": 10, "cost": 1.365},
				 {"start": 1759269600, "country": "DE", "pricing_category": "MARKETING", "pricing_type": "REGULAR", "volume": "ten"},
				 {"start": 1759269600, "country": "DE", "pricing_category": "MARKETING", "pricing_type": "REGULAR", "volume": 3, "tier": "%s"},
				 {"start": 1759183200, "country": "DE", "pricing_category": "MARKETING", "pricing_type": "REGULAR", "volume": 99, "cost": 1},
				 {"start": 1759356000, "country": "DE", "pricing_category": "CHATTING", "pricing_type": "REGULAR", "volume": 1},
				 {"start": 1759356000, "country": "DE", "pricing_category": "utility", "pricing_type": "regular", "volume": 20}
				]}
				""".formatted(longTier));
		inbox.write("2025-10/usage/ch_002.json", """
				{"channel_id": "ch_002", "usage": [
				 {"start": 1759356000, "country": "DE", "pricing_category": "MARKETING", "pricing_type": "REGULAR", "volume": 5, "cost": 0.6825},
				 {"start": 1759356000, "country": "DE", "pricing_ca""");
		inbox.write("2025-10/usage/unknown.json", """
				{"channel_id": "ch_999", "usage": [{"start": 1759356000, "country": "DE",
				 "pricing_category": "MARKETING", "pricing_type": "REGULAR", "volume": 5}]}""");
		inbox.write("2025-10/usage/ch_004.json", """
				{"channel_id": "ch_004", "usage": [{"start": 1757289600, "country": "DE",
				 "pricing_category": "MARKETING", "pricing_type": "REGULAR", "volume": 7, "cost": 0.7}]}""");

		// when
		JobExecution execution = CloseJobRuns.run(jobOperatorTestUtils, inbox.root(), out, "2025-10", Stage.IMPORT, null);

		// then
		assertThat(execution.getStatus()).isEqualTo(BatchStatus.STOPPED);
		var step = StepExecutions.named(execution, "usageExportsStep");
		assertThat(step.getReadSkipCount()).as("the truncated file").isEqualTo(1);
		assertThat(step.getProcessSkipCount()).as("'ten', CHATTING, ch_999").isEqualTo(3);
		assertThat(step.getWriteSkipCount()).as("a tier too long for its column").isEqualTo(1);
		// skipped in one of the shares, counted in the step for the run summary
		assertThat(step.getFilterCount()).as("8 September").isEqualTo(1);
		assertThat(SkipReasons.of(step)).containsEntry("belongs to another month in the WABA's time zone", 1L);
		assertThat(charged("2025-10")).containsEntry("ch_001 MARKETING", "10 1.37 EUR")
			.containsEntry("ch_001 UTILITY", "20 1.10 EUR") // priced with the EUR card: 20 x 0.0550
			.containsEntry("ch_002 MARKETING", "5 0.68 EUR");
		Map<String, String> reasons = jdbc.sql("SELECT source_file || ':' || line, reason FROM import_reject "
				+ "WHERE billing_month = '2025-10'")
			.query((rs, n) -> Map.entry(rs.getString(1), rs.getString(2)))
			.list()
			.stream()
			.collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));
		assertThat(reasons).containsEntry("2025-10/usage/ch_001.json:3", "volume 'ten' is not a whole number")
			.containsEntry("2025-10/usage/ch_001.json:6", "pricing_category 'CHATTING' is not a known category")
			.containsEntry("2025-10/usage/unknown.json:1", "channel_id 'ch_999' is not in the directory");
		assertThat(reasons.get("2025-10/usage/ch_001.json:4")).startsWith("refused by the database:");
		assertThat(reasons.get("2025-10/usage/ch_002.json:3"))
			.startsWith("JSON syntax error, the rest of the file is not read: Unexpected end-of-input");
		assertThat(inputFiles.forMonth("2025-10"))
			.filteredOn(file -> file.sourceFile().equals("2025-10/usage/ch_001.json"))
			.extracting(FileCounts::read, FileCounts::loaded, FileCounts::rejected, FileCounts::skipped)
			.containsExactly(tuple(6L, 3L, 3L, 0L)); // 30 Sept in Berlin: kept outside the count
	}

	@Test
	void importingTheMonthAgainReplacesItsEstimates() throws Exception {
		CloseJobRuns.run(jobOperatorTestUtils, TestInbox.SAMPLE, out, "2025-09", Stage.IMPORT, null);
		long before = jdbc.sql("SELECT COUNT(*) FROM usage_estimate WHERE billing_month = '2025-09'").query(Long.class).single();

		JobExecution again = CloseJobRuns.run(jobOperatorTestUtils, TestInbox.SAMPLE, out, "2025-09", Stage.IMPORT, 1L);

		assertThat(again.getStatus()).isEqualTo(BatchStatus.STOPPED);
		assertThat(jdbc.sql("SELECT COUNT(*) FROM usage_estimate WHERE billing_month = '2025-09'").query(Long.class).single())
			.isEqualTo(before);
		assertThat(charged("2025-09")).containsEntry("ch_006 MARKETING", "48 47.74 INR");
	}

	/** "channel CATEGORY" to "volume cost currency" of the charged estimates that count. */
	private Map<String, String> charged(String month) {
		return jdbc.sql("""
				SELECT channel_id || ' ' || pricing_category, SUM(volume), SUM(cost), MIN(currency)
				FROM usage_estimate WHERE billing_month = ? AND pricing_type = 'REGULAR' AND counts_as_estimate
				GROUP BY channel_id, pricing_category""")
			.param(month)
			.query((rs, n) -> Map.entry(rs.getString(1), rs.getLong(2) + " "
					+ rs.getBigDecimal(3).setScale(2, java.math.RoundingMode.HALF_UP) + " " + rs.getString(4)))
			.list()
			.stream()
			.collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));
	}

	private long volume(String month, String channel, String category, String type) {
		return jdbc.sql("""
				SELECT COALESCE(SUM(volume), 0) FROM usage_estimate WHERE billing_month = ? AND channel_id = ?
				AND pricing_category = ? AND pricing_type = ? AND counts_as_estimate""")
			.params(month, channel, category, type)
			.query(Long.class)
			.single();
	}

	/** One stored status webhook of ch_006 (phone number id 207651234567803), to an Indian number. */
	private static String status(String wamid, String status, String utc, String pricingType) {
		long epoch = java.time.Instant.parse(utc).getEpochSecond();
		String pricing = pricingType == null ? ""
				: ",\"pricing\":{\"billable\":true,\"pricing_model\":\"PMP\",\"type\":\"" + pricingType
						+ "\",\"category\":\"marketing\"}";
		return "{\"object\":\"whatsapp_business_account\",\"entry\":[{\"id\":\"203311456789012\",\"changes\":[{"
				+ "\"field\":\"messages\",\"value\":{\"metadata\":{\"display_phone_number\":\"918012345678\","
				+ "\"phone_number_id\":\"207651234567803\"},\"statuses\":[{\"id\":\"" + wamid + "\",\"status\":\""
				+ status + "\",\"timestamp\":\"" + epoch + "\",\"recipient_id\":\"919812300000\"" + pricing + "}]}}]}]}";
	}

}
