package com.wabarecon.reconciliation;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import com.opencsv.CSVReader;
import com.wabarecon.CloseJobParameters;
import com.wabarecon.CloseJobRuns;
import com.wabarecon.CloseJobTest;
import com.wabarecon.Stage;
import com.wabarecon.StepExecutions;
import com.wabarecon.TestInbox;

import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.job.Job;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.job.builder.JobBuilder;
import org.springframework.batch.core.job.parameters.JobParametersBuilder;
import org.springframework.batch.test.JobOperatorTestUtils;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The reconciliation of the real close job on the sample inbox, built to show every status.
 */
@CloseJobTest
class ReconciliationFunctionalTests {

	@Autowired
	JobOperatorTestUtils jobOperatorTestUtils;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	org.springframework.batch.core.repository.JobRepository jobRepository;

	@Autowired
	@org.springframework.beans.factory.annotation.Qualifier("tieOutStep")
	org.springframework.batch.core.step.Step tieOutStep;

	@Autowired
	@org.springframework.beans.factory.annotation.Qualifier("estimateTotalsStep")
	org.springframework.batch.core.step.Step estimateTotalsStep;

	@Autowired
	@org.springframework.beans.factory.annotation.Qualifier("reconcileLinesStep")
	org.springframework.batch.core.step.Step reconcileLinesStep;

	@Autowired
	@org.springframework.beans.factory.annotation.Qualifier("reconciliationReportStep")
	org.springframework.batch.core.step.Step reconciliationReportStep;

	@TempDir
	Path out;

	@Test
	void theSampleSeptemberShowsEveryStatusWithItsReason() throws Exception {
		// when
		JobExecution execution = CloseJobRuns.start(jobOperatorTestUtils, parameters(null));

		// then
		assertThat(execution.getStatus()).isEqualTo(BatchStatus.STOPPED);
		Map<String, String> lines = lines();
		assertThat(lines).containsEntry("106540352242922 MARKETING", "MATCHED 1200 1200 163.8000 163.8000")
			.containsEntry("106540352242923 MARKETING", "WITHIN_TOLERANCE 2400 2402 327.6000 327.8700")
			.containsEntry("106540352242924 UTILITY", "OVER_INVOICED 5000 5000 275.0000 300.0000")
			.containsEntry("308812345670001 MARKETING", "OVER_INVOICED 2912 3000 1001.1500 1031.4000")
			.containsEntry("409912345600001 MARKETING", "UNDER_INVOICED 620 600 15.5000 15.0000")
			.containsEntry("308812345670002 AUTHENTICATION", "MISSING_FROM_INVOICE 350 0 9.6300 0.0000")
			.containsEntry("409912345600002 AUTHENTICATION", "NOT_ESTIMATED 0 75 0.0000 0.3000")
			.containsEntry("999000111222444 MARKETING", "UNKNOWN_CHANNEL 0 50 0.0000 6.8300")
			// the WABA-level line: ch_009 (900) + ch_010 (1,100), and no channel line for them
			.containsEntry("WABA 405566778899001 UTILITY", "MATCHED 2000 2000 8.0000 8.0000")
			.doesNotContainKeys("409912345600001 UTILITY", "409912345600002 UTILITY")
			// a EUR estimate converted with fx/2025-09.csv (42.86 EUR x 1.1050 = 47.36 USD)
			.containsEntry("501012345678901 MARKETING", "MATCHED 800 800 47.3600 47.3600")
			// a GBP estimate with no GBP rate
			.containsEntry("601112345678901 MARKETING", "CURRENCY_MISMATCH 300 300 null 16.3500")
			// calls, in pulses (sample-invoices/README.md): ch_001's export with cost, 2,281 pulses at
			// 0.0030 = 6.843 EUR, 6.84, invoiced 227.7 minutes; ch_004's without cost, 3,415 pulses
			// priced at 0.0450 = 153.675 INR, 153.68, invoiced 341.5 minutes; ch_010's webhooks, 913
			// pulses at 0.0015 = 1.3695 USD, 1.37, invoiced 93.8 minutes, 1.41
			.containsEntry("106540352242922 VOICE", "WITHIN_TOLERANCE 2281 2277 6.8400 6.8300")
			.containsEntry("207651234567801 VOICE", "MATCHED 3415 3415 153.6800 153.6800")
			.containsEntry("409912345600002 VOICE", "OVER_INVOICED 913 938 1.3700 1.4100");
		assertThat(reason("106540352242924", "UTILITY")).contains("rate differs", "the invoice's unit rate 0.0600 for DE",
				"differs from the rate card's 0.0550 (card of 2025-07-01)");
		assertThat(reason("308812345670001", "MARKETING")).contains("volume differs: +88 messages",
				"equals the volume the source puts on 2025-08-31", "time-zone boundary");
		assertThat(reason("409912345600001", "MARKETING")).contains("the webhooks count 600 messages where the usage "
				+ "export says 620, as the invoice does");
		assertThat(reason("601112345678901", "MARKETING"))
			.isEqualTo("the estimate is in GBP (14.10 GBP) and there is no agreed GBP→EUR exchange rate for September 2025");
		assertThat(reason("106540352242923", "MARKETING")).contains("within tolerance");
		// 3 + d % 4 business calls on each day d of September: 135
		assertThat(reason("106540352242922", "VOICE")).contains("volume differs: -0.4 minutes (228.1 estimated, 227.7 "
				+ "invoiced)", "the difference (0.4 minutes) is within the rounding of aggregates: 135 calls");
		assertThat(reason("409912345600002", "VOICE")).startsWith("volume differs: +2.5 minutes (91.3 estimated, 93.8 "
				+ "invoiced)");
		assertThat(jdbc.sql("SELECT COUNT(*) FROM recon_line WHERE status <> 'MATCHED' AND reason IS NULL")
			.query(Long.class)
			.single()).isZero();
		assertThat(StepExecutions.named(execution, "tieOutStep").getExitStatus().getExitDescription())
			.contains("1 CURRENCY_MISMATCH, 17 MATCHED, 1 MISSING_FROM_INVOICE, 1 NOT_ESTIMATED, 3 OVER_INVOICED, "
					+ "1 UNDER_INVOICED, 1 UNKNOWN_CHANNEL, 5 WITHIN_TOLERANCE")
			// the messages' 897.15 and the voice line's 6.83
			.contains("invoice EUR: lines 903.98 + adjustments, credits and taxes 31.90 = 935.88, invoice totals 935.88")
			.contains("; 3 invoice files as read = loaded + rejected");
	}

	@Test
	void theCsvFollowsTheContractAndTheWorkbookIsReadyForADispute() throws Exception {
		CloseJobRuns.start(jobOperatorTestUtils, parameters(null));

		List<String[]> rows;
		try (CSVReader csv = new CSVReader(Files.newBufferedReader(out.resolve("2025-09/reconciliation-2025-09.csv")))) {
			rows = csv.readAll();
		}
		assertThat(rows.get(0)).containsExactly("billing_month", "client_id", "waba_id", "phone_number_id", "category",
				"currency", "estimated_volume", "invoiced_volume", "volume_delta", "estimated_amount", "invoiced_amount",
				"amount_delta", "amount_delta_pct", "status", "reason");
		assertThat(rows).hasSize(31);
		assertThat(rows).anySatisfy(row -> assertThat(row).startsWith("2025-09", "c_001", "102290129340399",
				"106540352242924", "UTILITY", "EUR", "5000", "5000", "0", "275.00", "300.00", "25.00", "8.33",
				"OVER_INVOICED"));
		assertThat(rows).anySatisfy(row -> assertThat(row).startsWith("2025-09", "", "999000111222333",
				"999000111222444", "MARKETING", "EUR", "0", "50", "50", "0.00", "6.83", "6.83", "100.00",
				"UNKNOWN_CHANNEL"));
		assertThat(rows).anySatisfy(row -> assertThat(row).startsWith("2025-09", "c_004", "405566778899001", "",
				"UTILITY"));
		assertThat(rows).anySatisfy(row -> assertThat(row).contains("AUTHENTICATION_INTERNATIONAL"));

		try (InputStream in = Files.newInputStream(out.resolve("2025-09/reconciliation-2025-09.xlsx"));
				Workbook workbook = new XSSFWorkbook(in)) {
			assertThat(workbook.getSheet("Lines").getLastRowNum()).isEqualTo(30);
			Sheet disputes = workbook.getSheet("Discrepancies");
			assertThat(disputes.getLastRowNum()).as("3 over, 1 under, missing, not estimated, unknown, currency")
				.isEqualTo(8);
			assertThat(disputes.getRow(0).getCell(0).getStringCellValue()).isEqualTo("invoice_ids");
			assertThat(disputes.getRow(1).getCell(0).getStringCellValue()).startsWith("INV-2025-09-");
			assertThat(workbook.getSheet("Lines").getPaneInformation().isFreezePane()).isTrue();
			assertThat(((org.apache.poi.xssf.usermodel.XSSFSheet) workbook.getSheet("Lines")).getCTWorksheet()
				.isSetAutoFilter()).isTrue();
			Sheet run = workbook.getSheet("Run");
			List<String> items = new java.util.ArrayList<>();
			run.forEach(row -> items.add(row.getCell(0).getStringCellValue() + " " + cell(row, 1) + " " + cell(row, 2)));
			assertThat(items).anySatisfy(item -> assertThat(item).startsWith("parameter month 2025-09"))
				.anySatisfy(item -> assertThat(item).startsWith("tolerances default: amount <= max(1.00, 0.5%)"))
				.anySatisfy(item -> assertThat(item).startsWith("tie-out ok invoice EUR"))
				.anySatisfy(item -> assertThat(item).startsWith("tie-out ok 2025-09/invoice/meta-invoice-2025-09-EUR.csv "
						+ "EUR: file 929.05 = loaded 929.05 + rejected 0.00"))
				.anySatisfy(item -> assertThat(item).matches(
						"input file 2025-09/invoice/meta-invoice-2025-09-EUR.csv [0-9a-f]{64}"));
			assertThat(workbook.getSheet("Summary").getLastRowNum()).isGreaterThan(5);
		}
	}

	@Test
	void theRunsToleranceOptionsDecideTheStatus() throws Exception {
		// when: 88 messages and 30.25 BRL (ch_007), 20 messages and 0.50 USD (ch_009) are within these
		CloseJobRuns.start(jobOperatorTestUtils, parameters(new JobParametersBuilder().addString(CloseJobParameters.VOLUME_TOLERANCE_ABS, "100", false)
			.addString(CloseJobParameters.AMOUNT_TOLERANCE_ABS, "50", false)));

		// then
		assertThat(lines()).containsEntry("308812345670001 MARKETING", "WITHIN_TOLERANCE 2912 3000 1001.1500 1031.4000")
			.containsEntry("409912345600001 MARKETING", "WITHIN_TOLERANCE 620 600 15.5000 15.0000")
			// an invoice line for a channel with no estimate at all is NOT_ESTIMATED, whatever the tolerance
			.containsEntry("409912345600002 AUTHENTICATION", "NOT_ESTIMATED 0 75 0.0000 0.3000");
		assertThat(reason("308812345670001", "MARKETING")).contains("within tolerance (amount <= max(50.00, 0.5%), "
				+ "volume <= max(100, 0.5%))", "time-zone boundary");
	}

	@Test
	void aReconciliationThatDoesNotTieOutFailsWithItsFigures() throws Exception {
		// given: a complete close, then an invoice file read as holding 1.00 more than its lines
		CloseJobRuns.start(jobOperatorTestUtils, parameters(null));
		jdbc.sql("UPDATE invoice_file_total SET amount_read = amount_read + 1 WHERE billing_month = '2025-09' "
				+ "AND currency = 'EUR' AND line_type = 'TAX'").update();

		// when: the tie-out step, after the estimates' totals it reads, as the close runs it
		Job tieOutOnly = new JobBuilder("tieOutOnly", jobRepository).start(estimateTotalsStep).next(tieOutStep).build();
		jobOperatorTestUtils.setJob(tieOutOnly);
		JobExecution execution = jobOperatorTestUtils.startJob(parameters(null).toJobParameters());

		// then
		assertThat(execution.getStatus()).isEqualTo(BatchStatus.FAILED);
		assertThat(execution.getAllFailureExceptions()).extracting(Throwable::getMessage)
			.anySatisfy(message -> assertThat(message).contains("the reconciliation of 2025-09 does not tie out",
					"invoice EUR: lines 903.98 + adjustments, credits and taxes 31.90 = 935.88, invoice totals 936.88 "
							+ "(difference 1.00)",
					"2025-09/invoice/meta-invoice-2025-09-EUR.csv EUR: file 930.05 but loaded 929.05 + rejected 0.00 "
							+ "= 929.05 (difference 1.00; rows: file 10, loaded 10 + rejected 0)"));
	}

	@Test
	void theReportStepAloneWritesTheSameReportAgainFromTheTable() throws Exception {
		// given: a close, and its report
		CloseJobRuns.start(jobOperatorTestUtils, parameters(null));
		Path csv = out.resolve("2025-09/reconciliation-2025-09.csv");
		Path xlsx = out.resolve("2025-09/reconciliation-2025-09.xlsx");
		byte[] judgedCsv = Files.readAllBytes(csv);
		List<String> judgedCells = cells(xlsx);
		Files.delete(csv);
		Files.delete(xlsx);

		// when: the report step alone, as a restart after the lines step runs it
		Job reportOnly = new JobBuilder("reportOnly", jobRepository).start(reconciliationReportStep).build();
		jobOperatorTestUtils.setJob(reportOnly);
		JobExecution execution = jobOperatorTestUtils.startJob(parameters(null).toJobParameters());

		// then: the same files, cell for cell; the Run sheet aside, whose tie-out this job of one
		// step does not have
		assertThat(execution.getStatus()).isEqualTo(BatchStatus.COMPLETED);
		assertThat(Files.readAllBytes(csv)).isEqualTo(judgedCsv);
		assertThat(linesSheets(cells(xlsx))).hasSizeGreaterThan(31 * 15).isEqualTo(linesSheets(judgedCells));
		assertThat(partialFiles()).isEmpty();
	}

	@Test
	void aCloseWhoseTieOutFailsLeavesNoReportNorPartOfOne() throws Exception {
		// given: the month's data, then an invoice file read as holding 1.00 more than its lines
		CloseJobRuns.start(jobOperatorTestUtils, parameters(null));
		Files.delete(out.resolve("2025-09/reconciliation-2025-09.csv"));
		Files.delete(out.resolve("2025-09/reconciliation-2025-09.xlsx"));
		jdbc.sql("UPDATE invoice_file_total SET amount_read = amount_read + 1 WHERE billing_month = '2025-09' "
				+ "AND currency = 'EUR' AND line_type = 'TAX'").update();

		// when: the lines judged again, then the tie-out, which fails
		Job linesAndTieOut = new JobBuilder("linesAndTieOut", jobRepository)
			.start(reconcileLinesStep)
			.next(estimateTotalsStep)
			.next(tieOutStep)
			.next(reconciliationReportStep)
			.build();
		jobOperatorTestUtils.setJob(linesAndTieOut);
		JobExecution execution = jobOperatorTestUtils.startJob(parameters(null).toJobParameters());

		// then
		assertThat(execution.getStatus()).isEqualTo(BatchStatus.FAILED);
		assertThat(StepExecutions.named(execution, "reconcileLinesStep").getWriteCount()).isEqualTo(30);
		try (var files = Files.list(out.resolve("2025-09"))) {
			assertThat(files.map(file -> file.getFileName().toString()))
				.noneMatch(name -> name.startsWith("reconciliation-"));
		}
	}

	@Test
	void oneClientIsReconciledAloneAndWritesOnlyItsLines() throws Exception {
		CloseJobRuns.start(jobOperatorTestUtils, parameters(null));

		JobExecution execution = CloseJobRuns.start(jobOperatorTestUtils, parameters(new JobParametersBuilder().addString(CloseJobParameters.CLIENT, "c_003")));

		assertThat(execution.getStatus()).isEqualTo(BatchStatus.STOPPED);
		List<String> lines = Files.readAllLines(out.resolve("2025-09/reconciliation-2025-09-c_003.csv"));
		assertThat(lines).hasSize(4).allSatisfy(line -> assertThat(line).matches("billing_month.*|2025-09,c_003,.*"));
		assertThat(jdbc.sql("SELECT COUNT(*) FROM recon_line WHERE billing_month = '2025-09'").query(Long.class).single())
			.as("the other clients' lines stay").isEqualTo(30);
	}

	private JobParametersBuilder parameters(JobParametersBuilder extra) {
		JobParametersBuilder parameters = new JobParametersBuilder()
			.addString(CloseJobParameters.MONTH, "2025-09")
			.addString(CloseJobParameters.INBOX, TestInbox.SAMPLE.toAbsolutePath().toString(), false)
			.addString(CloseJobParameters.OUT, out.toString(), false)
			.addString(CloseJobParameters.UNTIL, Stage.RECONCILE.id(), false);
		if (extra != null) {
			parameters.addJobParameters(extra.toJobParameters());
		}
		return parameters;
	}

	/** "phone CATEGORY" (or "WABA id CATEGORY") to "STATUS estimated invoiced estimated-amount invoiced-amount". */
	private Map<String, String> lines() {
		return jdbc.sql("SELECT * FROM recon_line WHERE billing_month = '2025-09'")
			.query((rs, n) -> Map.entry(
					(rs.getString("phone_number_id") == null ? "WABA " + rs.getString("waba_id")
							: rs.getString("phone_number_id")) + " " + rs.getString("category"),
					rs.getString("status") + " " + rs.getLong("estimated_volume") + " " + rs.getLong("invoiced_volume")
							+ " " + rs.getBigDecimal("estimated_amount") + " " + rs.getBigDecimal("invoiced_amount")))
			.list()
			.stream()
			.collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));
	}

	private String reason(String phoneNumberId, String category) {
		return jdbc.sql("SELECT reason FROM recon_line WHERE billing_month = '2025-09' AND phone_number_id = ? "
				+ "AND category = ?").params(phoneNumberId, category).query(String.class).single();
	}

	/** Every cell of every sheet, with its sheet and place, as text. */
	private static List<String> cells(Path workbook) throws Exception {
		List<String> cells = new java.util.ArrayList<>();
		try (InputStream in = Files.newInputStream(workbook); Workbook book = new XSSFWorkbook(in)) {
			book.forEach(sheet -> sheet.forEach(row -> row.forEach(cell -> cells.add(sheet.getSheetName() + "!"
					+ cell.getAddress() + " " + cell.toString() + " " + cell.getCellStyle().getDataFormatString()))));
		}
		return cells;
	}

	private static List<String> linesSheets(List<String> cells) {
		return cells.stream().filter(cell -> !cell.startsWith("Run!")).toList();
	}

	private List<Path> partialFiles() throws Exception {
		try (var files = Files.walk(out)) {
			return files.filter(file -> file.getFileName().toString().endsWith(".partial")).toList();
		}
	}

	private static String cell(org.apache.poi.ss.usermodel.Row row, int column) {
		var cell = row.getCell(column);
		return cell == null ? "" : cell.toString();
	}

}
