package com.wabarecon;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import com.opencsv.CSVReader;
import com.wabarecon.statement.StatementFiles;

import org.apache.poi.ss.usermodel.CellValue;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.test.JobOperatorTestUtils;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The rules core in the real close (issue "Numbers a finance team can trust"): rate cards that
 * name markets by ISO code, estimates that cannot be priced, refused rate cards, tiers counted
 * across currencies and costs shared to the cent. Each test writes an October month for the
 * sample's client c_002 (India, INR, Asia/Kolkata; channels ch_004, ch_005, ch_006 on one WABA)
 * whose usage exports carry no cost (the credit line: the rate card prices them), and an invoice.
 * Expected amounts are worked out by hand in each test.
 */
@CloseJobTest
class PricingRulesCloseTests {

	static final String MONTH = "2025-10";

	/** 2 October 2025, 00:00 in Asia/Kolkata (UTC+05:30). */
	static final long OCT_2_IST = 1759343400L;

	static final String WABA_C002 = "203311456789012";

	static final String CH_004 = "207651234567801";

	static final String CH_005 = "207651234567802";

	static final String CH_006 = "207651234567803";

	static final String CARD_HEADER = "effective_from,currency,market,category,tier_lower,tier_upper,rate\n";

	@Autowired
	JobOperatorTestUtils jobOperatorTestUtils;

	@Autowired
	JdbcClient jdbc;

	@TempDir
	Path dir;

	@TempDir
	Path out;

	TestInbox inbox;

	@BeforeEach
	void newMonth() throws Exception {
		inbox = TestInbox.withSampleDirectory(dir);
	}

	@Test
	void aRateCardNamingMarketsByIsoCodeWithoutMarketsCsvPricesTheEstimates() throws Exception {
		// given: India by its code, no markets.csv; 1,000 utility messages without cost
		inbox.write("rate-cards/2025-07-01.csv", CARD_HEADER + "2025-07-01,INR,IN,UTILITY,0,100000,0.1150\n"
				+ "2025-07-01,INR,in,UTILITY,100001,,0.1093\n");
		export("ch_004", CH_004, "UTILITY", 1000);
		invoice(line(CH_004, "UTILITY", 1000, "115.00", "INR"));

		// when
		JobExecution execution = CloseJobRuns.run(jobOperatorTestUtils, inbox.root(), out, MONTH, Stage.RECONCILE, null);

		// then: 1,000 x 0.1150 = 115.00 INR, as invoiced
		assertThat(execution.getStatus()).isEqualTo(BatchStatus.STOPPED);
		assertThat(lines()).containsExactly(Map.entry(CH_004 + " UTILITY", "MATCHED 1000 1000 115.0000 115.0000"));
	}

	@Test
	void anEstimateTheRateCardCannotPriceIsUnpricedNeverZero() throws Exception {
		// given: the card has India marketing only; 1,000 utility messages need a utility rate
		inbox.write("rate-cards/2025-07-01.csv", CARD_HEADER + "2025-07-01,INR,India,MARKETING,0,,0.8631\n");
		export("ch_004", CH_004, "UTILITY", 1000);
		invoice(line(CH_004, "UTILITY", 1000, "115.00", "INR"));

		// when
		JobExecution execution = CloseJobRuns.run(jobOperatorTestUtils, inbox.root(), out, MONTH, Stage.DELIVERY, null);

		// then: the line says why, its estimate is unknown everywhere, never 0.00
		assertThat(execution.getStatus()).isEqualTo(BatchStatus.COMPLETED);
		assertThat(lines()).containsExactly(Map.entry(CH_004 + " UTILITY", "UNPRICED 1000 1000 null 115.0000"));
		String reason = "the estimate of 1000 of its 1000 messages cannot be priced: no INR rate for India (IN) UTILITY "
				+ "in the rate cards in force for 2025-10 (of 2025-07-01)";
		assertThat(jdbc.sql("SELECT reason FROM recon_line").query(String.class).single()).isEqualTo(reason);
		assertThat(StepExecutions.named(execution, "estimatePricingStep").getExitStatus().getExitDescription())
			.contains("NOT PRICED (their lines are UNPRICED): 1 estimate rows");
		assertThat(StepExecutions.named(execution, "tieOutStep").getExitStatus().getExitDescription())
			.contains("lines: 1 UNPRICED", "NEEDS ATTENTION: 1 UNPRICED (estimates without a rate in the rate card: add it and close again with --rerun)",
					"estimates INR: lines 0.00, estimates loaded 0.00; not in either: 1000 messages in 1 estimate rows without "
							+ "a price (unknown: see the UNPRICED lines)");

		List<String[]> csv = csv(out.resolve(MONTH).resolve("reconciliation-" + MONTH + ".csv"));
		assertThat(csv.get(1)).containsExactly(MONTH, "c_002", WABA_C002, CH_004, "UTILITY", "INR", "1000", "1000", "0",
				"", "115.00", "", "", "UNPRICED", reason);

		try (XSSFWorkbook partner = StatementFiles.workbook(out.resolve(MONTH).resolve("reconciliation-" + MONTH + ".xlsx"))) {
			Sheet disputes = partner.getSheet("Discrepancies");
			assertThat(disputes.getRow(1).getCell(9).getStringCellValue()).isEqualTo("unknown");
			assertThat(disputes.getRow(1).getCell(12).getStringCellValue()).isEqualTo("UNPRICED");
			Sheet summary = partner.getSheet("Summary");
			assertThat(summary.getRow(1).getCell(1).getStringCellValue()).isEqualTo("UNPRICED");
			assertThat(summary.getRow(1).getCell(4).getStringCellValue()).isEqualTo("unknown");
		}

		Path statement = out.resolve(MONTH).resolve("c_002");
		try (XSSFWorkbook workbook = StatementFiles.workbook(statement.resolve("statement-c_002-" + MONTH + ".xlsx"))) {
			assertThat(workbook.getSheet("Lines").getRow(1).getCell(9).getStringCellValue()).isEqualTo("unknown");
			var evaluator = workbook.getCreationHelper().createFormulaEvaluator();
			Sheet summary = workbook.getSheet("Summary");
			var totals = StatementFiles.row(summary, "Currency", "INR");
			CellValue estimated = evaluator.evaluate(totals.getCell(1));
			CellValue invoiced = evaluator.evaluate(totals.getCell(2));
			assertThat(estimated.getStringValue()).isEqualTo("unknown");
			assertThat(invoiced.getNumberValue()).isEqualTo(115.00);
			assertThat(evaluator.evaluate(totals.getCell(3)).getStringValue()).isEqualTo("unknown");
		}
		String pdf = StatementFiles.pdfText(statement.resolve("statement-c_002-" + MONTH + ".pdf")).replaceAll("\\s+", " ");
		assertThat(pdf).contains("INR unknown 115.00 unknown", "Utility 1,000 1,000 0 unknown 115.00 unknown Unpriced",
				"Total INR 1,000 1,000 0 unknown 115.00 unknown", "the estimated INR total and the difference are unknown");
		String email = Files.readString(out.resolve(MONTH).resolve("outbox").resolve("c_002.eml"));
		assertThat(email).contains("Invoiced by Meta: 115.00 INR (estimated unknown: see the statement)");
	}

	@Test
	void overlappingTiersAreRefusedRowByRowAndTheirEstimatesUnpriced() throws Exception {
		// given: 90,000 to 100,000 messages would be priced twice
		inbox.write("rate-cards/2025-07-01.csv", CARD_HEADER + "2025-07-01,INR,IN,UTILITY,0,100000,0.1150\n"
				+ "2025-07-01,INR,IN,UTILITY,90000,,0.1093\n" + "2025-07-01,INR,IN,MARKETING,0,,0.8631\n");
		export("ch_004", CH_004, "UTILITY", 1000);
		invoice(line(CH_004, "UTILITY", 1000, "115.00", "INR"));

		// when
		JobExecution execution = CloseJobRuns.run(jobOperatorTestUtils, inbox.root(), out, MONTH, Stage.RECONCILE, null);

		// then: both utility rows rejected with the reason and their rows; marketing is kept
		assertThat(execution.getStatus()).isEqualTo(BatchStatus.STOPPED);
		String refusal = "the INR rates of India UTILITY from 2025-07-01 are refused: tiers 0:100000 and 90000:MAX "
				+ "overlap (messages 90000 to 100000 would be priced twice) (rate-cards/2025-07-01.csv line 2, "
				+ "rate-cards/2025-07-01.csv line 3)";
		assertThat(rejects()).containsExactly("rate-cards/2025-07-01.csv 2 " + refusal,
				"rate-cards/2025-07-01.csv 3 " + refusal);
		assertThat(jdbc.sql("SELECT market || ' ' || category FROM rate_card").query(String.class).list())
			.containsExactly("IN MARKETING");
		assertThat(lines()).containsExactly(Map.entry(CH_004 + " UTILITY", "UNPRICED 1000 1000 null 115.0000"));
		assertThat(jdbc.sql("SELECT reason FROM recon_line").query(String.class).single())
			.isEqualTo("the estimate of 1000 of its 1000 messages cannot be priced: the rate in force was refused: "
					+ refusal);
	}

	@Test
	void tiersThatLeaveAGapAreRefused() throws Exception {
		// given: no rate for 100,001 to 199,999 messages
		inbox.write("rate-cards/2025-07-01.csv", CARD_HEADER + "2025-07-01,INR,IN,UTILITY,0,100000,0.1150\n"
				+ "2025-07-01,INR,IN,UTILITY,200000,,0.1093\n");
		export("ch_004", CH_004, "UTILITY", 1000);
		invoice(line(CH_004, "UTILITY", 1000, "115.00", "INR"));

		// when
		CloseJobRuns.run(jobOperatorTestUtils, inbox.root(), out, MONTH, Stage.RECONCILE, null);

		// then
		assertThat(rejects()).hasSize(2).allSatisfy(reject -> assertThat(reject).contains("tiers 0:100000 and "
				+ "200000:MAX leave a gap (messages 100001 to 199999 would have no rate)"));
		assertThat(lines()).containsExactly(Map.entry(CH_004 + " UTILITY", "UNPRICED 1000 1000 null 115.0000"));
	}

	@Test
	void twoFilesGivingOneVersionOfARateAreAConflictNamingBoth() throws Exception {
		// given: July's India utility rate in two files, India by name in one and by code in the other
		inbox.write("rate-cards/2025-07-01.csv", CARD_HEADER + "2025-07-01,INR,India,UTILITY,0,,0.1150\n");
		inbox.write("rate-cards/india-update.csv", CARD_HEADER + "2025-07-01,INR,IN,UTILITY,0,,0.1100\n");
		export("ch_004", CH_004, "UTILITY", 1000);
		invoice(line(CH_004, "UTILITY", 1000, "115.00", "INR"));

		// when
		CloseJobRuns.run(jobOperatorTestUtils, inbox.root(), out, MONTH, Stage.RECONCILE, null);

		// then: not "the file that sorts first wins": neither is used
		String conflict = "conflict: rate-cards/2025-07-01.csv and rate-cards/india-update.csv both give the INR "
				+ "rates of India UTILITY from 2025-07-01";
		assertThat(rejects()).containsExactly("rate-cards/2025-07-01.csv 2 " + conflict,
				"rate-cards/india-update.csv 2 " + conflict);
		assertThat(lines()).containsExactly(Map.entry(CH_004 + " UTILITY", "UNPRICED 1000 1000 null 115.0000"));
	}

	@Test
	void aRateThatCannotBeReadIsNotReplacedByAnOlderOne() throws Exception {
		// given: April's India utility rate reads; July's, in force for October, has a decimal comma
		inbox.write("rate-cards/2025-04-01.csv", CARD_HEADER + "2025-04-01,INR,IN,UTILITY,0,,0.1160\n");
		inbox.write("rate-cards/2025-07-01.csv", CARD_HEADER + "2025-07-01,INR,IN,UTILITY,0,,\"0,1150\"\n");
		export("ch_004", CH_004, "UTILITY", 1000);
		invoice(line(CH_004, "UTILITY", 1000, "115.00", "INR"));

		// when
		CloseJobRuns.run(jobOperatorTestUtils, inbox.root(), out, MONTH, Stage.RECONCILE, null);

		// then: not priced at April's 116.00, and the reason names the row
		assertThat(lines()).containsExactly(Map.entry(CH_004 + " UTILITY", "UNPRICED 1000 1000 null 115.0000"));
		assertThat(jdbc.sql("SELECT reason FROM recon_line").query(String.class).single()).isEqualTo(
				"the estimate of 1000 of its 1000 messages cannot be priced: the rate in force was refused: the INR rates "
						+ "of India UTILITY from 2025-07-01 are refused: rate-cards/2025-07-01.csv line 2 cannot be read "
						+ "(rate '0,1150' is not a number), and a rate with a row missing is not used, nor an older one in "
						+ "its place");
	}

	@Test
	void aRateFinerThanTheRateCardKeepsIsRejectedNotRounded() throws Exception {
		// given: July's India utility rate with 8 decimals, which NUMERIC(19,6) would store as 0.115000
		inbox.write("rate-cards/2025-07-01.csv", CARD_HEADER + "2025-07-01,INR,IN,UTILITY,0,,0.11500049\n");
		export("ch_004", CH_004, "UTILITY", 1000);
		invoice(line(CH_004, "UTILITY", 1000, "115.00", "INR"));

		// when
		CloseJobRuns.run(jobOperatorTestUtils, inbox.root(), out, MONTH, Stage.RECONCILE, null);

		// then: rejected, and the estimate unknown rather than 115.00 priced at a rate the card does not give
		assertThat(rejects()).containsExactly("rate-cards/2025-07-01.csv 2 rate 0.11500049 has more than the 6 "
				+ "decimals a rate card keeps: it would be rounded");
		assertThat(lines()).containsExactly(Map.entry(CH_004 + " UTILITY", "UNPRICED 1000 1000 null 115.0000"));
	}

	@Test
	void aRefusedRateStaysRefusedWhenAnotherRowOfItsChunkFailsToBeWritten() throws Exception {
		// given: April's India utility rate; July's refused (its tiers overlap), in a file whose
		// marketing row names a market longer than the database holds (its write fails, the chunk
		// is rolled back and written again row by row)
		inbox.write("rate-cards/2025-04-01.csv", CARD_HEADER + "2025-04-01,INR,IN,UTILITY,0,,0.1160\n");
		inbox.write("rate-cards/2025-07-01.csv", CARD_HEADER + "2025-07-01,INR,IN,UTILITY,0,100000,0.1150\n"
				+ "2025-07-01,INR,IN,UTILITY,90000,,0.1093\n" + "2025-07-01,INR," + "M".repeat(101) + ",MARKETING,0,,0.8631\n");
		export("ch_004", CH_004, "UTILITY", 1000);
		invoice(line(CH_004, "UTILITY", 1000, "115.00", "INR"));

		// when
		CloseJobRuns.run(jobOperatorTestUtils, inbox.root(), out, MONTH, Stage.RECONCILE, null);

		// then: the long row is rejected, and July's refusal still holds: not priced at April's 116.00
		assertThat(rejects()).hasSize(3).anySatisfy(reject -> assertThat(reject).startsWith("rate-cards/2025-07-01.csv 4 "));
		assertThat(lines()).containsExactly(Map.entry(CH_004 + " UTILITY", "UNPRICED 1000 1000 null 115.0000"));
	}

	@Test
	void aClientsTiersAreCountedAcrossTheCurrenciesOfItsWabas() throws Exception {
		// given: one client with an INR WABA and a USD WABA, both messaging India
		inbox.write("directory/clients.csv", "client_id,name,billing_emails,statement_currency,locale\n"
				+ "c_two,Two Currencies Ltd,ap@two.example,USD,en-IN\n");
		inbox.write("directory/channels.csv", "channel_id,client_id,waba_id,phone_number_id,display_phone_number,"
				+ "waba_timezone,waba_currency\n" + "ch_inr,c_two,700000000000001,700000000000011,919800000001,Asia/Kolkata,INR\n"
				+ "ch_usd,c_two,700000000000002,700000000000022,919800000002,Asia/Kolkata,USD\n");
		inbox.write("rate-cards/2025-07-01.csv", CARD_HEADER + "2025-07-01,INR,IN,UTILITY,0,1000,0.1150\n"
				+ "2025-07-01,INR,IN,UTILITY,1001,,0.1000\n" + "2025-07-01,USD,IN,UTILITY,0,1000,0.0014\n"
				+ "2025-07-01,USD,IN,UTILITY,1001,,0.0012\n");
		export("ch_inr", "700000000000011", "UTILITY", 800);
		export("ch_usd", "700000000000022", "UTILITY", 700);
		// the client's 1,500 messages cross the tier at 1,000:
		// INR: (1000 x 0.1150 + 500 x 0.1000) x 800 / 1500 = 165.00 x 8/15 = 88.00
		// USD: (1000 x 0.0014 + 500 x 0.0012) x 700 / 1500 = 2.00 x 7/15 = 0.9333 -> 0.93
		// (counted per currency, they would be 800 x 0.1150 = 92.00 INR and 700 x 0.0014 = 0.98 USD)
		invoice(line("700000000000001", "700000000000011", "UTILITY", 800, "88.00", "INR"),
				line("700000000000002", "700000000000022", "UTILITY", 700, "0.93", "USD"));

		// when
		CloseJobRuns.run(jobOperatorTestUtils, inbox.root(), out, MONTH, Stage.RECONCILE, null);

		// then
		assertThat(lines()).containsExactly(Map.entry("700000000000011 UTILITY", "MATCHED 800 800 88.0000 88.0000"),
				Map.entry("700000000000022 UTILITY", "MATCHED 700 700 0.9300 0.9300"));
	}

	@Test
	void aClientsCostIsSharedAmongItsChannelsToTheCent() throws Exception {
		// given: one utility message on each of three channels at 0.1150: the client's cost is
		// 3 x 0.1150 = 0.345 -> 0.35 INR; shared 1:1:1 it is 0.1166.. each: 0.11 each and two cents
		// left, which go to the first two channels by id (equal parts cut off); rounded alone, each
		// would be 0.12 and the three 0.36
		inbox.write("rate-cards/2025-07-01.csv", CARD_HEADER + "2025-07-01,INR,IN,UTILITY,0,,0.1150\n");
		export("ch_004", CH_004, "UTILITY", 1);
		export("ch_005", CH_005, "UTILITY", 1);
		export("ch_006", CH_006, "UTILITY", 1);
		invoice(line(CH_004, "UTILITY", 1, "0.12", "INR"), line(CH_005, "UTILITY", 1, "0.12", "INR"),
				line(CH_006, "UTILITY", 1, "0.11", "INR"));

		// when
		CloseJobRuns.run(jobOperatorTestUtils, inbox.root(), out, MONTH, Stage.RECONCILE, null);

		// then: the 0.35 is split 0.12 + 0.12 + 0.11 (the remainder's cent to the first two by id)
		assertThat(lines()).containsExactly(Map.entry(CH_004 + " UTILITY", "MATCHED 1 1 0.1200 0.1200"),
				Map.entry(CH_005 + " UTILITY", "MATCHED 1 1 0.1200 0.1200"),
				Map.entry(CH_006 + " UTILITY", "MATCHED 1 1 0.1100 0.1100"));
		assertThat(jdbc.sql("SELECT SUM(estimated_amount) FROM recon_line").query(java.math.BigDecimal.class).single())
			.isEqualByComparingTo("0.35");
	}

	@Test
	void aChannelsShareIsSpreadOverItsDaysSoThatTheyAddUpToItExactly() throws Exception {
		// given: one utility message a day on three days: 3 x 0.1150 = 0.345 -> 0.35 INR for the
		// channel, 0.1166.. a day: 0.116666 each rounded down, and the 2 millionths left to two days
		inbox.write("rate-cards/2025-07-01.csv", CARD_HEADER + "2025-07-01,INR,IN,UTILITY,0,,0.1150\n");
		inbox.write(MONTH + "/usage/ch_004.json", """
				{"channel_id": "ch_004", "phone_number_id": "%s", "granularity": "DAILY", "usage": [
				 {"start": %d, "end": %d, "country": "IN", "pricing_category": "UTILITY", "pricing_type": "REGULAR", "volume": 1},
				 {"start": %d, "end": %d, "country": "IN", "pricing_category": "UTILITY", "pricing_type": "REGULAR", "volume": 1},
				 {"start": %d, "end": %d, "country": "IN", "pricing_category": "UTILITY", "pricing_type": "REGULAR", "volume": 1}]}
				""".formatted(CH_004, OCT_2_IST, OCT_2_IST + 86400, OCT_2_IST + 86400, OCT_2_IST + 2 * 86400,
				OCT_2_IST + 2 * 86400, OCT_2_IST + 3 * 86400));
		invoice(line(CH_004, "UTILITY", 3, "0.35", "INR"));

		// when
		CloseJobRuns.run(jobOperatorTestUtils, inbox.root(), out, MONTH, Stage.RECONCILE, null);

		// then
		assertThat(jdbc.sql("SELECT cost FROM usage_estimate WHERE billing_month = ? ORDER BY cost DESC")
			.param(MONTH)
			.query(java.math.BigDecimal.class)
			.list()).containsExactly(new java.math.BigDecimal("0.116667"), new java.math.BigDecimal("0.116667"),
					new java.math.BigDecimal("0.116666"));
		assertThat(lines()).containsExactly(Map.entry(CH_004 + " UTILITY", "MATCHED 3 3 0.3500 0.3500"));
	}

	private void export(String channel, String phoneNumberId, String category, long volume) throws Exception {
		MonthFiles.exportWithoutCost(inbox, MONTH, channel, phoneNumberId, category, volume, OCT_2_IST);
	}

	private static String line(String phoneNumberId, String category, long volume, String amount, String currency) {
		return MonthFiles.usageLine(MONTH, WABA_C002, phoneNumberId, category, volume, amount, currency);
	}

	private static String line(String waba, String phoneNumberId, String category, long volume, String amount,
			String currency) {
		return MonthFiles.usageLine(MONTH, waba, phoneNumberId, category, volume, amount, currency);
	}

	private void invoice(String... lines) throws Exception {
		MonthFiles.invoice(inbox, MONTH, lines);
	}

	/** "phone number id category" to "status estimated invoiced estimated_amount invoiced_amount". */
	private Map<String, String> lines() {
		Map<String, String> lines = new TreeMap<>();
		jdbc.sql("""
				SELECT phone_number_id, category, status, estimated_volume, invoiced_volume, estimated_amount,
				       invoiced_amount FROM recon_line WHERE billing_month = ?""")
			.param(MONTH)
			.query(rs -> {
				lines.put(rs.getString(1) + " " + rs.getString(2), rs.getString(3) + " " + rs.getLong(4) + " "
						+ rs.getLong(5) + " " + rs.getBigDecimal(6) + " " + rs.getBigDecimal(7));
			});
		return lines;
	}

	/** "file line reason" of the month's rejects, in file and line order. */
	private List<String> rejects() {
		return jdbc.sql("SELECT source_file, line, reason FROM import_reject ORDER BY source_file, line")
			.query((rs, n) -> rs.getString(1) + " " + rs.getLong(2) + " " + rs.getString(3))
			.list();
	}

	private static List<String[]> csv(Path file) throws Exception {
		try (Reader reader = Files.newBufferedReader(file); CSVReader csv = new CSVReader(reader)) {
			return csv.readAll();
		}
	}

}
