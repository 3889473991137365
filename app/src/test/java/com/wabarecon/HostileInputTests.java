package com.wabarecon;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import com.opencsv.CSVReader;
import com.wabarecon.invoice.InvoiceFiles;

import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.test.JobOperatorTestUtils;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Input written to attack the outputs, through the whole close (issue 9): client ids that climb
 * out of the output folder ({@code ../evil}, {@code ..}), and text that a spreadsheet would run
 * as a formula in a client's name, an invoice id and a rejected line. Nothing
 * is written outside the output folder, and no CSV field or workbook cell of the close's outputs
 * runs as a formula: such text is prefixed with {@code '} in the CSVs and quote-prefixed (shown
 * as text) in the workbooks.
 * <p>
 * Hostile rows are many of the few: the close allows any share of rejects, the test being about
 * where outputs go and what they run, not the guard that refuses a close with that many rejects
 * (GuardedCloseTests).
 */
@CloseJobTest
class HostileInputTests {

	static final String MONTH = "2025-09";

	static final String FORMULA_NAME = "=HYPERLINK(\"http://evil.example\",\"Click\")";

	static final String FORMULA_INVOICE = "=HYPERLINK(\"http://evil.example\",\"Pay here\")";

	@Autowired
	JobOperatorTestUtils jobOperatorTestUtils;

	@Autowired
	JdbcClient jdbc;

	@TempDir
	Path dir;

	@Test
	void nothingIsWrittenOutsideTheOutputFolderAndNoOutputRunsAFormula() throws Exception {
		// given
		TestInbox inbox = TestInbox.withSampleReferenceData(dir.resolve("inbox"));
		append(inbox.root().resolve("directory/clients.csv"), """
				../evil,Path Client,d@evil.example,USD,en-US
				..,Dots,e@evil.example,USD,en-US
				c_007,"=HYPERLINK(""http://evil.example"",""Click"")",billing@c7.example,EUR,de-DE
				""");
		append(inbox.root().resolve("directory/channels.csv"), """
				ch_013,c_007,777000000000001,777000000000011,4930555000,Europe/Berlin,EUR,PARTNER
				../ch,c_001,102290129340398,106540352249999,4930555001,Europe/Berlin,EUR,PARTNER
				ch_014,../evil,777000000000002,777000000000021,4930555002,Europe/Berlin,EUR,PARTNER
				""");
		inbox.write(MONTH + "/invoice/hostile.csv", InvoiceFiles.HEADER + "\n"
				+ "\"=HYPERLINK(\"\"http://evil.example\"\",\"\"Pay here\"\")\",2025-10-03,2025-09-01,2025-09-30,777000000000001,"
				+ "777000000000011,@SUM(1+1),DE,MARKETING,REGULAR,0:MAX,100,0.1365,13.65,EUR,USAGE\n"
				+ "=cmd|' /C calc'!A0,2025-10-03,2025-09-01,2025-09-30,777000000000001,,,,,,,,,-1.00,EUR,+CHARGE\n");
		// the month's estimate: a close without any is refused before its reconciliation (GuardedCloseTests)
		inbox.write(MONTH + "/usage/ch_001.json", """
				{"channel_id": "ch_001", "currency": "EUR", "granularity": "DAILY", "usage": [
				 {"start": 1757455200, "end": 1757541600, "country": "DE", "pricing_category": "MARKETING",
				  "pricing_type": "REGULAR", "volume": 10, "cost": 1.365}]}
				""");
		Path out = dir.resolve("sandbox/out");

		// when
		JobExecution execution = CloseJobRuns.runAllowingRejects(jobOperatorTestUtils, inbox.root(), out, MONTH, Stage.DELIVERY);

		// then: the close completes; the climbing ids are rejected, and nothing is outside the output folder
		assertThat(execution.getStatus()).isEqualTo(BatchStatus.COMPLETED);
		assertThat(jdbc.sql("SELECT reason FROM import_reject").query(String.class).list())
			.anySatisfy(reason -> assertThat(reason).startsWith("client_id '../evil' may hold only"))
			.anySatisfy(reason -> assertThat(reason).startsWith("client_id '..' may hold only"))
			.anySatisfy(reason -> assertThat(reason).startsWith("channel_id '../ch' may hold only"));
		try (Stream<Path> sandbox = Files.list(dir.resolve("sandbox"))) {
			assertThat(sandbox.map(path -> path.getFileName().toString())).containsExactly("out");
		}
		try (Stream<Path> all = Files.walk(out)) {
			List<Path> files = all.filter(Files::isRegularFile).toList();
			assertThat(files).allSatisfy(file -> assertThat(file.toRealPath()).startsWith(out.toRealPath()))
				.noneSatisfy(file -> assertThat(out.relativize(file).toString()).contains("evil"));
			assertThat(files).extracting(file -> out.relativize(file).toString())
				.contains(MONTH + "/c_007/statement-c_007-2025-09.pdf", MONTH + "/outbox/c_007.eml");
		}

		// and: the CSVs prefix formula text with ', the workbooks show it as text
		List<String[]> rejects = csv(out.resolve(MONTH).resolve("rejects-" + MONTH + ".csv"));
		assertThat(rejects).anySatisfy(row -> assertThat(row[3]).startsWith("'=cmd|"));
		assertThat(rejects).allSatisfy(HostileInputTests::noFormula);
		assertThat(csv(out.resolve(MONTH).resolve("reconciliation-" + MONTH + ".csv"))).hasSizeGreaterThan(1)
			.allSatisfy(HostileInputTests::noFormula);
		assertThat(textCells(out.resolve(MONTH).resolve("reconciliation-" + MONTH + ".xlsx")))
			.contains(FORMULA_INVOICE);
		assertThat(textCells(out.resolve(MONTH).resolve("c_007/statement-c_007-2025-09.xlsx")))
			.contains(FORMULA_NAME, FORMULA_INVOICE);
	}

	private static void append(Path file, String rows) throws IOException {
		Files.writeString(file, rows, StandardOpenOption.APPEND);
	}

	private static List<String[]> csv(Path file) throws Exception {
		try (CSVReader reader = new CSVReader(Files.newBufferedReader(file, StandardCharsets.UTF_8))) {
			return reader.readAll();
		}
	}

	/** No field a spreadsheet would run: one starting with = + - @, a tab or CR is a number or is quoted. */
	private static void noFormula(String[] row) {
		for (String field : row) {
			if (!field.isEmpty() && "=+-@\t\r".indexOf(field.charAt(0)) >= 0) {
				assertThat(field).as("a field that starts like a formula").matches("-?[0-9]+(\\.[0-9]+)?");
			}
		}
	}

	/**
	 * The text of the workbook's cells, after checking that no cell runs text as a formula: the
	 * formulas there are the workbook's own sums (a sum that may hold an unknown amount says
	 * "unknown" instead: {@code IF(COUNTIFS(...)>0,"unknown",SUMIF(...))}), and every text cell that starts like a formula
	 * is quote-prefixed.
	 */
	private static List<String> textCells(Path xlsx) throws IOException {
		List<String> texts = new ArrayList<>();
		try (InputStream in = Files.newInputStream(xlsx); XSSFWorkbook workbook = new XSSFWorkbook(in)) {
			for (Sheet sheet : workbook) {
				for (Row row : sheet) {
					for (Cell cell : row) {
						if (cell.getCellType() == CellType.FORMULA) {
							assertThat(cell.getCellFormula()).as("a formula of " + sheet.getSheetName())
								.matches("(SUM|SUMIF|SUMIFS|COUNTIF|COUNTIFS|IF\\(COUNTIFS)\\(.*").doesNotContain("HYPERLINK", "cmd");
						}
						else if (cell.getCellType() == CellType.STRING) {
							String text = cell.getStringCellValue();
							if (!text.isEmpty() && "=+-@\t\r".indexOf(text.charAt(0)) >= 0) {
								assertThat(cell.getCellStyle().getQuotePrefixed()).as("'" + text + "' in "
										+ sheet.getSheetName() + " is shown as text").isTrue();
							}
							texts.add(text);
						}
					}
				}
			}
		}
		return texts;
	}

}
