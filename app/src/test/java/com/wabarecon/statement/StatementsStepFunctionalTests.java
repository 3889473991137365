package com.wabarecon.statement;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;

import com.wabarecon.CloseJobTest;
import com.wabarecon.usage.MonthPartitions;

import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.step.StepExecution;
import org.springframework.batch.test.JobOperatorTestUtils;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The statements step on the embedded database, over reconciliation lines, invoice lines and
 * estimates shaped as the earlier stages leave them; the files are read back as a person and
 * an accountant would.
 */
@CloseJobTest
class StatementsStepFunctionalTests {

	static final String MONTH = "2025-09";

	static final String FORMULA_NAME = "=HYPERLINK(\"http://x\",\"y\")";

	@Autowired
	JobOperatorTestUtils jobOperatorTestUtils;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	MonthPartitions months;

	@TempDir
	Path out;

	StatementFixture fixture;

	@BeforeEach
	void twoClients() {
		fixture = new StatementFixture(jdbc, months);
		fixture.clear();
		fixture.client("c_001", "Müller Feinkost GmbH", "EUR", "de-DE")
			.client("c_002", FORMULA_NAME, "USD", "en-US")
			.channel("ch_001", "c_001", "102290129340398", "106540352242922", "4930123456", "EUR")
			.channel("ch_002", "c_001", "102290129340398", "106540352242923", "4940987654", "EUR")
			.channel("ch_003", "c_001", "405566778899001", "409912345600001", "12125550100", "USD")
			.channel("ch_009", "c_002", "506677889900112", "501012345678901", "15550001111", "USD")
			.line(MONTH, "c_001", "102290129340398", "106540352242922", "ch_001", "4930123456", "MARKETING", "EUR", 1200,
					1200, "163.80", "163.80", "MATCHED", null, "INV-2025-09-EUR-0042")
			.line(MONTH, "c_001", "102290129340398", "106540352242922", "ch_001", "4930123456", "UTILITY", "EUR", 500, 500,
					"27.50", "30.00", "OVER_INVOICED", "rate differs: invoice 0.0600 against rate card 0.0550",
					"INV-2025-09-EUR-0042")
			.line(MONTH, "c_001", "102290129340398", "106540352242923", "ch_002", "4940987654", "MARKETING", "EUR", 2400,
					2402, "327.60", "327.87", "WITHIN_TOLERANCE", "volume differs by 2 messages", "INV-2025-09-EUR-0042")
			.line(MONTH, "c_001", "405566778899001", null, null, null, "UTILITY", "USD", 2000, 2000, "8.00", "8.00",
					"MATCHED", null, "INV-2025-09-USD-0007")
			.line(MONTH, "c_002", "506677889900112", "501012345678901", "ch_009", "15550001111", "MARKETING", "USD", 100,
					100, "2.50", "2.50", "MATCHED", null, "INV-2025-09-USD-0007")
			.line(MONTH, null, "999000111222333", "999000111222001", null, null, "MARKETING", "EUR", 0, 10, "0", "1.37",
					"UNKNOWN_CHANNEL", "WABA 999000111222333 is not in the directory", "INV-2025-09-EUR-0042")
			.charge(MONTH, "INV-2025-09-EUR-0042", "102290129340398", "ADJUSTMENT", "-2.10", "EUR")
			.charge(MONTH, "INV-2025-09-EUR-0042", "102290129340398", "TAX", "34.00", "EUR")
			.charge(MONTH, "INV-2025-09-USD-0007", "405566778899001", "CREDIT", "-25.00", "USD")
			.charge(MONTH, "INV-2025-09-USD-0007", "506677889900112", "TAX", "0.50", "USD");
		for (int day = 1; day <= 30; day++) {
			LocalDate date = LocalDate.of(2025, 9, day);
			fixture.day(MONTH, "ch_001", "c_001", date, "MARKETING", "REGULAR", 40, "5.46", "EUR")
				.day(MONTH, "ch_001", "c_001", date, "SERVICE", "FREE_CUSTOMER_SERVICE", 15 + day % 7, "0", "EUR")
				.day(MONTH, "ch_009", "c_002", date, "MARKETING", "REGULAR", 3, "0.075", "USD");
		}
	}

	@Test
	void rendersAPdfAndAWorkbookPerClientAndRecordsThem() throws Exception {
		// when
		StepExecution step = StatementStepRuns.render(jobOperatorTestUtils, out, MONTH, null);

		// then
		assertThat(step.getStatus()).isEqualTo(BatchStatus.COMPLETED);
		assertThat(step.getReadCount()).as("the clients with lines; the unknown channel's line belongs to none")
			.isEqualTo(2);
		assertThat(step.getWriteCount()).isEqualTo(2);
		for (String client : List.of("c_001", "c_002")) {
			assertThat(pdf(client)).isRegularFile();
			assertThat(xlsx(client)).isRegularFile();
		}
		assertThat(jdbc.sql("SELECT client_id, pdf_path, xlsx_path FROM statement_file WHERE billing_month = ? ORDER BY 1")
			.param(MONTH)
			.query((rs, row) -> rs.getString(1) + " " + rs.getString(2) + " " + rs.getString(3))
			.list()).containsExactly("c_001 " + pdf("c_001") + " " + xlsx("c_001"),
					"c_002 " + pdf("c_002") + " " + xlsx("c_002"));
		try (var folder = Files.list(out.resolve(MONTH).resolve("c_001"))) {
			assertThat(folder.map(path -> path.getFileName().toString()))
				.as("no temporary file left beside the statements")
				.containsExactlyInAnyOrder("statement-c_001-2025-09.pdf", "statement-c_001-2025-09.xlsx");
		}
	}

	@Test
	void everyPageIsNumberedAndTheUsageChartsFollowTheTablesWithoutAPageBetween() throws Exception {
		// when
		StatementStepRuns.render(jobOperatorTestUtils, out, MONTH, "c_001");

		// then: c_001's tables fill page 1; the charts need a page of their own, with their heading
		// (c_001 reads German: de-DE)
		List<String> pages = StatementFiles.pdfPageTexts(pdf("c_001"));
		assertThat(pages).hasSize(2);
		assertThat(pages.get(0)).contains("Seite 1 von 2", "Im Vergleich zu August 2025")
			.doesNotContain("Nutzung im Monatsverlauf");
		assertThat(pages.get(1)).contains("Seite 2 von 2", "Nutzung im Monatsverlauf (Schätzungen)",
				"Nachrichten je Kategorie und Tag", "Geschätzte Kosten je Kategorie und Tag (EUR)", "Tag des Monats");
	}

	@Test
	void thePdfShowsTheReconciliationsTotalsInTheClientsLocale() throws Exception {
		// when
		StatementStepRuns.render(jobOperatorTestUtils, out, MONTH, "c_001");

		// then
		String text = StatementFiles.pdfText(pdf("c_001"));
		Locale german = Locale.GERMANY;
		// c_001 reads German (de-DE); its lines' reasons were stored without phrases: they show as written
		assertThat(text).contains("Müller Feinkost GmbH", "September 2025", "INV-2025-09-EUR-0042",
				"INV-2025-09-USD-0007", "+4930123456", "WABA 405566778899001 (alle Kanäle)",
				"rate differs: invoice 0.0600 against rate card 0.0550", "Zu viel berechnet", "Seite 1 von",
				"Abrechnungsmonat", "Zusammenfassung", "Zeilen je Status: Übereinstimmend 2 · Innerhalb der Toleranz 1 · "
						+ "Zu viel berechnet 1")
			.doesNotContain("Over-invoiced", "Summary", "Page 1");
		for (String currency : List.of("EUR", "USD")) {
			BigDecimal estimated = sum("estimated_amount", "c_001", currency);
			BigDecimal invoiced = sum("invoiced_amount", "c_001", currency);
			BigDecimal difference = sum("amount_delta", "c_001", currency);
			BigDecimal grandTotal = invoiced.add(charges("c_001", currency));
			assertThat(text).as(currency + " totals")
				.contains(currency + " " + StatementFiles.money(estimated, german) + " "
						+ StatementFiles.money(invoiced, german) + " " + StatementFiles.money(difference, german));
			assertThat(text).contains(StatementFiles.money(grandTotal, german));
		}
		assertThat(StatementFiles.money(sum("invoiced_amount", "c_001", "EUR"), german)).isEqualTo("521,67");
		assertThat(text).contains("553,57") // 521.67 - 2.10 + 34.00
			.contains("Summe EUR 4.100 4.102 2 518,90 521,67 2,77")
			.contains("Anpassung", "-2,10", "Steuer", "34,00", "Gutschrift", "-25,00")
			// the USD total cannot be put in c_001's EUR without an agreed rate: said, never left out
			.contains("In EUR, Ihrer Abrechnungswährung, ist die Gesamtsumme des Monats unbekannt: für September 2025 "
					+ "gibt es keinen\nvereinbarten Wechselkurs USD→EUR.");
	}

	@Test
	void theWorkbookAddsUpToTheReconciliationWithFormulas() throws Exception {
		// when
		StatementStepRuns.render(jobOperatorTestUtils, out, MONTH, "c_001");

		// then
		try (XSSFWorkbook workbook = StatementFiles.workbook(xlsx("c_001"))) {
			assertThat(workbook.getSheetAt(0).getSheetName()).isEqualTo("Summary");
			assertThat(List.of(workbook.getSheetName(1), workbook.getSheetName(2), workbook.getSheetName(3)))
				.containsExactly("Lines", "Daily", "Discrepancies");
			Sheet summary = workbook.getSheet("Summary");
			for (String currency : List.of("EUR", "USD")) {
				Row row = StatementFiles.row(summary, "Währung", currency);
				assertThat(row.getCell(2).getCellType()).isEqualTo(CellType.FORMULA);
				assertThat(StatementFiles.number(workbook, row.getCell(1))).isEqualTo(sum("estimated_amount", "c_001", currency));
				assertThat(StatementFiles.number(workbook, row.getCell(2))).isEqualTo(sum("invoiced_amount", "c_001", currency));
				assertThat(StatementFiles.number(workbook, row.getCell(3))).isEqualTo(sum("amount_delta", "c_001", currency));
				assertThat(StatementFiles.number(workbook, row.getCell(7)))
					.isEqualTo(sum("invoiced_amount", "c_001", currency).add(charges("c_001", currency)));
			}
			assertThat(StatementFiles.number(workbook, StatementFiles.row(summary, "Währung", "EUR").getCell(7)))
				.isEqualByComparingTo("553.57");

			Sheet lines = workbook.getSheet("Lines");
			assertThat(lines.getRow(0).getCell(0).getStringCellValue()).isEqualTo("billing_month");
			assertThat(lines.getPaneInformation().isFreezePane()).isTrue();
			assertThat(((org.apache.poi.xssf.usermodel.XSSFSheet) lines).getCTWorksheet().getAutoFilter().getRef()).isEqualTo("A1:T5");
			Cell invoiced = lines.getRow(1).getCell(10);
			assertThat(invoiced.getCellType()).as("numbers are number cells").isEqualTo(CellType.NUMERIC);
			assertThat(invoiced.getCellStyle().getDataFormatString()).isEqualTo("#,##0.00 \"EUR\"");
			Row eurTotal = StatementFiles.row(lines, null, "Summe");
			assertThat(eurTotal.getCell(10).getCellFormula()).isEqualTo("SUMIF($F$2:$F$5,\"EUR\",K$2:K$5)");
			assertThat(StatementFiles.number(workbook, eurTotal.getCell(10))).isEqualTo(sum("invoiced_amount", "c_001", "EUR"));

			Sheet daily = workbook.getSheet("Daily");
			assertThat(daily.getLastRowNum()).as("header, 60 rows, a blank row, the total").isEqualTo(62);
			Row dailyTotal = StatementFiles.row(daily, null, "Summe");
			assertThat(dailyTotal.getCell(3).getCellFormula()).isEqualTo("SUM(D$2:D$61)");
			assertThat(StatementFiles.number(workbook, dailyTotal.getCell(3))).isEqualByComparingTo("1200");
			assertThat(StatementFiles.number(workbook, dailyTotal.getCell(6))).isEqualByComparingTo("163.80");

			Sheet discrepancies = workbook.getSheet("Discrepancies");
			assertThat(discrepancies.getLastRowNum()).isEqualTo(1);
			assertThat(discrepancies.getRow(1).getCell(10).getStringCellValue()).isEqualTo("OVER_INVOICED");
		}
	}

	@Test
	void aClientNamedLikeAFormulaStaysTextInBothFilesAndSeesOnlyItsOwnData() throws Exception {
		// when
		StatementStepRuns.render(jobOperatorTestUtils, out, MONTH, null);

		// then
		String text = StatementFiles.pdfText(pdf("c_002"));
		assertThat(text).contains(FORMULA_NAME, "+15550001111", "INV-2025-09-USD-0007")
			.doesNotContain("Müller", "4930123456", "INV-2025-09-EUR-0042", "999000111222333", "405566778899001");
		try (XSSFWorkbook workbook = StatementFiles.workbook(xlsx("c_002"))) {
			Cell name = StatementFiles.row(workbook.getSheet("Summary"), null, "Client").getCell(1);
			assertThat(name.getCellType()).isEqualTo(CellType.STRING);
			assertThat(name.getStringCellValue()).isEqualTo(FORMULA_NAME);
			assertThat(name.getCellStyle().getQuotePrefixed()).as("Excel shows it as text, never runs it").isTrue();
			for (Sheet sheet : workbook) {
				assertThat(StatementFiles.texts(sheet)).as(sheet.getSheetName())
					.noneMatch(cell -> cell.contains("Müller") || cell.contains("4930123456")
							|| cell.contains("INV-2025-09-EUR-0042") || cell.contains("405566778899001"));
			}
			Sheet discrepancies = workbook.getSheet("Discrepancies");
			assertThat(discrepancies.getRow(1).getCell(0).getStringCellValue())
				.isEqualTo("No discrepancies this month: every line matched the invoice or was within tolerance.");
		}
	}

	@Test
	void aClientWithCallsGetsACallsSheetOfItsCountedCallsPerDayAndDirection() throws Exception {
		// given: c_001's calls; one day's webhook call and export aggregate add up, one call is not
		// priced, one row is outside the count (a cross-check)
		fixture.calls(MONTH, "ch_001", "c_001", LocalDate.of(2025, 9, 3), "BUSINESS_INITIATED", 1, 56, 10, "0.10", "EUR",
				false, true)
			.calls(MONTH, "ch_002", "c_001", LocalDate.of(2025, 9, 3), "BUSINESS_INITIATED", 12, 1140, 192, "2.28", "EUR",
					true, true)
			.calls(MONTH, "ch_001", "c_001", LocalDate.of(2025, 9, 4), "USER_INITIATED", 5, 200, 0, "0", "EUR", true, true)
			.calls(MONTH, "ch_001", "c_001", LocalDate.of(2025, 9, 5), "BUSINESS_INITIATED", 1, 61, 11, null, "EUR", false,
					true)
			.calls(MONTH, "ch_001", "c_001", LocalDate.of(2025, 9, 6), "BUSINESS_INITIATED", 9, 900, 90, "1.00", "EUR",
					false, false)
			// August: 10 calls, 600 s
			.calls("2025-08", "ch_001", "c_001", LocalDate.of(2025, 8, 20), "BUSINESS_INITIATED", 10, 600, 100, "1.20",
					"EUR", false, true)
			// the invoice's voice line of ch_001: 21.3 minutes against 20.2 estimated, in pulses
			.line(MONTH, "c_001", "102290129340398", "106540352242922", "ch_001", "4930123456", "VOICE", "EUR", 202, 213,
					"2.38", "2.49", "WITHIN_TOLERANCE", "volume differs: +1.1 minutes", "INV-2025-09-EUR-0042");

		// when
		StatementStepRuns.render(jobOperatorTestUtils, out, MONTH, null);

		// then the PDF's Voice calls section, in German: 19 calls against 10 (+90,0 %); talk time
		// 1,457 s = 24,3 minutes against 10,0 (+143,0 %); 1,457 / 19 = 76.7 s, 1 min 17 s, against 60 s
		// (+28,3 %); a cost that cannot be known, so no change; the voice line in minutes
		String pdf = StatementFiles.pdfText(pdf("c_001")).replaceAll("\\s+", " ");
		assertThat(pdf).contains("Anrufe Anrufe gesamt 19 +90,0 %", "Minuten gesamt 24,3 Min. +143,0 %",
				"Durchschnittliche Dauer 1 Min. 17 s +28,3 %", "Geschätzte Kosten unbekannt EUR",
				"Veränderung gegenüber August 2025", "Anrufe pro Tag, ausgehend und eingehend",
				"Ausgehend (vom Unternehmen)", "Eingehend (vom Nutzer)", "Gesamte Gesprächsdauer pro Tag (Minuten)",
				"ihre abrechenbaren Minuten sind aus dem Durchschnitt geschätzt",
				"Anrufe (Minuten) 20,2 21,3 1,1 2,38 2,49");
		assertThat(StatementFiles.pdfText(pdf("c_002"))).doesNotContain("Voice calls", "Total calls");

		// then: 3 September is 13 calls, 1,196 s, 202 pulses (20.2 minutes), 2.38 EUR, approximate;
		// the month 19 calls, 1,457 s, 21.3 minutes, and a cost that cannot be known (5 September)
		try (XSSFWorkbook workbook = StatementFiles.workbook(xlsx("c_001"))) {
			Sheet calls = workbook.getSheet("Calls");
			List<String> rows = new java.util.ArrayList<>();
			for (int r = 1; r <= 3; r++) {
				Row row = calls.getRow(r);
				rows.add(row.getCell(0).getLocalDateTimeCellValue().toLocalDate() + " " + row.getCell(1).getStringCellValue()
						+ " " + (long) row.getCell(3).getNumericCellValue() + " " + (long) row.getCell(4).getNumericCellValue()
						+ " " + BigDecimal.valueOf(row.getCell(5).getNumericCellValue()).stripTrailingZeros().toPlainString()
						+ " " + (row.getCell(6).getCellType() == CellType.NUMERIC
								? BigDecimal.valueOf(row.getCell(6).getNumericCellValue()).stripTrailingZeros().toPlainString()
								: row.getCell(6).getStringCellValue())
						+ " " + row.getCell(7).getStringCellValue());
			}
			assertThat(rows).containsExactly("2025-09-03 BUSINESS_INITIATED 13 1196 20.2 2.38 approximate",
					"2025-09-04 USER_INITIATED 5 200 0 0 approximate", "2025-09-05 BUSINESS_INITIATED 1 61 1.1 unbekannt exact");
			Row total = StatementFiles.row(calls, null, "Summe");
			assertThat(StatementFiles.number(workbook, total.getCell(3))).isEqualByComparingTo("19");
			// the voice line in minutes; no volume total where messages and minutes meet
			Row voice = null;
			Row eur = null;
			for (Row row : workbook.getSheet("Lines")) {
				voice = "VOICE".equals(text(row.getCell(4))) ? row : voice;
				eur = "Summe".equals(text(row.getCell(0))) && "EUR".equals(text(row.getCell(5))) ? row : eur;
			}
			assertThat(voice.getCell(6).getNumericCellValue()).isEqualTo(20.2);
			assertThat(voice.getCell(7).getNumericCellValue()).isEqualTo(21.3);
			assertThat(voice.getCell(8).getNumericCellValue()).isEqualTo(1.1);
			assertThat(voice.getCell(7).getCellStyle().getDataFormatString()).isEqualTo("#,##0.0");
			assertThat(eur.getCell(6)).as("no volume total").isNull();
			// 163.80 + 30.00 + 327.87 + 2.49
			assertThat(StatementFiles.number(workbook, eur.getCell(10))).isEqualByComparingTo("524.16");
			assertThat(StatementFiles.number(workbook, total.getCell(4))).isEqualByComparingTo("1457");
			assertThat(StatementFiles.number(workbook, total.getCell(5))).isEqualByComparingTo("21.3");
			assertThat(workbook.getCreationHelper().createFormulaEvaluator().evaluate(total.getCell(6)).getStringValue())
				.as("a total with an unknown cost is unknown").isEqualTo("unbekannt");
		}
		try (XSSFWorkbook workbook = StatementFiles.workbook(xlsx("c_002"))) {
			assertThat(workbook.getSheet("Calls")).as("a client without calls has no Calls sheet").isNull();
		}
	}

	@Test
	void estimatesOfTheWholeMonthAreItsTotalNotTheFirstDays() throws Exception {
		// given: ch_002's export counts the month at once, 2,400 marketing messages (dated 1 September)
		fixture.wholeMonth(MONTH, "ch_002", "c_001", "MARKETING", "REGULAR", 2400, "327.60", "EUR");

		// when
		StatementStepRuns.render(jobOperatorTestUtils, out, MONTH, "c_001");

		// then: the PDF says so as a total (in German, c_001's language), the daily sheet marks the row
		assertThat(StatementFiles.pdfText(pdf("c_001")).replaceAll("\\s+", " "))
			.contains("Für den ganzen Monat (nicht je Tag) geschätzt: Marketing 2.400.");
		try (XSSFWorkbook workbook = StatementFiles.workbook(xlsx("c_001"))) {
			Sheet daily = workbook.getSheet("Daily");
			assertThat(daily.getRow(0).getCell(7).getStringCellValue()).isEqualTo("period");
			List<String> months = new java.util.ArrayList<>();
			for (Row row : daily) {
				if (row.getRowNum() > 0 && row.getCell(7) != null && "month".equals(row.getCell(7).getStringCellValue())) {
					months.add(row.getCell(1).getStringCellValue() + " " + (long) row.getCell(3).getNumericCellValue());
				}
			}
			assertThat(months).containsExactly("MARKETING 2400");
			// the month's total counts it once: 30 days x 40 marketing messages + 2,400
			Row total = StatementFiles.row(daily, null, "Summe");
			assertThat(StatementFiles.number(workbook, total.getCell(3))).isEqualByComparingTo("3600");
		}
	}

	@Test
	void thePreviousMonthIsComparedWhenItWasReconciled() throws Exception {
		// given
		fixture.line("2025-08", "c_001", "102290129340398", "106540352242922", "ch_001", "4930123456", "MARKETING",
				"EUR", 1000, 1000, "136.50", "136.50", "MATCHED", null, "INV-2025-08-EUR-0031");

		// when
		StatementStepRuns.render(jobOperatorTestUtils, out, MONTH, null);

		// then
		assertThat(StatementFiles.pdfText(pdf("c_001"))).contains("Im Vergleich zu August 2025",
				"Marketing 1.000 3.602 +260,2 %").contains("Alle Kategorien 1.000 4.102 +310,2 %");
		assertThat(StatementFiles.pdfText(pdf("c_002"))).contains("No reconciled lines for August 2025");
		try (XSSFWorkbook workbook = StatementFiles.workbook(xlsx("c_001"))) {
			Sheet summary = workbook.getSheet("Summary");
			Row marketing = StatementFiles.row(summary, "Im Vergleich zu August 2025", "EUR");
			assertThat(marketing.getCell(1).getStringCellValue()).isEqualTo("Marketing");
			assertThat(StatementFiles.number(workbook, marketing.getCell(2))).isEqualByComparingTo("1000");
			assertThat(StatementFiles.number(workbook, marketing.getCell(6))).isEqualByComparingTo("491.67");
		}
	}

	@Test
	void renderingAgainReplacesTheFilesAndTheirRecord() throws Exception {
		// given
		StatementStepRuns.render(jobOperatorTestUtils, out, MONTH, null);
		Files.writeString(pdf("c_001"), "stale");

		// when
		StepExecution again = StatementStepRuns.render(jobOperatorTestUtils, out, MONTH, null);

		// then
		assertThat(again.getStatus()).isEqualTo(BatchStatus.COMPLETED);
		assertThat(Files.readString(pdf("c_001"), java.nio.charset.StandardCharsets.ISO_8859_1)).startsWith("%PDF");
		assertThat(jdbc.sql("SELECT COUNT(*) FROM statement_file").query(Long.class).single()).isEqualTo(2);
	}

	@Test
	void renderingAgainRemovesThePartialFileOfAKilledRenderButNotOneARunningCloseWrites() throws Exception {
		// given: a partial file of a process that is gone (killed while rendering), and one of a process that runs
		Process gone = new ProcessBuilder("true").start();
		gone.waitFor();
		Path folder = Files.createDirectories(out.resolve(MONTH).resolve("c_001"));
		Path abandoned = Files.writeString(folder.resolve(".statement-c_001-2025-09.pdf." + gone.pid() + ".partial"), "%PDF-1.");
		Path running = Files.writeString(
				folder.resolve(".statement-c_001-2025-09.xlsx." + ProcessHandle.current().parent().orElseThrow().pid()
						+ ".partial"), "PK");

		// when
		StatementStepRuns.render(jobOperatorTestUtils, out, MONTH, "c_001");

		// then
		assertThat(abandoned).doesNotExist();
		assertThat(running).exists();
	}

	@Test
	void aMonthWithoutLinesRendersNothingAndCompletes() {
		// when
		StepExecution step = StatementStepRuns.render(jobOperatorTestUtils, out, "2025-11", null);

		// then
		assertThat(step.getStatus()).isEqualTo(BatchStatus.COMPLETED);
		assertThat(step.getWriteCount()).isZero();
	}

	@Test
	void aRestartAfterAFailureRendersOnlyTheClientsNotRecordedYet() throws Exception {
		// given: the statements of c_002 cannot be recorded; c_001's range completes
		jdbc.sql("ALTER TABLE statement_file ADD CONSTRAINT injected_failure CHECK (client_id <> 'c_002')").update();
		long run = 42;
		StepExecution failed;
		try {
			failed = StatementStepRuns.render(jobOperatorTestUtils, out, MONTH, null, run);
		}
		finally {
			jdbc.sql("ALTER TABLE statement_file DROP CONSTRAINT injected_failure").update();
		}
		assertThat(failed.getStatus()).isEqualTo(BatchStatus.FAILED);
		String c001 = "SELECT rendered_at FROM statement_file WHERE billing_month = '" + MONTH + "' AND client_id = 'c_001'";
		var firstRendered = jdbc.sql(c001).query(java.sql.Timestamp.class).single();
		var firstModified = Files.getLastModifiedTime(pdf("c_001"));

		// when
		StepExecution restarted = StatementStepRuns.render(jobOperatorTestUtils, out, MONTH, null, run);

		// then
		assertThat(restarted.getStatus()).isEqualTo(BatchStatus.COMPLETED);
		assertThat(restarted.getWriteCount()).as("c_002 only").isEqualTo(1);
		assertThat(jdbc.sql("SELECT client_id FROM statement_file ORDER BY client_id").query(String.class).list())
			.containsExactly("c_001", "c_002");
		assertThat(jdbc.sql(c001).query(java.sql.Timestamp.class).single()).as("c_001 not rendered again")
			.isEqualTo(firstRendered);
		assertThat(Files.getLastModifiedTime(pdf("c_001"))).isEqualTo(firstModified);
		assertThat(pdf("c_002")).isRegularFile();
	}

	private Path pdf(String client) {
		return out.resolve(MONTH).resolve(client).resolve("statement-" + client + "-" + MONTH + ".pdf").toAbsolutePath();
	}

	private Path xlsx(String client) {
		return out.resolve(MONTH).resolve(client).resolve("statement-" + client + "-" + MONTH + ".xlsx").toAbsolutePath();
	}

	private BigDecimal sum(String column, String client, String currency) {
		return jdbc.sql("SELECT COALESCE(SUM(" + column + "), 0) FROM recon_line WHERE billing_month = ? AND client_id = ? AND currency = ?")
			.params(MONTH, client, currency)
			.query(BigDecimal.class)
			.single()
			.setScale(2, java.math.RoundingMode.HALF_EVEN);
	}

	private BigDecimal charges(String client, String currency) {
		return jdbc.sql("""
				SELECT COALESCE(SUM(amount), 0) FROM invoice_line i WHERE billing_month = ? AND currency = ?
				AND line_type <> 'USAGE' AND EXISTS (SELECT 1 FROM channel c WHERE c.waba_id = i.waba_id AND c.client_id = ?)""")
			.params(MONTH, currency, client)
			.query(BigDecimal.class)
			.single()
			.setScale(2, java.math.RoundingMode.HALF_EVEN);
	}

	private static String text(Cell cell) {
		return cell == null || cell.getCellType() != CellType.STRING ? null : cell.getStringCellValue();
	}

}
