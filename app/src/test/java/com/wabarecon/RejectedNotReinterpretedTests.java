package com.wabarecon;

import static com.wabarecon.BadInputCorpusTests.CH_001;
import static com.wabarecon.BadInputCorpusTests.CH_002;
import static com.wabarecon.BadInputCorpusTests.INVOICE;
import static com.wabarecon.BadInputCorpusTests.MONTH;
import static com.wabarecon.BadInputCorpusTests.OCT_2;
import static com.wabarecon.BadInputCorpusTests.USAGE;
import static com.wabarecon.BadInputCorpusTests.WEBHOOKS;
import static com.wabarecon.BadInputCorpusTests.export;
import static com.wabarecon.BadInputCorpusTests.invoiceLine;
import static com.wabarecon.BadInputCorpusTests.invoiceLines;
import static com.wabarecon.BadInputCorpusTests.row;
import static com.wabarecon.BadInputCorpusTests.status;
import static com.wabarecon.BadInputCorpusTests.volume;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.function.Consumer;
import java.util.zip.GZIPOutputStream;

import com.wabarecon.invoice.InvoiceFiles;
import com.wabarecon.support.accounting.FileCounts;
import com.wabarecon.support.accounting.InputFileRepository;

import org.apache.poi.ss.usermodel.Row;
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
 * Rows that cannot be right are rejected, not reinterpreted (issue 21): each test writes a
 * month's inbox holding one such fault beside valid rows, runs the real close until the import,
 * and checks that the close completes, that the fault is rejected with its file, line and
 * reason, that the valid rows beside it load, and that the file's rows balance. Every file is
 * generated per test (workbooks with POI), so nothing odd or big is committed.
 */
@CloseJobTest
class RejectedNotReinterpretedTests {

	/** 2025-10-10T08:00:00Z, the time of {@link BadInputCorpusTests#status}. */
	static final long OCT_10 = Instant.parse("2025-10-10T08:00:00Z").getEpochSecond();

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

	TestInbox inbox;

	@BeforeEach
	void newInbox() throws IOException {
		inbox = TestInbox.withSampleReferenceData(dir);
	}

	// --- timestamps

	@Test
	void aStartInMillisecondsIsRejectedAsMilliseconds() throws Exception {
		inbox.write(USAGE + "ch_001.json", export("ch_001", row(10),
				row(7).replace("\"start\": " + OCT_2, "\"start\": " + OCT_2 * 1000), row(5)));

		close();

		assertRejects(new Expected(USAGE + "ch_001.json", 3L,
				"start 1759356000000 looks like milliseconds, not epoch seconds"));
		assertThat(volume(jdbc, "ch_001")).isEqualTo(15);
		assertCounts(USAGE + "ch_001.json", 3, 2, 1, 0);
	}

	@Test
	void aStartFarFromTheMonthIsRejectedWhileAPlausibleOtherMonthIsSkipped() throws Exception {
		// given: 2100-01-01 (no date of this close), and 1 August 2025 (another month's row, as before)
		long aug1 = Instant.parse("2025-08-01T10:00:00Z").getEpochSecond();
		inbox.write(USAGE + "ch_001.json", export("ch_001", row(10),
				row(7).replace("\"start\": " + OCT_2, "\"start\": 4102444800").replace("\"end\": " + (OCT_2 + 86400),
						"\"end\": 4102531200"),
				row(3).replace("\"start\": " + OCT_2, "\"start\": " + aug1).replace("\"end\": " + (OCT_2 + 86400),
						"\"end\": " + (aug1 + 86400))));

		close();

		assertRejects(new Expected(USAGE + "ch_001.json", 3L,
				"start 4102444800 is not a plausible date for 2025-10 (2100-01-01 is more than 366 days after the month); "
						+ "end 4102531200 is not a plausible date for 2025-10 (2100-01-02 is more than 366 days after the month)"));
		assertThat(volume(jdbc, "ch_001")).isEqualTo(10);
		assertCounts(USAGE + "ch_001.json", 3, 1, 1, 1);
	}

	@Test
	void aRowThatEndsBeforeItStartsIsRejected() throws Exception {
		inbox.write(USAGE + "ch_001.json", export("ch_001", row(10),
				row(7).replace("\"end\": " + (OCT_2 + 86400), "\"end\": " + (OCT_2 - 3600))));

		close();

		assertRejects(new Expected(USAGE + "ch_001.json", 3L, "end 1759352400 is before start 1759356000"));
		assertThat(volume(jdbc, "ch_001")).isEqualTo(10);
		assertCounts(USAGE + "ch_001.json", 2, 1, 1, 0);
	}

	@Test
	void aWebhookTimestampInMillisecondsIsRejected() throws Exception {
		inbox.write(WEBHOOKS + "ch_002.ndjson", String.join("\n", status(CH_002, "wamid.T1", "delivered"),
				status(CH_002, "wamid.T2", "delivered").replace("\"" + OCT_10 + "\"", "\"" + OCT_10 * 1000 + "\""),
				status(CH_002, "wamid.T3", "delivered")) + "\n");

		close();

		assertRejects(new Expected(WEBHOOKS + "ch_002.ndjson", 2L,
				"timestamp 1760083200000 looks like milliseconds, not epoch seconds"));
		assertThat(volume(jdbc, "ch_002")).isEqualTo(2);
		assertCounts(WEBHOOKS + "ch_002.ndjson", 3, 2, 1, 0);
	}

	@Test
	void aBalancePeriodInMillisecondsIsRejected() throws Exception {
		inbox.write(USAGE + "ch_001.balance.json", balance(balancePeriod("\"2025-10-02\"", 10),
				balancePeriod(Long.toString(OCT_2 * 1000), 20), balancePeriod(Long.toString(OCT_2), 5)));

		close();

		assertRejects(new Expected(USAGE + "ch_001.balance.json", 3L,
				"period_date 1759356000000 looks like milliseconds, not epoch seconds"));
		assertThat(volume(jdbc, "ch_001")).isEqualTo(15);
		assertCounts(USAGE + "ch_001.balance.json", 3, 2, 1, 0);
	}

	// --- repeated JSON keys

	@Test
	void aUsageRowThatRepeatsAKeyIsRejectedNamingIt() throws Exception {
		inbox.write(USAGE + "ch_001.json", export("ch_001", row(10),
				row(7).replace("\"volume\": 7", "\"volume\": 7, \"volume\": 70"), row(5)));

		close();

		assertRejects(new Expected(USAGE + "ch_001.json", 3L,
				"the row gives 'volume' more than once: which value holds cannot be known"));
		assertThat(volume(jdbc, "ch_001")).isEqualTo(15);
		assertCounts(USAGE + "ch_001.json", 3, 2, 1, 0);
	}

	@Test
	void aUsageExportThatRepeatsATopLevelKeyHasEveryRowRejected() throws Exception {
		// given: ch_001's export names a second channel after its rows; ch_002's export is sound
		inbox.write(USAGE + "a-ch_001.json", export("ch_001", row(10), row(5)).replace("\n]}", "\n], \"channel_id\": \"ch_002\"}"));
		inbox.write(USAGE + "b-ch_002.json", export("ch_002", row(4)));

		close();

		String reason = "the document's top level gives 'channel_id' more than once: which value holds cannot be known";
		assertRejects(new Expected(USAGE + "a-ch_001.json", 2L, reason), new Expected(USAGE + "a-ch_001.json", 3L, reason));
		assertThat(volume(jdbc, "ch_001")).isZero();
		assertThat(volume(jdbc, "ch_002")).isEqualTo(4);
		assertCounts(USAGE + "a-ch_001.json", 2, 0, 2, 0);
	}

	@Test
	void aBalancePeriodThatRepeatsAKeyIsRejectedNamingIt() throws Exception {
		inbox.write(USAGE + "ch_001.balance.json", balance(balancePeriod("\"2025-10-02\"", 10),
				balancePeriod("\"2025-10-03\"", 20).replace("\"marketing_price\"", "\"marketing_quantity\": 2, \"marketing_price\""),
				balancePeriod("\"2025-10-04\"", 5)));

		close();

		assertRejects(new Expected(USAGE + "ch_001.balance.json", 3L,
				"the row gives 'marketing_quantity' more than once: which value holds cannot be known"));
		assertThat(volume(jdbc, "ch_001")).isEqualTo(15);
		assertCounts(USAGE + "ch_001.balance.json", 3, 2, 1, 0);
	}

	@Test
	void aWebhookPayloadThatRepeatsAKeyIsRejectedNamingIt() throws Exception {
		// given: the second payload's status says both delivered and failed
		inbox.write(WEBHOOKS + "ch_002.ndjson", String.join("\n", status(CH_002, "wamid.D1", "delivered"),
				status(CH_002, "wamid.D2", "delivered").replace("\"status\":\"delivered\"",
						"\"status\":\"delivered\",\"status\":\"failed\""),
				status(CH_002, "wamid.D3", "delivered")) + "\n");

		close();

		assertRejects(new Expected(WEBHOOKS + "ch_002.ndjson", 2L, "the payload gives 'status' in "
				+ "/entry/0/changes/0/value/statuses/0 more than once: which value holds cannot be known"));
		assertThat(rejectPositions()).containsExactly("column 256");
		assertThat(volume(jdbc, "ch_002")).isEqualTo(2);
		assertCounts(WEBHOOKS + "ch_002.ndjson", 3, 2, 1, 0);
	}

	// --- recipients

	@Test
	void aRecipientIdThatIsNotAPhoneNumberIsRejected() throws Exception {
		inbox.write(WEBHOOKS + "ch_002.ndjson", String.join("\n", status(CH_002, "wamid.R1", "delivered"),
				status(CH_002, "wamid.R2", "delivered").replace("4915112345678", "group.123abc"),
				status(CH_002, "wamid.R3", "delivered").replace("4915112345678", "9990001112")) + "\n");

		close();

		assertRejects(
				new Expected(WEBHOOKS + "ch_002.ndjson", 2L,
						"recipient_id 'group.123abc' is not a phone number (libphonenumber finds no country in it)"),
				new Expected(WEBHOOKS + "ch_002.ndjson", 3L,
						"recipient_id '9990001112' is not a phone number (libphonenumber finds no country in it)"));
		assertThat(jdbc.sql("SELECT country FROM usage_estimate WHERE billing_month = ? AND channel_id = 'ch_002'")
			.param(MONTH)
			.query(String.class)
			.list()).containsExactly("DE");
		assertThat(volume(jdbc, "ch_002")).isEqualTo(1);
	}

	// --- gzip

	@Test
	void aTruncatedGzipWebhookFileKeepsItsCompleteLinesAndRejectsTheBreak() throws Exception {
		// given: two whole payloads and half of the third, and the gzip stream ends there
		String third = status(CH_002, "wamid.G3", "delivered");
		writeBytes(WEBHOOKS + "ch_002.ndjson.gz", cutGzip(status(CH_002, "wamid.G1", "delivered") + "\n"
				+ status(CH_002, "wamid.G2", "delivered") + "\n" + third.substring(0, 100)));

		close();

		assertRejects(new Expected(WEBHOOKS + "ch_002.ndjson.gz", 3L,
				"the gzip stream ends early (the file is truncated): line 3 is incomplete, and nothing after it can be read"));
		assertThat(volume(jdbc, "ch_002")).isEqualTo(2);
		assertCounts(WEBHOOKS + "ch_002.ndjson.gz", 3, 2, 1, 0);
	}

	// --- contradictions between a usage export's identifiers and the directory

	@Test
	void anExportWhoseClientIdIsNotItsChannelsClientHasItsRowsRejected() throws Exception {
		inbox.write(USAGE + "a-ch_001.json", withTopLevel(export("ch_001", row(10), row(5)), "\"client_id\": \"c_002\""));
		inbox.write(USAGE + "b-ch_002.json", withTopLevel(export("ch_002", row(4)), "\"client_id\": \"c_001\""));

		close();

		String reason = "client_id 'c_002' is not the client of channel ch_001 (c_001 in directory/channels.csv)";
		assertRejects(new Expected(USAGE + "a-ch_001.json", 2L, reason), new Expected(USAGE + "a-ch_001.json", 3L, reason));
		assertThat(volume(jdbc, "ch_001")).isZero();
		assertThat(volume(jdbc, "ch_002")).isEqualTo(4);
		assertCounts(USAGE + "a-ch_001.json", 2, 0, 2, 0);
	}

	@Test
	void anExportWhosePhoneNumberIdIsAnotherChannelsHasItsRowsRejected() throws Exception {
		inbox.write(USAGE + "a-ch_001.json",
				withTopLevel(export("ch_001", row(10)), "\"phone_number_id\": \"" + CH_002 + "\""));
		inbox.write(USAGE + "b-ch_001.json", withTopLevel(export("ch_001", row(6)), "\"phone_number_id\": \"" + CH_001 + "\""));

		close();

		assertRejects(new Expected(USAGE + "a-ch_001.json", 2L, "phone_number_id '" + CH_002
				+ "' is not the phone number id of channel ch_001 (" + CH_001 + " in directory/channels.csv)"));
		assertThat(volume(jdbc, "ch_001")).isEqualTo(6);
	}

	@Test
	void anEnvelopeRowOfAnotherChannelsDisplayNumberUnderAChannelIdIsRejected() throws Exception {
		// given: Meta's envelope saved with a channel_id, holding a row of ch_002's display number
		inbox.write(USAGE + "ch_001.json", """
				{"channel_id": "ch_001", "pricing_analytics": {"data": [{"data_points": [
				 %s,
				 %s
				]}]}}
				""".formatted(row(10).replace("}", ", \"phone_number\": \"4930123456\"}"),
				row(4).replace("}", ", \"phone_number\": \"+49 40 987654\"}")));

		close();

		assertRejects(new Expected(USAGE + "ch_001.json", 3L, "phone_number '+49 40 987654' is not the display number "
				+ "of channel ch_001 (4930123456 in directory/channels.csv)"));
		assertThat(volume(jdbc, "ch_001")).isEqualTo(10);
		assertThat(volume(jdbc, "ch_002")).isZero();
	}

	@Test
	void aBalanceExportWhoseChannelIdContradictsItsFileNameIsRejected() throws Exception {
		inbox.write(USAGE + "ch_001.balance.json",
				balance(balancePeriod("\"2025-10-02\"", 10)).replace("{\"currency\"", "{\"channel_id\": \"ch_002\", \"currency\""));
		inbox.write(USAGE + "ch_002.balance.json", balance(balancePeriod("\"2025-10-02\"", 7)));

		close();

		assertRejects(new Expected(USAGE + "ch_001.balance.json", 2L,
				"channel_id 'ch_002' contradicts the file name, which names channel ch_001"));
		assertThat(volume(jdbc, "ch_001")).isZero();
		assertThat(volume(jdbc, "ch_002")).isEqualTo(7);
	}

	// --- workbooks

	@Test
	void anInvoiceAmountFormulaSavedWithoutItsValueIsEvaluated() throws Exception {
		// given: the Invoice lines sheet's amounts are =L*M with no cached value, as many tools write them
		workbook("a-uncached.xlsx", sheets -> {
			Sheet sheet = invoiceSheet(sheets, "Invoice lines", List.of(invoiceLine(CH_001, 10), invoiceLine(CH_002, 20)));
			uncachedFormula(sheet.getRow(1), "L2*M2");
			uncachedFormula(sheet.getRow(2), "L3*M3");
		});

		close();

		assertRejects();
		assertThat(amounts(INVOICE + "a-uncached.xlsx")).containsExactly(new BigDecimal("1.365000"),
				new BigDecimal("2.730000"));
	}

	@Test
	void anInvoiceFormulaThatCannotBeEvaluatedRejectsItsRowNamingTheCell() throws Exception {
		// given: line 4's amount sums the lines above it, with no cached value
		workbook("a-sum.xlsx", sheets -> uncachedFormula(invoiceSheet(sheets, "Invoice lines",
				List.of(invoiceLine(CH_001, 10), invoiceLine(CH_002, 20), invoiceLine(CH_002, 30))).getRow(3), "SUM(N2:N3)"));

		close();

		assertRejects(new Expected(INVOICE + "a-sum.xlsx", 4L, "sheet 'Invoice lines' cell N4: formula =SUM(N2:N3) has no "
				+ "value and cannot be evaluated: it refers to N2:N3, outside its row"));
		assertThat(invoiceLines(jdbc, INVOICE + "a-sum.xlsx")).isEqualTo(2);
		assertCounts(INVOICE + "a-sum.xlsx", 3, 2, 1, 0);
	}

	@Test
	void aHiddenSheetBeforeTheVisibleInvoiceIsNotRead() throws Exception {
		// given: a hidden first sheet of the same shape whose amounts are 50 % higher, then the visible invoice
		workbook("a-hidden-first.xlsx", sheets -> {
			invoiceSheet(sheets, "Draft", List.of(invoiceLine(CH_001, 10).replace(",1.3650,", ",2.0475,")));
			invoiceSheet(sheets, "Sheet1", List.of(invoiceLine(CH_001, 10)));
			sheets.setSheetHidden(0, true);
		});

		close();

		assertRejects();
		assertThat(amounts(INVOICE + "a-hidden-first.xlsx")).containsExactly(new BigDecimal("1.365000"));
	}

	@Test
	void aWorkbookWhoseOnlySheetIsHiddenIsRefused() throws Exception {
		workbook("a-hidden.xlsx", sheets -> {
			invoiceSheet(sheets, "Sheet1", List.of(invoiceLine(CH_001, 10)));
			sheets.setSheetHidden(0, true);
		});
		inbox.write(INVOICE + "b-good.csv", InvoiceFiles.HEADER + "\n" + invoiceLine(CH_002, 20) + "\n");

		close();

		assertRejects(new Expected(INVOICE + "a-hidden.xlsx", null, INVOICE + "a-hidden.xlsx: has no sheet named 'Invoice lines' "
				+ "and every sheet is hidden: hidden sheets are never read"));
		assertThat(invoiceLines(jdbc, INVOICE + "a-hidden.xlsx")).isZero();
		assertThat(invoiceLines(jdbc, INVOICE + "b-good.csv")).isEqualTo(1);
	}

	// --- the inputs

	/** A legacy balance export with the given periods, one a line (the first on line 2). */
	static String balance(String... periods) {
		return "{\"currency\": \"EUR\", \"usage\": [\n " + String.join(",\n ", periods) + "\n]}\n";
	}

	/** A balance period of paid marketing messages at 0.1365 each. */
	static String balancePeriod(String periodDate, long quantity) {
		return "{\"period_date\": %s, \"marketing_quantity\": %d, \"marketing_paid_quantity\": %d, \"marketing_price\": %s}"
			.formatted(periodDate, quantity, quantity, new BigDecimal("0.1365").multiply(BigDecimal.valueOf(quantity)));
	}

	/** An export with more top-level fields, before its rows. */
	static String withTopLevel(String export, String fields) {
		return export.replaceFirst("\\{", "{" + fields + ", ");
	}

	/** The text gzip-compressed as far as it goes, without the stream's end: a file cut off. */
	static byte[] cutGzip(String text) throws IOException {
		ByteArrayOutputStream bytes = new ByteArrayOutputStream();
		GZIPOutputStream gzip = new GZIPOutputStream(bytes, true);
		gzip.write(text.getBytes(StandardCharsets.UTF_8));
		gzip.flush();
		return bytes.toByteArray();
	}

	void writeBytes(String relative, byte[] bytes) throws IOException {
		Path file = inbox.root().resolve(relative);
		Files.createDirectories(file.getParent());
		Files.write(file, bytes);
	}

	/** An XLSX invoice of the month, its sheets written by {@code sheets}. */
	void workbook(String name, Consumer<XSSFWorkbook> sheets) throws IOException {
		Path file = InvoiceFiles.invoiceFile(inbox.root(), MONTH, name);
		try (XSSFWorkbook workbook = new XSSFWorkbook(); OutputStream output = Files.newOutputStream(file)) {
			sheets.accept(workbook);
			workbook.write(output);
		}
	}

	/**
	 * A sheet with the canonical header on row 1 and the lines below it, volume, unit rate and
	 * amount (columns L, M, N) as numbers, the rest as text.
	 */
	static Sheet invoiceSheet(XSSFWorkbook workbook, String name, List<String> lines) {
		Sheet sheet = workbook.createSheet(name);
		String[] header = InvoiceFiles.HEADER.split(",");
		Row first = sheet.createRow(0);
		for (int i = 0; i < header.length; i++) {
			first.createCell(i).setCellValue(header[i]);
		}
		for (int r = 0; r < lines.size(); r++) {
			Row row = sheet.createRow(r + 1);
			String[] values = lines.get(r).split(",", -1);
			for (int i = 0; i < values.length; i++) {
				if (i >= 11 && i <= 13) {
					row.createCell(i).setCellValue(Double.parseDouble(values[i]));
				}
				else {
					row.createCell(i).setCellValue(values[i]);
				}
			}
		}
		return sheet;
	}

	/** The row's amount (column N) as a formula without a value: a new cell, since POI keeps an old one's value as the result. */
	static void uncachedFormula(Row row, String formula) {
		row.removeCell(row.getCell(13));
		row.createCell(13).setCellFormula(formula);
	}

	// --- the checks

	void close() throws Exception {
		JobExecution execution = CloseJobRuns.run(jobOperatorTestUtils, inbox.root(), out, MONTH, Stage.IMPORT, null);
		assertThat(execution.getStatus()).as(execution.getExitStatus().getExitDescription())
			.isEqualTo(BatchStatus.STOPPED);
		assertThat(inputFiles.forMonth(MONTH)).as("the month's input files")
			.allSatisfy(file -> assertThat(file.balanced()).as(file.toString()).isTrue());
	}

	/** A reject the test expects: its file, line ({@code null} for a whole file) and reason. */
	record Expected(String file, Long line, String reason) {
	}

	/** The month's rejects are exactly these. */
	void assertRejects(Expected... expected) {
		List<Expected> rejects = jdbc
			.sql("SELECT source_file, line, reason FROM import_reject WHERE billing_month = ? ORDER BY source_file, line")
			.param(MONTH)
			.query((rs, n) -> new Expected(rs.getString(1), (Long) rs.getObject(2, Long.class), rs.getString(3)))
			.list();
		assertThat(rejects).containsExactlyInAnyOrder(expected);
	}

	List<String> rejectPositions() {
		return jdbc.sql("SELECT position FROM import_reject WHERE billing_month = ?").param(MONTH).query(String.class).list();
	}

	void assertCounts(String file, long read, long loaded, long rejected, long skipped) {
		assertThat(inputFiles.forMonth(MONTH)).filteredOn(counts -> counts.sourceFile().equals(file))
			.extracting(FileCounts::read, FileCounts::loaded, FileCounts::rejected, FileCounts::skipped)
			.containsExactly(tuple(read, loaded, rejected, skipped));
	}

	List<BigDecimal> amounts(String sourceFile) {
		return jdbc.sql("SELECT amount FROM invoice_line WHERE billing_month = ? AND source_file = ? ORDER BY source_line")
			.params(MONTH, sourceFile)
			.query(BigDecimal.class)
			.list();
	}

}
