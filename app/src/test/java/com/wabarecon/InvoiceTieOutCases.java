package com.wabarecon;

import static com.wabarecon.invoice.InvoiceFiles.HEADER;
import static com.wabarecon.invoice.InvoiceFiles.usage;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import com.wabarecon.invoice.InvoiceFiles;
import com.wabarecon.support.accounting.FileCounts;
import com.wabarecon.support.accounting.InputFileRepository;

import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.job.Job;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.job.builder.JobBuilder;
import org.springframework.batch.core.job.parameters.JobParametersBuilder;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.core.step.Step;
import org.springframework.batch.test.JobOperatorTestUtils;
import org.springframework.batch.test.JobRepositoryTestUtils;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The invoice's tie-out against its files as read, on the real close and real files: each file
 * must hold, per currency, the lines loaded plus the rows rejected; identical lines inside one
 * file are kept and listed, a line repeating another file's is rejected; the reconciliation ties
 * to the files as read, so a line lost after it was read fails the close; and each row counts
 * once however Spring Batch runs the step (a chunk written again row by row, a restart). Run on
 * H2 ({@link InvoiceTieOutFunctionalTests}) and on PostgreSQL, where the lines load with COPY
 * ({@link InvoiceTieOutPostgresTests}), with chunks of two rows so that a file spans several.
 * <p>
 * The inbox is the sample's directory with only the invoice files each test writes. Lines 2 and
 * 3 of most files are the usage of ch_001 (1200 messages, 163.80 EUR) and ch_002 (300, 40.95).
 */
abstract class InvoiceTieOutCases {

	static final String MONTH = "2025-09";

	static final String INVOICE = MONTH + "/invoice/";

	static final String CH_001 = "106540352242922";

	static final String CH_002 = "106540352242923";

	/** ch_001's marketing of September as invoiced (1,200 messages, 163.80 EUR), on 10 September in Berlin. */
	static final String SEPTEMBER_EXPORT = """
			{"channel_id": "ch_001", "currency": "EUR", "granularity": "MONTHLY", "usage": [
			 {"start": 1757455200, "end": 1757541600, "country": "DE", "pricing_category": "MARKETING",
			  "pricing_type": "REGULAR", "volume": 1200, "cost": 163.80}]}
			""";

	static final String CH_001_USAGE = usage(MONTH, "INV-EUR", CH_001, "MARKETING", 1200, "163.80", "EUR");

	static final String CH_002_USAGE = usage(MONTH, "INV-EUR", CH_002, "MARKETING", 300, "40.95", "EUR");

	@Autowired
	JobOperatorTestUtils jobOperatorTestUtils;

	@Autowired
	JobRepositoryTestUtils jobRepositoryTestUtils;

	@Autowired
	JobRepository jobRepository;

	@Autowired
	Job monthlyCloseJob;

	@Autowired
	@Qualifier("reconciliationStep")
	Step reconciliationStep;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	InputFileRepository inputFiles;

	@TempDir
	Path dir;

	@TempDir
	Path out;

	TestInbox inbox;

	@BeforeEach
	void emptyMonth() throws Exception {
		jobRepositoryTestUtils.removeJobExecutions();
		jobOperatorTestUtils.setJob(monthlyCloseJob);
		inbox = TestInbox.withSampleReferenceData(dir);
		// the month's estimate: a close without any is refused before its reconciliation (GuardedCloseTests)
		inbox.write(MONTH + "/usage/ch_001.json", SEPTEMBER_EXPORT);
	}

	@AfterEach
	void removeInjectedFaults() throws Exception {
		jdbc.sql("ALTER TABLE import_reject DROP CONSTRAINT IF EXISTS injected_failure").update();
		jdbc.sql("ALTER TABLE invoice_line DROP CONSTRAINT IF EXISTS injected_refusal").update();
		stopLosingTaxLines();
	}

	/** Makes the database drop every TAX line it is given to load, saying nothing. */
	abstract void loseTaxLinesAsTheyLoad() throws Exception;

	abstract void stopLosingTaxLines() throws Exception;

	@Test
	void twoIdenticalTaxLinesInOneFileAreBothKeptListedAsAWarningAndTiedOut() throws Exception {
		// given: Meta bills the WABA's tax twice, in lines 4 and 5; a note beside the invoice is not read
		invoice("a-eur.csv", CH_001_USAGE, CH_002_USAGE, charge("TAX", "34.00"), charge("TAX", "34.00"));
		inbox.write(INVOICE + "notes.txt", "paid on 10 October\n");

		// when
		JobExecution execution = CloseJobRuns.start(jobOperatorTestUtils, parameters(Stage.RECONCILE));

		// then: 163.80 + 40.95 + 34.00 + 34.00 = 272.75, all of it loaded and reconciled
		assertThat(execution.getStatus()).as(execution.getExitStatus().getExitDescription())
			.isEqualTo(BatchStatus.STOPPED);
		assertThat(count("SELECT COUNT(*) FROM invoice_line WHERE line_type = 'TAX'")).isEqualTo(2);
		String warning = "2 identical lines kept: lines 4 and 5 (TAX 34.00 EUR, WABA 102290129340398)";
		assertThat(file("a-eur.csv")).extracting(FileCounts::read, FileCounts::loaded, FileCounts::rejected,
				FileCounts::note)
			.containsExactly(4L, 4L, 0L, warning);
		assertThat(rejects()).isEmpty();
		assertThat(filesAsRead(execution))
			.containsExactly(INVOICE + "a-eur.csv EUR: file 272.75 = loaded 272.75 + rejected 0.00");
		assertThat(StepExecutions.named(execution, "tieOutStep").getExitStatus().getExitDescription())
			.contains("invoice EUR: lines 204.75 + adjustments, credits and taxes 68.00 = 272.75, invoice totals 272.75",
					"; 1 invoice file as read = loaded + rejected");
		assertThat(runSheet()).contains("tie-out ok | " + INVOICE + "a-eur.csv EUR: file 272.75 = loaded 272.75 + "
				+ "rejected 0.00");
	}

	@Test
	void aLineRepeatingOneOfAnotherFileIsRejectedAndCountsAsRejectedInItsFile() throws Exception {
		// given: the tax of a-eur.csv line 4 again in a file of its own
		invoice("a-eur.csv", CH_001_USAGE, CH_002_USAGE, charge("TAX", "34.00"));
		invoice("b-eur-tax.csv", charge("TAX", "34.00"));

		// when
		JobExecution execution = CloseJobRuns.start(jobOperatorTestUtils, parameters(Stage.RECONCILE));

		// then: a-eur.csv 163.80 + 40.95 + 34.00 = 238.75 loaded; b's 34.00 rejected
		assertThat(execution.getStatus()).isEqualTo(BatchStatus.STOPPED);
		assertThat(rejects()).containsExactly(INVOICE + "b-eur-tax.csv 2 duplicate line (first seen in " + INVOICE
				+ "a-eur.csv line 4)");
		assertThat(filesAsRead(execution)).containsExactly(
				INVOICE + "a-eur.csv EUR: file 238.75 = loaded 238.75 + rejected 0.00",
				INVOICE + "b-eur-tax.csv EUR: file 34.00 = loaded 0.00 + rejected 34.00");
		assertThat(file("a-eur.csv").note()).isNull();
		assertThat(StepExecutions.named(execution, "tieOutStep").getExitStatus().getExitDescription())
			.contains("invoice EUR: lines 204.75 + adjustments, credits and taxes 34.00 = 238.75, invoice totals 238.75");
	}

	@Test
	void aRowOfAnUnknownCategoryIsRejectedAndItsFileTiesOutWithIt() throws Exception {
		// given: line 3 of a category Meta does not have, line 5 without a readable amount, line 6
		// without a readable currency
		invoice("a-eur.csv", CH_001_USAGE, usage(MONTH, "INV-EUR", CH_002, "PROMOTION", 100, "12.34", "EUR"),
				charge("TAX", "34.00"), charge("ADJUSTMENT", "n/a"), charge("ADJUSTMENT", "-2.10").replace(",EUR,", ",E,"));

		// when
		JobExecution execution = CloseJobRuns.start(jobOperatorTestUtils, parameters(Stage.RECONCILE));

		// then: read 163.80 + 12.34 + 34.00 = 210.14; loaded 163.80 + 34.00 = 197.80; rejected 12.34
		assertThat(execution.getStatus()).isEqualTo(BatchStatus.STOPPED);
		assertThat(rejects()).containsExactly(
				INVOICE + "a-eur.csv 3 pricing_category 'PROMOTION' is not a pricing category",
				INVOICE + "a-eur.csv 5 amount 'n/a' is not a number",
				INVOICE + "a-eur.csv 6 currency 'E' is not an ISO 4217 currency code");
		assertThat(filesAsRead(execution)).containsExactly(
				INVOICE + "a-eur.csv EUR: file 210.14 = loaded 197.80 + rejected 12.34"
						+ " + 1 row whose amount cannot be read (line 5)",
				INVOICE + "a-eur.csv: 1 row whose currency cannot be read (line 6)");
		assertThat(StepExecutions.named(execution, "tieOutStep").getExitStatus().getExitDescription())
			.contains("invoice EUR: lines 163.80 + adjustments, credits and taxes 34.00 = 197.80, invoice totals 197.80");
	}

	@Test
	void aLineLostAfterTheImportFailsTheTieOutNamingFileCurrencyAndDifference() throws Exception {
		// given: the month imported with its two identical tax lines, then one of them gone, as if
		// the two had been collapsed into one
		invoice("a-eur.csv", CH_001_USAGE, CH_002_USAGE, charge("TAX", "34.00"), charge("TAX", "34.00"));
		assertThat(CloseJobRuns.start(jobOperatorTestUtils, parameters(Stage.IMPORT)).getStatus()).isEqualTo(BatchStatus.STOPPED);
		assertThat(jdbc.sql("DELETE FROM invoice_line WHERE billing_month = ? AND source_line = 5").param(MONTH).update())
			.isEqualTo(1);

		// when: the reconciliation of the month
		Job reconcile = new JobBuilder("reconcileOnly", jobRepository)
			.start(reconciliationStep)
			.build();
		jobOperatorTestUtils.setJob(reconcile);
		JobExecution execution = CloseJobRuns.start(jobOperatorTestUtils, parameters(Stage.RECONCILE));

		// then: read 272.75, loaded now 238.75
		assertThat(execution.getStatus()).isEqualTo(BatchStatus.FAILED);
		assertThat(execution.getAllFailureExceptions()).extracting(Throwable::getMessage)
			.anySatisfy(message -> assertThat(message).contains("the reconciliation of 2025-09 does not tie out: ",
					"invoice EUR: lines 204.75 + adjustments, credits and taxes 34.00 = 238.75, invoice totals 272.75 "
							+ "(difference 34.00)",
					INVOICE + "a-eur.csv EUR: file 272.75 but loaded 238.75 + rejected 0.00 = 238.75 "
							+ "(difference 34.00; rows: file 4, loaded 3 + rejected 0)"));
		try (var files = Files.list(out.resolve(MONTH))) {
			assertThat(files.map(path -> path.getFileName().toString()))
				.noneMatch(name -> name.startsWith("reconciliation-"));
		}
	}

	@Test
	void aTaxLineTheLoadLosesFailsTheInvoiceStepNamingFileCurrencyAndDifferenceAndARestartLoadsIt() throws Exception {
		// given: the database drops the tax line it is given, without an error
		invoice("a-eur.csv", CH_001_USAGE, CH_002_USAGE, charge("TAX", "34.00"));
		loseTaxLinesAsTheyLoad();

		// when
		JobExecution failed = CloseJobRuns.start(jobOperatorTestUtils, parameters(Stage.IMPORT));

		// then: read 163.80 + 40.95 + 34.00 = 238.75, loaded 204.75
		assertThat(failed.getStatus()).isEqualTo(BatchStatus.FAILED);
		assertThat(StepExecutions.named(failed, "invoiceImportStep").getStatus()).isEqualTo(BatchStatus.FAILED);
		assertThat(failed.getAllFailureExceptions()).extracting(Throwable::getMessage)
			.anySatisfy(message -> assertThat(message).isEqualTo("the invoice files of 2025-09 do not tie out as read: "
					+ INVOICE + "a-eur.csv EUR: file 238.75 but loaded 204.75 + rejected 0.00 = 204.75 "
					+ "(difference 34.00; rows: file 3, loaded 2 + rejected 0)"));

		// when: the database keeps what it is given again, and the close is started again
		stopLosingTaxLines();
		JobExecution restarted = CloseJobRuns.start(jobOperatorTestUtils, parameters(Stage.IMPORT));

		// then: the invoice step ran again and loaded the month whole
		assertThat(restarted.getStatus()).isEqualTo(BatchStatus.STOPPED);
		assertThat(restarted.getJobInstanceId()).isEqualTo(failed.getJobInstanceId());
		assertThat(filesAsRead(restarted))
			.containsExactly(INVOICE + "a-eur.csv EUR: file 238.75 = loaded 238.75 + rejected 0.00");
	}

	@Test
	void aRowTheDatabaseRefusesIsCountedOnceThoughItsChunkIsWrittenAgainRowByRow() throws Exception {
		// given: the database refuses line 3, which fails the write of its chunk (lines 2 and 3);
		// Spring Batch then writes that chunk again one row at a time
		invoice("a-eur.csv", CH_001_USAGE, usage(MONTH, "INV-EUR", CH_001, "UTILITY", 100, "7.00", "EUR"),
				CH_002_USAGE, charge("TAX", "34.00"));
		jdbc.sql("ALTER TABLE invoice_line ADD CONSTRAINT injected_refusal CHECK (source_line <> 3)").update();

		// when
		JobExecution execution = CloseJobRuns.start(jobOperatorTestUtils, parameters(Stage.RECONCILE));

		// then: read 163.80 + 7.00 + 40.95 + 34.00 = 245.75; line 3's 7.00 rejected once
		assertThat(execution.getStatus()).isEqualTo(BatchStatus.STOPPED);
		assertThat(StepExecutions.named(execution, "invoiceImportStep").getRollbackCount())
			.as("the chunk was rolled back, then written row by row").isPositive();
		assertThat(rejects()).singleElement()
			.satisfies(reject -> assertThat(reject).startsWith(INVOICE + "a-eur.csv 3 refused by the database: ")
				.containsIgnoringCase("injected_refusal"));
		assertThat(file("a-eur.csv")).extracting(FileCounts::read, FileCounts::loaded, FileCounts::rejected)
			.containsExactly(4L, 3L, 1L);
		assertThat(filesAsRead(execution))
			.containsExactly(INVOICE + "a-eur.csv EUR: file 245.75 = loaded 238.75 + rejected 7.00");
		assertThat(fileTotals()).containsExactly(tuple("TAX", 1L, "34.00", 0L, "0.00"),
				tuple("USAGE", 3L, "211.75", 1L, "7.00"));
	}

	@Test
	void anInvoiceStepThatFailedHalfWayCountsEachRowOnceWhenRestarted() throws Exception {
		// given: six rows in chunks of two; the reject of line 6 cannot be recorded, which fails the
		// step in its third chunk, after the first two (lines 2 to 5, line 4 rejected) committed
		invoice("a-eur.csv", CH_001_USAGE, CH_002_USAGE, usage(MONTH, "INV-EUR", CH_001, "PROMOTION", 100, "12.34", "EUR"),
				charge("TAX", "34.00"), charge("ADJUSTMENT", "abc"), charge("ADJUSTMENT", "-2.10"));
		jdbc.sql("ALTER TABLE import_reject ADD CONSTRAINT injected_failure "
				+ "CHECK (step_name <> 'invoiceImportStep' OR line IS NULL OR line <> 6)").update();
		JobExecution failed = CloseJobRuns.start(jobOperatorTestUtils, parameters(Stage.IMPORT));
		assertThat(failed.getStatus()).isEqualTo(BatchStatus.FAILED);
		assertThat(StepExecutions.named(failed, "invoiceImportStep").getWriteCount()).isEqualTo(3);
		assertThat(count("SELECT COUNT(*) FROM invoice_file_total")).as("a failed step records no figures").isZero();

		// when: the cause is gone and the close started again
		jdbc.sql("ALTER TABLE import_reject DROP CONSTRAINT injected_failure").update();
		JobExecution restarted = CloseJobRuns.start(jobOperatorTestUtils, parameters(Stage.IMPORT));

		// then: every row once: read 163.80 + 40.95 + 12.34 + 34.00 - 2.10 = 248.99, loaded 236.65,
		// rejected 12.34 and line 6, whose amount cannot be read
		assertThat(restarted.getStatus()).isEqualTo(BatchStatus.STOPPED);
		assertThat(restarted.getJobInstanceId()).isEqualTo(failed.getJobInstanceId());
		assertThat(filesAsRead(restarted)).containsExactly(INVOICE + "a-eur.csv EUR: file 248.99 = loaded 236.65 + "
				+ "rejected 12.34 + 1 row whose amount cannot be read (line 6)");
		assertThat(fileTotals()).containsExactly(tuple("ADJUSTMENT", 2L, "-2.10", 1L, "0.00"),
				tuple("TAX", 1L, "34.00", 0L, "0.00"), tuple("USAGE", 3L, "217.09", 1L, "12.34"));
		assertThat(count("SELECT COUNT(*) FROM invoice_line")).isEqualTo(4);
		assertThat(rejects()).containsExactly(INVOICE + "a-eur.csv 4 pricing_category 'PROMOTION' is not a pricing category",
				INVOICE + "a-eur.csv 6 amount 'abc' is not a number");
		assertThat(file("a-eur.csv")).extracting(FileCounts::read, FileCounts::loaded, FileCounts::rejected)
			.containsExactly(6L, 4L, 2L);
	}

	// --- inputs

	/** An ADJUSTMENT, CREDIT or TAX line of the WABA of ch_001 and ch_002, in EUR. */
	static String charge(String lineType, String amount) {
		return "INV-EUR,2025-10-03,2025-09-01,2025-09-30,102290129340398,,,,,,,,," + amount + ",EUR," + lineType;
	}

	void invoice(String name, String... lines) throws Exception {
		InvoiceFiles.csv(inbox.root(), MONTH, name, HEADER, List.of(lines));
	}

	/**
	 * The close's parameters (run with {@link CloseJobRuns}: {@code @SpringBatchTest} takes a test
	 * class's method returning an execution for a job-scope factory); started again after the
	 * close failed, a restart.
	 */
	JobParametersBuilder parameters(Stage until) {
		return new JobParametersBuilder().addString(CloseJobParameters.MONTH, MONTH)
			.addString(CloseJobParameters.INBOX, inbox.root().toAbsolutePath().toString(), false)
			.addString(CloseJobParameters.OUT, out.toString(), false)
			.addString(CloseJobParameters.UNTIL, until.id(), false);
	}

	// --- outcomes

	/** The invoice files' figures the invoice step printed, a line each. */
	static List<String> filesAsRead(JobExecution execution) {
		String description = StepExecutions.named(execution, "invoiceImportStep").getExitStatus().getExitDescription();
		int start = description.indexOf("invoice files as read:");
		assertThat(start).as(description).isNotNegative();
		return description.substring(start + "invoice files as read:".length())
			.lines()
			.map(String::strip)
			.filter(line -> !line.isEmpty())
			.toList();
	}

	FileCounts file(String name) {
		return inputFiles.forMonth(MONTH)
			.stream()
			.filter(file -> file.sourceFile().equals(INVOICE + name))
			.findFirst()
			.orElseThrow();
	}

	/** "file line reason" of the month's invoice rejects, in line order. */
	List<String> rejects() {
		return jdbc.sql("""
				SELECT source_file || ' ' || line || ' ' || reason FROM import_reject
				WHERE billing_month = ? AND step_name = 'invoiceImportStep' ORDER BY source_file, line""")
			.param(MONTH)
			.query(String.class)
			.list();
	}

	/** a-eur.csv's EUR figures per line type: rows and amount read, rows and amount rejected. */
	List<org.assertj.core.groups.Tuple> fileTotals() {
		return jdbc.sql("""
				SELECT line_type, rows_read, amount_read, rows_rejected, amount_rejected FROM invoice_file_total
				WHERE billing_month = ? AND source_file = ? AND currency = 'EUR' ORDER BY line_type""")
			.params(MONTH, INVOICE + "a-eur.csv")
			.query((rs, n) -> tuple(rs.getString(1), rs.getLong(2), rs.getBigDecimal(3).setScale(2).toPlainString(),
					rs.getLong(4), rs.getBigDecimal(5).setScale(2).toPlainString()))
			.list();
	}

	long count(String sql) {
		return jdbc.sql(sql).query(Long.class).single();
	}

	/** The partner workbook's Run sheet, "item | value" a row. */
	List<String> runSheet() throws Exception {
		List<String> rows = new ArrayList<>();
		try (InputStream in = Files.newInputStream(out.resolve(MONTH + "/reconciliation-" + MONTH + ".xlsx"));
				Workbook workbook = new XSSFWorkbook(in)) {
			workbook.getSheet("Run").forEach(row -> rows.add(row.getCell(0).getStringCellValue() + " | "
					+ (row.getCell(1) == null ? "" : row.getCell(1).toString())));
		}
		return rows;
	}

}
