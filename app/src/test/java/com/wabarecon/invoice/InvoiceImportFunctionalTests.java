package com.wabarecon.invoice;

import static com.wabarecon.invoice.InvoiceFiles.HEADER;
import static com.wabarecon.invoice.InvoiceFiles.usage;
import static com.wabarecon.invoice.InvoiceStepRuns.importInvoice;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import com.wabarecon.CloseJobTest;
import com.wabarecon.support.accounting.FileCounts;
import com.wabarecon.support.accounting.InputFileRepository;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.step.Step;
import org.springframework.batch.core.step.StepExecution;
import org.springframework.batch.test.JobOperatorTestUtils;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The invoice step on the embedded database (H2 in PostgreSQL mode), against the sample
 * invoices and invoice files generated per test.
 */
@CloseJobTest
class InvoiceImportFunctionalTests {

	static final Path SAMPLE_INBOX = Path.of("sample-invoices");

	static final String MONTH = "2025-09";

	@Autowired
	JobOperatorTestUtils jobOperatorTestUtils;

	@Autowired
	@Qualifier(InvoiceStepRuns.STEP)
	Step invoiceImportStep;

	@Autowired
	@Qualifier("inboxStep")
	Step inboxStep;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	InputFileRepository inputFiles;

	@TempDir
	Path inbox;

	@Test
	void importsTheSampleInvoicesOfSeptemberCanonicalCsvAndAliasedXlsx() {
		// when
		StepExecution step = importInvoice(jobOperatorTestUtils, inboxStep, invoiceImportStep, SAMPLE_INBOX, "2025-09");

		// then
		assertThat(step.getStatus()).isEqualTo(BatchStatus.COMPLETED);
		assertThat(rejects("2025-09")).isEmpty();
		assertThat(step.getWriteCount()).as("10 CSV lines, 20 XLSX lines (rows 5 to 24), 3 voice lines").isEqualTo(33);
		// the invoice step ran alone: the month's other files are listed, unread
		assertThat(inputFiles.forMonth("2025-09")).filteredOn(file -> file.stepName().equals("invoiceImportStep"))
			.extracting(FileCounts::sourceFile, FileCounts::read, FileCounts::loaded, FileCounts::rejected,
					FileCounts::skipped)
			.containsExactly(tuple("2025-09/invoice/meta-invoice-2025-09-EUR.csv", 10L, 10L, 0L, 0L),
					tuple("2025-09/invoice/meta-invoice-2025-09-USD-INR-BRL.xlsx", 20L, 20L, 0L, 0L),
					tuple("2025-09/invoice/meta-invoice-2025-09-calls.csv", 3L, 3L, 0L, 0L));

		Map<String, Object> csvLine = jdbc.sql("""
				SELECT * FROM invoice_line WHERE phone_number_id = '106540352242922' AND pricing_category = 'MARKETING'""")
			.query()
			.singleRow();
		assertThat((BigDecimal) csvLine.get("amount")).isEqualByComparingTo("163.80");
		assertThat(csvLine).containsEntry("volume", 1200L)
			.containsEntry("currency", "EUR")
			.containsEntry("invoice_id", "INV-2025-09-EUR-0042")
			.containsEntry("source_file", "2025-09/invoice/meta-invoice-2025-09-EUR.csv")
			.containsEntry("source_line", 2L);

		Map<String, Object> xlsxLine = jdbc.sql("SELECT * FROM invoice_line WHERE amount = 7767.90").query().singleRow();
		assertThat(xlsxLine).containsEntry("currency", "INR")
			.containsEntry("pricing_category", "MARKETING")
			.containsEntry("volume", 9000L)
			.containsEntry("source_file", "2025-09/invoice/meta-invoice-2025-09-USD-INR-BRL.xlsx");
		assertThat(date(xlsxLine.get("invoice_date"))).isEqualTo(LocalDate.of(2025, 10, 3));
		assertThat(date(xlsxLine.get("period_start"))).isEqualTo(LocalDate.of(2025, 9, 1));
		assertThat(date(xlsxLine.get("period_end"))).isEqualTo(LocalDate.of(2025, 9, 30));
		assertThat((BigDecimal) xlsxLine.get("unit_rate")).isEqualByComparingTo("0.8631");

		Map<String, Object> wabaLevel = jdbc.sql("""
				SELECT * FROM invoice_line WHERE waba_id = '405566778899001' AND pricing_category = 'UTILITY'""")
			.query()
			.singleRow();
		assertThat(wabaLevel.get("phone_number_id")).isNull();
		assertThat(wabaLevel).containsEntry("volume", 2000L).containsEntry("pricing_type", "REGULAR");
		assertThat((BigDecimal) wabaLevel.get("amount")).isEqualByComparingTo("8.00");

		assertThat(fileTotals("2025-09")).containsExactly(
				"2025-09/invoice/meta-invoice-2025-09-EUR.csv EUR ADJUSTMENT 1 -2.10 0 0.00",
				"2025-09/invoice/meta-invoice-2025-09-EUR.csv EUR TAX 1 34.00 0 0.00",
				"2025-09/invoice/meta-invoice-2025-09-EUR.csv EUR USAGE 8 897.15 0 0.00",
				"2025-09/invoice/meta-invoice-2025-09-USD-INR-BRL.xlsx BRL USAGE 2 1547.10 0 0.00",
				"2025-09/invoice/meta-invoice-2025-09-USD-INR-BRL.xlsx INR USAGE 12 28667.88 0 0.00",
				"2025-09/invoice/meta-invoice-2025-09-USD-INR-BRL.xlsx USD CREDIT 1 -25.00 0 0.00",
				"2025-09/invoice/meta-invoice-2025-09-USD-INR-BRL.xlsx USD USAGE 5 81.91 0 0.00",
				"2025-09/invoice/meta-invoice-2025-09-calls.csv EUR USAGE 1 6.83 0 0.00",
				"2025-09/invoice/meta-invoice-2025-09-calls.csv INR USAGE 1 153.68 0 0.00",
				"2025-09/invoice/meta-invoice-2025-09-calls.csv USD USAGE 1 1.41 0 0.00");
		// 897.15 - 2.10 + 34.00; 81.91 - 25.00
		assertThat(filesAsRead(step)).containsExactly(
				"2025-09/invoice/meta-invoice-2025-09-EUR.csv EUR: file 929.05 = loaded 929.05 + rejected 0.00",
				"2025-09/invoice/meta-invoice-2025-09-USD-INR-BRL.xlsx BRL: file 1547.10 = loaded 1547.10 + rejected 0.00",
				"2025-09/invoice/meta-invoice-2025-09-USD-INR-BRL.xlsx INR: file 28667.88 = loaded 28667.88 + rejected 0.00",
				"2025-09/invoice/meta-invoice-2025-09-USD-INR-BRL.xlsx USD: file 56.91 = loaded 56.91 + rejected 0.00",
				"2025-09/invoice/meta-invoice-2025-09-calls.csv EUR: file 6.83 = loaded 6.83 + rejected 0.00",
				"2025-09/invoice/meta-invoice-2025-09-calls.csv INR: file 153.68 = loaded 153.68 + rejected 0.00",
				"2025-09/invoice/meta-invoice-2025-09-calls.csv USD: file 1.41 = loaded 1.41 + rejected 0.00");
		Map<String, Object> tax = jdbc.sql("""
				SELECT * FROM invoice_line WHERE line_type = 'TAX'""").query().singleRow();
		assertThat(tax.get("pricing_category")).isNull();
		assertThat(tax.get("phone_number_id")).isNull();
		assertThat(tax.get("volume")).isNull();
	}

	@Test
	void importsTheJuneSampleWithTwoInvoicesInOneFileAndTotalsEachCurrency() {
		// when
		StepExecution step = importInvoice(jobOperatorTestUtils, inboxStep, invoiceImportStep, SAMPLE_INBOX, "2025-06");

		// then
		assertThat(step.getWriteCount()).isEqualTo(11);
		// EUR: 210.83 of usage and 19.00 of tax
		assertThat(filesAsRead(step)).containsExactly(
				"2025-06/invoice/meta-invoice-2025-06.csv EUR: file 229.83 = loaded 229.83 + rejected 0.00",
				"2025-06/invoice/meta-invoice-2025-06.csv INR: file 6593.84 = loaded 6593.84 + rejected 0.00");
		assertThat(jdbc.sql("SELECT pricing_type FROM invoice_line WHERE volume = 60").query(String.class).single())
			.isEqualTo("FREE_ENTRY_POINT");
	}

	@Test
	void aMonthWithoutInvoiceFolderImportsNothingAndSaysSo() {
		// when
		StepExecution step = importInvoice(jobOperatorTestUtils, inboxStep, invoiceImportStep, inbox, "2025-07");

		// then
		assertThat(step.getStatus()).isEqualTo(BatchStatus.COMPLETED);
		assertThat(step.getWriteCount()).isZero();
		assertThat(step.getExitStatus().getExitDescription())
			.isEqualTo("2025-07/invoice/: no invoice folder: no invoice imported for 2025-07");
		assertThat(inputFiles.forMonth("2025-07")).isEmpty();
	}

	@Test
	void aFileWithoutARequiredColumnIsRefusedNamingTheColumnAndTheOtherFilesLoad() throws Exception {
		// given
		InvoiceFiles.csv(inbox, MONTH, "a-no-amount.csv", HEADER.replace(",amount", ",total"),
				List.of(usage(MONTH, "INV-1", "106540352242922", "MARKETING", 10, "1.37", "EUR")));
		goodInvoice("b-good.csv");

		// when
		StepExecution step = importInvoice(jobOperatorTestUtils, inboxStep, invoiceImportStep, inbox, MONTH);

		// then
		assertThat(step.getStatus()).isEqualTo(BatchStatus.COMPLETED);
		assertThat(rejects(MONTH)).containsOnlyKeys("2025-09/invoice/a-no-amount.csv:null")
			.hasEntrySatisfying("2025-09/invoice/a-no-amount.csv:null", reason -> assertThat(reason).startsWith(
					"2025-09/invoice/a-no-amount.csv line 1: missing required column(s) amount (the header has: "));
		assertThat(count()).isEqualTo(2);
		assertThat(file("2025-09/invoice/a-no-amount.csv").note()).startsWith("refused: ").contains("amount");
		assertThat(file("2025-09/invoice/b-good.csv").loaded()).isEqualTo(2);
		assertThat(filesAsRead(step)).containsExactly("2025-09/invoice/a-no-amount.csv: no row read, the file is refused whole",
				"2025-09/invoice/b-good.csv EUR: file 204.75 = loaded 204.75 + rejected 0.00");
	}

	@Test
	void anInvoiceOfAnotherPeriodIsRefusedWholeAndTheOtherFileLoads() throws Exception {
		// given
		InvoiceFiles.csv(inbox, MONTH, "a-august.csv", HEADER,
				List.of(usage(MONTH, "INV-1", "106540352242922", "MARKETING", 10, "1.37", "EUR"),
						usage("2025-08", "INV-1", "106540352242922", "UTILITY", 20, "1.10", "EUR"),
						usage(MONTH, "INV-1", "106540352242923", "MARKETING", 30, "4.10", "EUR")));
		goodInvoice("b-good.csv");

		// when
		StepExecution step = importInvoice(jobOperatorTestUtils, inboxStep, invoiceImportStep, inbox, MONTH);

		// then
		assertThat(step.getStatus()).isEqualTo(BatchStatus.COMPLETED);
		String reason = "invoice period 2025-08-01..2025-08-31 is not the month being closed (2025-09)";
		assertThat(rejects(MONTH)).containsOnly(Map.entry("2025-09/invoice/a-august.csv:2", reason),
				Map.entry("2025-09/invoice/a-august.csv:3", reason),
				Map.entry("2025-09/invoice/a-august.csv:4", reason));
		assertThat(lines("SELECT DISTINCT source_file FROM invoice_line")).containsExactly("2025-09/invoice/b-good.csv");
		FileCounts refused = file("2025-09/invoice/a-august.csv");
		assertThat(refused.read()).isEqualTo(3);
		assertThat(refused.rejected()).isEqualTo(3);
		assertThat(refused.note()).isEqualTo("refused, nothing loaded: " + reason);
		// 1.37 + 1.10 + 4.10, every row refused with its file
		assertThat(filesAsRead(step)).containsExactly("2025-09/invoice/a-august.csv EUR: file 6.57 = loaded 0.00 + rejected 6.57",
				"2025-09/invoice/b-good.csv EUR: file 204.75 = loaded 204.75 + rejected 0.00");
	}

	@Test
	void badRowsAreRejectedWithTheirReasonAndTheOthersLoadAndTheFileTiesOutWithThem() throws Exception {
		// given
		String good = usage(MONTH, "INV-1", "106540352242922", "MARKETING", 1200, "163.80", "EUR");
		InvoiceFiles.csv(inbox, MONTH, "bad-rows.csv", HEADER, List.of(good,
				usage(MONTH, "INV-1", "106540352242923", "MARKETING", 0, "0", "EUR").replace(",0,0.1365,", ",12x,0.1365,"),
				usage(MONTH, "INV-1", "106540352242924", "MARKETING", 10, "abc", "EUR"),
				usage(MONTH, "INV-1", "106540352242925", "MARKETING", 10, "1.37", "EURO"),
				usage(MONTH, "INV-1", "106540352242926", "MARKETING", 10, "1.37", "EUR").replace(",USAGE", ",REFUND"),
				usage(MONTH, "INV-1", "106540352242922", "MARKETING", 1200, "163.8", "EUR"),
				usage(MONTH, "INV-1", "106540352242927", "PROMOTION", 10, "1.37", "EUR"),
				"INV-1,2025-10-03,2025-09-01,2025-09-30,102290129340398,,,,,,,,,5.00,EUR,CREDIT",
				"",
				"INV-1,2025-10-03,2025-09-01,2025-09-30,102290129340398,,,,,,,,,-2.10,EUR,ADJUSTMENT"));

		// when
		StepExecution step = importInvoice(jobOperatorTestUtils, inboxStep, invoiceImportStep, inbox, MONTH);

		// then
		assertThat(step.getStatus()).isEqualTo(BatchStatus.COMPLETED);
		String file = "2025-09/invoice/bad-rows.csv:";
		assertThat(rejects(MONTH)).containsOnly(Map.entry(file + "3", "volume '12x' is not a whole number"),
				Map.entry(file + "4", "amount 'abc' is not a number"),
				Map.entry(file + "5", "currency 'EURO' is not an ISO 4217 currency code"),
				Map.entry(file + "6", "line_type 'REFUND' is not one of [USAGE, ADJUSTMENT, CREDIT, TAX]"),
				Map.entry(file + "8", "pricing_category 'PROMOTION' is not a pricing category"),
				Map.entry(file + "9", "a CREDIT line's amount must be negative (it is 5.00)"));
		FileCounts counts = file("2025-09/invoice/bad-rows.csv");
		assertThat(counts).extracting(FileCounts::read, FileCounts::loaded, FileCounts::rejected, FileCounts::skipped)
			.containsExactly(10L, 3L, 6L, 1L);
		assertThat(counts.note()).as("line 7 is line 2 again, in the same file: kept")
			.isEqualTo("2 identical lines kept: lines 2 and 7 (USAGE MARKETING 1200 messages 163.80 EUR, "
					+ "WABA 102290129340398, phone number 106540352242922)");
		assertThat(lines("SELECT line_type FROM invoice_line ORDER BY source_line")).containsExactly("USAGE", "USAGE",
				"ADJUSTMENT");
		// read: 163.80 + 0 (line 3) + 1.37 (6) + 163.8 (7) + 1.37 (8) + 5.00 (9) - 2.10 = 333.24;
		// loaded: 163.80 + 163.80 - 2.10 = 325.50; rejected: 0 + 1.37 + 1.37 + 5.00 = 7.74
		assertThat(filesAsRead(step)).containsExactly(
				"2025-09/invoice/bad-rows.csv EUR: file 333.24 = loaded 325.50 + rejected 7.74"
						+ " + 1 row whose amount cannot be read (line 4)",
				"2025-09/invoice/bad-rows.csv: 1 row whose currency cannot be read (line 5)");
	}

	@Test
	void theSameInvoiceCopiedTwiceIntoTheFolderIsRefusedWholeAsACopyAndLoadsOnce() throws Exception {
		// given
		Path first = goodInvoice("a.csv");
		Files.copy(first, first.resolveSibling("b-copy.csv"));

		// when
		StepExecution step = importInvoice(jobOperatorTestUtils, inboxStep, invoiceImportStep, inbox, MONTH);

		// then: the copy is never read; 163.80 + 40.95 once
		assertThat(step.getWriteCount()).isEqualTo(2);
		assertThat(rejects(MONTH)).hasSize(1).hasEntrySatisfying("2025-09/invoice/b-copy.csv:null",
				reason -> assertThat(reason).startsWith("a copy of 2025-09/invoice/a.csv (the same content, SHA-256 "));
		assertThat(filesAsRead(step)).containsExactly("2025-09/invoice/a.csv EUR: file 204.75 = loaded 204.75 + rejected 0.00");
	}

	@Test
	void aLineRepeatingOneOfAnotherFileIsRejectedNamingTheFirst() throws Exception {
		// given: the copy differs by a line of its own, so it is no copy of the file
		Path first = goodInvoice("a.csv");
		String content = Files.readString(first);
		Files.writeString(first.resolveSibling("b-more.csv"), content + (content.endsWith("\n") ? "" : "\n")
				+ InvoiceFiles.usage(MONTH, "INV-1", "106540352242923", "MARKETING", 10, "1.37", "EUR") + "\n");

		// when
		StepExecution step = importInvoice(jobOperatorTestUtils, inboxStep, invoiceImportStep, inbox, MONTH);

		// then
		assertThat(step.getWriteCount()).isEqualTo(3);
		assertThat(rejects(MONTH)).containsOnly(
				Map.entry("2025-09/invoice/b-more.csv:2", "duplicate line (first seen in 2025-09/invoice/a.csv line 2)"),
				Map.entry("2025-09/invoice/b-more.csv:3", "duplicate line (first seen in 2025-09/invoice/a.csv line 3)"));
		// 163.80 + 40.95 in each, and 1.37 more in b
		assertThat(filesAsRead(step)).containsExactly("2025-09/invoice/a.csv EUR: file 204.75 = loaded 204.75 + rejected 0.00",
				"2025-09/invoice/b-more.csv EUR: file 206.12 = loaded 1.37 + rejected 204.75");
	}

	@Test
	void corruptPasswordProtectedAndZipBombWorkbooksAreRefusedWithAClearErrorAndTheOtherFileLoads() throws Exception {
		// given
		Files.writeString(InvoiceFiles.invoiceFile(inbox, MONTH, "a-not-a-workbook.xlsx"), "invoice_id,amount\n");
		byte[] sample = Files.readAllBytes(
				SAMPLE_INBOX.resolve("2025-09/invoice/meta-invoice-2025-09-USD-INR-BRL.xlsx"));
		Files.write(InvoiceFiles.invoiceFile(inbox, MONTH, "b-truncated.xlsx"),
				java.util.Arrays.copyOf(sample, sample.length / 2));
		InvoiceFiles.passwordProtectedXlsx(inbox, MONTH, "c-password.xlsx");
		InvoiceFiles.zipBombXlsx(inbox, MONTH, "d-zip-bomb.xlsx");
		goodInvoice("e-good.csv");

		// when
		StepExecution step = importInvoice(jobOperatorTestUtils, inboxStep, invoiceImportStep, inbox, MONTH);

		// then
		assertThat(step.getStatus()).isEqualTo(BatchStatus.COMPLETED);
		assertThat(count()).isEqualTo(2);
		Map<String, String> rejects = rejects(MONTH);
		assertThat(rejects).hasSize(4)
			.containsEntry("2025-09/invoice/a-not-a-workbook.xlsx:null",
					"2025-09/invoice/a-not-a-workbook.xlsx: is not an XLSX workbook (corrupt, or another kind of file)")
			.containsEntry("2025-09/invoice/c-password.xlsx:null",
					"2025-09/invoice/c-password.xlsx: is a password-protected (encrypted) workbook: save it without a password");
		assertThat(rejects.get("2025-09/invoice/b-truncated.xlsx:null"))
			.startsWith("2025-09/invoice/b-truncated.xlsx: cannot be ");
		assertThat(rejects.get("2025-09/invoice/d-zip-bomb.xlsx:null")).contains("Zip bomb detected");
		assertThat(file("2025-09/invoice/c-password.xlsx").note()).contains("password-protected");
		assertThat(filesAsRead(step)).containsExactly(
				"2025-09/invoice/a-not-a-workbook.xlsx: no row read, the file is refused whole",
				"2025-09/invoice/b-truncated.xlsx: no row read, the file is refused whole",
				"2025-09/invoice/c-password.xlsx: no row read, the file is refused whole",
				"2025-09/invoice/d-zip-bomb.xlsx: no row read, the file is refused whole",
				"2025-09/invoice/e-good.csv EUR: file 204.75 = loaded 204.75 + rejected 0.00");
	}

	@Test
	void importingAgainReplacesTheMonthAndASecondInvoiceIsAdded() throws Exception {
		// given
		goodInvoice("a-eur.csv");
		importInvoice(jobOperatorTestUtils, inboxStep, invoiceImportStep, inbox, MONTH);

		// when
		importInvoice(jobOperatorTestUtils, inboxStep, invoiceImportStep, inbox, MONTH);

		// then
		assertThat(count()).isEqualTo(2);
		assertThat(fileTotals(MONTH)).containsExactly("2025-09/invoice/a-eur.csv EUR USAGE 2 204.75 0 0.00");

		// given
		InvoiceFiles.xlsx(inbox, MONTH, "b-usd.xlsx",
				List.of(usage(MONTH, "INV-USD", "409912345600001", "MARKETING", 600, "15", "USD"),
						usage(MONTH, "INV-USD", "409912345600002", "MARKETING", 100, "136.5", "USD")));

		// when
		StepExecution step = importInvoice(jobOperatorTestUtils, inboxStep, invoiceImportStep, inbox, MONTH);

		// then
		assertThat(count()).isEqualTo(4);
		assertThat(fileTotals(MONTH)).containsExactly("2025-09/invoice/a-eur.csv EUR USAGE 2 204.75 0 0.00",
				"2025-09/invoice/b-usd.xlsx USD USAGE 2 151.50 0 0.00");
		assertThat(filesAsRead(step)).containsExactly("2025-09/invoice/a-eur.csv EUR: file 204.75 = loaded 204.75 + rejected 0.00",
				"2025-09/invoice/b-usd.xlsx USD: file 151.50 = loaded 151.50 + rejected 0.00");
		assertThat(lines("SELECT CAST(amount AS VARCHAR(30)) FROM invoice_line WHERE currency = 'USD' ORDER BY amount"))
			.containsExactly("15.000000", "136.500000");
	}

	private Path goodInvoice(String name) throws Exception {
		return InvoiceFiles.csv(inbox, MONTH, name, HEADER,
				List.of(usage(MONTH, "INV-EUR", "106540352242922", "MARKETING", 1200, "163.80", "EUR"),
						usage(MONTH, "INV-EUR", "106540352242923", "MARKETING", 300, "40.95", "EUR")));
	}

	private long count() {
		return jdbc.sql("SELECT COUNT(*) FROM invoice_line").query(Long.class).single();
	}

	private FileCounts file(String name) {
		return inputFiles.forMonth(MONTH).stream().filter(file -> file.sourceFile().equals(name)).findFirst().orElseThrow();
	}

	/** "file:line" → reason. */
	Map<String, String> rejects(String month) {
		return jdbc.sql("SELECT source_file, line, reason FROM import_reject WHERE billing_month = ? ORDER BY reject_id")
			.param(month)
			.query((rs, n) -> Map.entry(rs.getString(1) + ":" + rs.getString(2), rs.getString(3)))
			.list()
			.stream()
			.collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue, (a, b) -> a + " | " + b,
					java.util.LinkedHashMap::new));
	}

	/** "file currency type rows-read amount-read rows-rejected amount-rejected", in that order. */
	List<String> fileTotals(String month) {
		return jdbc.sql("""
				SELECT source_file, currency, line_type, rows_read, amount_read, rows_rejected, amount_rejected
				FROM invoice_file_total WHERE billing_month = ? ORDER BY source_file, currency, line_type""")
			.param(month)
			.query((rs, n) -> rs.getString(1) + " " + rs.getString(2) + " " + rs.getString(3) + " " + rs.getLong(4)
					+ " " + rs.getBigDecimal(5).setScale(2).toPlainString() + " " + rs.getLong(6) + " "
					+ rs.getBigDecimal(7).setScale(2).toPlainString())
			.list();
	}

	/** The invoice files' tie-out the step printed, a line each. */
	static List<String> filesAsRead(StepExecution step) {
		String description = step.getExitStatus().getExitDescription();
		int start = description.indexOf("invoice files as read:");
		assertThat(start).as(description).isNotNegative();
		return description.substring(start + "invoice files as read:".length()).lines().map(String::strip)
			.filter(line -> !line.isEmpty())
			.toList();
	}

	static LocalDate date(Object value) {
		return value instanceof java.sql.Date sql ? sql.toLocalDate() : (LocalDate) value;
	}

	List<String> lines(String sql, Object... params) {
		return jdbc.sql(sql).params(params).query(String.class).list();
	}

}
