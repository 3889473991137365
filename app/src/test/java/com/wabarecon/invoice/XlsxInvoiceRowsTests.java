package com.wabarecon.invoice;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import com.wabarecon.ReconProperties;
import com.wabarecon.rules.Pricing;
import com.wabarecon.support.reject.RejectedRowException;

import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.SheetVisibility;
import org.apache.poi.xssf.usermodel.XSSFCell;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.openxmlformats.schemas.spreadsheetml.x2006.main.CTCellFormula;
import org.openxmlformats.schemas.spreadsheetml.x2006.main.STCellFormulaType;
import org.junit.jupiter.api.io.TempDir;

class XlsxInvoiceRowsTests {

	private static final InvoiceHeader HEADER = new InvoiceHeader(new ReconProperties.Invoice.Columns(null, null,
			null, null, List.of("WhatsApp Business Account ID"), null, null, List.of("Country"),
			List.of("Pricing Category", "Conversation Category"), null, null, List.of("Quantity"), null,
			List.of("Cost"), null, null));

	@TempDir
	Path dir;

	@Test
	void numbersAreTheExactDecimalsTheCellsShow() {
		assertThat(XlsxInvoiceRows.decimal(136.5)).isEqualTo("136.5");
		assertThat(XlsxInvoiceRows.decimal(7767.9)).isEqualTo("7767.9");
		assertThat(XlsxInvoiceRows.decimal(0.1 + 0.2)).as("binary noise of a formula").isEqualTo("0.3");
		assertThat(XlsxInvoiceRows.decimal(136.49999999999997)).isEqualTo("136.5");
		assertThat(XlsxInvoiceRows.decimal(-2.1)).isEqualTo("-2.1");
		assertThat(XlsxInvoiceRows.decimal(102290129340398d)).as("an id stored as a number").isEqualTo("102290129340398");
		assertThat(XlsxInvoiceRows.decimal(1200d)).isEqualTo("1200");
	}

	@Test
	void readsTheFirstSheetWhenNoneIsNamedInvoiceLinesWithIsoTextDatesAndNumbers() throws Exception {
		// given
		Path file = dir.resolve("plain.xlsx");
		try (XSSFWorkbook workbook = new XSSFWorkbook(); OutputStream out = Files.newOutputStream(file)) {
			Sheet sheet = workbook.createSheet("Sheet1");
			Row header = sheet.createRow(0);
			String[] names = { "invoice_id", "period_start", "period_end", "WhatsApp Business Account ID",
					"Conversation Category", "Quantity", "Cost", "currency", "line_type" };
			for (int i = 0; i < names.length; i++) {
				header.createCell(i).setCellValue(names[i]);
			}
			Row line = sheet.createRow(1);
			line.createCell(0).setCellValue("INV-1");
			line.createCell(1).setCellValue("2025-09-01");
			line.createCell(2).setCellValue("2025-09-30");
			line.createCell(3).setCellValue(102290129340398d);
			line.createCell(4).setCellValue("marketing");
			line.createCell(5).setCellValue(1200);
			line.createCell(6).setCellFormula("0.1365*1200");
			line.createCell(7).setCellValue("EUR");
			line.createCell(8).setCellValue("USAGE");
			workbook.getCreationHelper().createFormulaEvaluator().evaluateAll();
			workbook.createSheet("Notes");
			workbook.write(out);
		}

		// when
		InvoiceRow row;
		try (InvoiceRows rows = new XlsxInvoiceRows(file, "plain.xlsx", HEADER, "Invoice lines", 20)) {
			row = rows.next();
			assertThat(rows.next()).isNull();
		}

		// then
		assertThat(row.source().line()).isEqualTo(2);
		assertThat(row.source().position()).isEqualTo("sheet 'Sheet1'");
		assertThat(row.text(InvoiceField.PERIOD_START)).isEqualTo("2025-09-01");
		assertThat(row.text(InvoiceField.WABA_ID)).isEqualTo("102290129340398");
		assertThat(row.text(InvoiceField.PRICING_CATEGORY)).isEqualTo("marketing");
		assertThat(row.text(InvoiceField.VOLUME)).isEqualTo("1200");
		assertThat(row.text(InvoiceField.AMOUNT)).isEqualTo("163.8");
		assertThat(row.text(InvoiceField.PHONE_NUMBER_ID)).isEmpty();
	}

	@Test
	void aSheetWithoutTheRequiredColumnsIsRefusedNamingThem() throws Exception {
		// given
		Path file = dir.resolve("no-header.xlsx");
		try (XSSFWorkbook workbook = new XSSFWorkbook(); OutputStream out = Files.newOutputStream(file)) {
			Sheet sheet = workbook.createSheet("Invoice lines");
			sheet.createRow(0).createCell(0).setCellValue("Meta Platforms Ireland Limited");
			Row header = sheet.createRow(2);
			header.createCell(0).setCellValue("Invoice Number");
			header.createCell(1).setCellValue("Cost");
			workbook.write(out);
		}

		// then
		assertThatThrownBy(() -> new XlsxInvoiceRows(file, "no-header.xlsx", HEADER, "invoice LINES", 20))
			.isInstanceOf(FileRefusedException.class)
			.hasMessage("no-header.xlsx: sheet 'Invoice lines' row 3: missing required column(s) invoice_id, "
					+ "period_start, period_end, waba_id, pricing_category, volume, currency, line_type "
					+ "(the header has: Invoice Number, Cost)");
	}

	@Test
	void aHeaderThatStartsPastColumnAOrHasAnEmptyCellIsRead() throws Exception {
		// given: the table from column B, with an empty column between currency and line_type
		Path file = dir.resolve("offset.xlsx");
		try (XSSFWorkbook workbook = new XSSFWorkbook(); OutputStream out = Files.newOutputStream(file)) {
			Sheet sheet = workbook.createSheet("Invoice lines");
			String[] names = { "invoice_id", "period_start", "period_end", "waba_id", "pricing_category", "volume",
					"amount", "currency", null, "line_type" };
			String[] values = { "INV-1", "2025-09-01", "2025-09-30", "102290129340398", "marketing", "1200", "163.8",
					"EUR", null, "USAGE" };
			Row header = sheet.createRow(0);
			Row line = sheet.createRow(1);
			for (int i = 0; i < names.length; i++) {
				if (names[i] != null) {
					header.createCell(i + 1).setCellValue(names[i]);
					line.createCell(i + 1).setCellValue(values[i]);
				}
			}
			workbook.write(out);
		}

		// when
		InvoiceRow row;
		try (InvoiceRows rows = new XlsxInvoiceRows(file, "offset.xlsx", HEADER, "Invoice lines", 20)) {
			row = rows.next();
		}

		// then
		assertThat(row.text(InvoiceField.INVOICE_ID)).isEqualTo("INV-1");
		assertThat(row.text(InvoiceField.CURRENCY)).isEqualTo("EUR");
		assertThat(row.text(InvoiceField.LINE_TYPE)).isEqualTo("USAGE");
		assertThat(row.source().raw()).isEqualTo(",INV-1,2025-09-01,2025-09-30,102290129340398,marketing,1200,163.8,EUR,,USAGE");
	}

	@Test
	void aFormulaSavedWithoutItsValueIsEvaluatedOnItsRow() throws Exception {
		// given: Cost = Quantity * 0.1365 with no cached result (as POI writes it), once with an empty <v/> (as openpyxl writes it)
		Path file = dir.resolve("uncached.xlsx");
		try (XSSFWorkbook workbook = new XSSFWorkbook(); OutputStream out = Files.newOutputStream(file)) {
			Sheet sheet = lines(workbook, "Invoice lines");
			line(sheet, 1, 1200).createCell(6).setCellFormula("F2*0.1365");
			XSSFCell empty = (XSSFCell) line(sheet, 2, 300).createCell(6);
			empty.setCellFormula("ROUND(F3*0.1365,2)");
			empty.getCTCell().setV("");
			Cell date = line(sheet, 3, 10).createCell(2);
			date.setCellFormula("DATE(2025,9,30)");
			date.setCellStyle(dateStyle(workbook));
			sheet.getRow(3).createCell(6).setCellValue(1.37);
			// filled down as Excel does: a shared formula, its first cell holding the text, the next only its group
			sharedFormula(line(sheet, 4, 20), "G5:G6", "F5*0.1365");
			sharedFormula(line(sheet, 5, 40), null, "");
			workbook.write(out);
		}

		// when
		List<InvoiceRow> rows = new ArrayList<>();
		try (InvoiceRows reader = new XlsxInvoiceRows(file, "uncached.xlsx", HEADER, "Invoice lines", 20)) {
			for (InvoiceRow row = reader.next(); row != null; row = reader.next()) {
				rows.add(row);
			}
		}

		// then: 1200 x 0.1365 = 163.8; 300 x 0.1365 = 40.95; DATE(2025,9,30) in a date cell is that date;
		// 20 x 0.1365 = 2.73 and 40 x 0.1365 = 5.46
		assertThat(rows).extracting(row -> row.text(InvoiceField.AMOUNT))
			.containsExactly("163.8", "40.95", "1.37", "2.73", "5.46");
		assertThat(rows.get(2).text(InvoiceField.PERIOD_END)).isEqualTo("2025-09-30");
	}

	@Test
	void aFormulaSavedWithoutItsValueThatNeedsOtherRowsRejectsItsRowNamingTheCell() throws Exception {
		// given: row 3's Cost sums the rows above it, row 4's refers to another sheet; no cached values
		Path file = dir.resolve("sum.xlsx");
		try (XSSFWorkbook workbook = new XSSFWorkbook(); OutputStream out = Files.newOutputStream(file)) {
			Sheet sheet = lines(workbook, "Invoice lines");
			line(sheet, 1, 100).createCell(6).setCellValue(13.65);
			line(sheet, 2, 100).createCell(6).setCellFormula("SUM(G1:G2)");
			workbook.createSheet("Rates").createRow(0).createCell(0).setCellValue(0.1365);
			line(sheet, 3, 100).createCell(6).setCellFormula("F4*Rates!A1");
			Row unmapped = line(sheet, 4, 100);
			unmapped.createCell(6).setCellValue(13.65);
			unmapped.createCell(9).setCellFormula("TODAY()");
			workbook.write(out);
		}

		// when
		List<Object> read = new ArrayList<>();
		try (InvoiceRows reader = new XlsxInvoiceRows(file, "sum.xlsx", HEADER, "Invoice lines", 20)) {
			while (true) {
				try {
					InvoiceRow row = reader.next();
					if (row == null) {
						break;
					}
					read.add(row);
				}
				catch (RejectedRowException ex) {
					read.add(ex);
				}
			}
		}

		// then: the two rows are rejected naming the cell; a formula in a column that is no field does not matter
		assertThat(read).hasSize(4);
		RejectedRowException sum = (RejectedRowException) read.get(1);
		assertThat(sum.source().line()).isEqualTo(3);
		assertThat(sum.source().position()).isEqualTo("sheet 'Invoice lines'");
		assertThat(sum.reason()).isEqualTo("sheet 'Invoice lines' cell G3: formula =SUM(G1:G2) has no value and cannot "
				+ "be evaluated: it refers to G1:G2, outside its row");
		assertThat(sum.source().raw()).contains("=SUM(G1:G2)");
		assertThat(((RejectedRowException) read.get(2)).reason()).isEqualTo("sheet 'Invoice lines' cell G4: formula "
				+ "=F4*Rates!A1 has no value and cannot be evaluated: it refers to Rates!A1, outside its sheet");
		assertThat(((InvoiceRow) read.get(0)).text(InvoiceField.AMOUNT)).isEqualTo("13.65");
		assertThat(((InvoiceRow) read.get(3)).text(InvoiceField.AMOUNT)).isEqualTo("13.65");
	}

	@Test
	void aHiddenSheetBeforeTheVisibleOneIsNotRead() throws Exception {
		// given: a hidden sheet of the same shape first (other figures), the visible one second, neither named Invoice lines
		Path file = dir.resolve("hidden-first.xlsx");
		try (XSSFWorkbook workbook = new XSSFWorkbook(); OutputStream out = Files.newOutputStream(file)) {
			line(lines(workbook, "Old"), 1, 999).createCell(6).setCellValue(136.36);
			line(lines(workbook, "Sheet1"), 1, 100).createCell(6).setCellValue(13.65);
			workbook.setSheetHidden(0, true);
			workbook.write(out);
		}

		// when
		InvoiceRow row;
		try (InvoiceRows reader = new XlsxInvoiceRows(file, "hidden-first.xlsx", HEADER, "Invoice lines", 20)) {
			row = reader.next();
			assertThat(reader.next()).isNull();
		}

		// then
		assertThat(row.source().position()).isEqualTo("sheet 'Sheet1'");
		assertThat(row.text(InvoiceField.VOLUME)).isEqualTo("100");
	}

	@Test
	void aHiddenInvoiceSheetOrAWorkbookOfHiddenSheetsIsRefused() throws Exception {
		// given
		Path namedHidden = dir.resolve("named-hidden.xlsx");
		try (XSSFWorkbook workbook = new XSSFWorkbook(); OutputStream out = Files.newOutputStream(namedHidden)) {
			line(lines(workbook, "Sheet1"), 1, 100).createCell(6).setCellValue(13.65);
			line(lines(workbook, "Invoice lines"), 1, 100).createCell(6).setCellValue(13.65);
			workbook.setSheetVisibility(1, SheetVisibility.VERY_HIDDEN);
			workbook.write(out);
		}
		Path allHidden = dir.resolve("all-hidden.xlsx");
		try (XSSFWorkbook workbook = new XSSFWorkbook(); OutputStream out = Files.newOutputStream(allHidden)) {
			line(lines(workbook, "Sheet1"), 1, 100).createCell(6).setCellValue(13.65);
			workbook.setSheetHidden(0, true);
			workbook.write(out);
		}

		// then
		assertThatThrownBy(() -> new XlsxInvoiceRows(namedHidden, "named-hidden.xlsx", HEADER, "Invoice lines", 20))
			.isInstanceOf(FileRefusedException.class)
			.hasMessage("named-hidden.xlsx: sheet 'Invoice lines' is very hidden: hidden sheets are never read "
					+ "(unhide it to import it)");
		assertThatThrownBy(() -> new XlsxInvoiceRows(allHidden, "all-hidden.xlsx", HEADER, "Invoice lines", 20))
			.isInstanceOf(FileRefusedException.class)
			.hasMessage("all-hidden.xlsx: has no sheet named 'Invoice lines' and every sheet is hidden: hidden sheets "
					+ "are never read");
	}

	/** A sheet with the aliased header of {@link #HEADER} in its first row. */
	private static Sheet lines(XSSFWorkbook workbook, String name) {
		Sheet sheet = workbook.createSheet(name);
		Row header = sheet.createRow(0);
		String[] names = { "invoice_id", "period_start", "period_end", "WhatsApp Business Account ID",
				"Conversation Category", "Quantity", "Cost", "currency", "line_type", "notes" };
		for (int i = 0; i < names.length; i++) {
			header.createCell(i).setCellValue(names[i]);
		}
		return sheet;
	}

	/** A September usage line at the row, every field but Cost (column G) written. */
	private static Row line(Sheet sheet, int index, long volume) {
		Row line = sheet.createRow(index);
		line.createCell(0).setCellValue("INV-1");
		line.createCell(1).setCellValue("2025-09-01");
		line.createCell(2).setCellValue("2025-09-30");
		line.createCell(3).setCellValue("102290129340398");
		line.createCell(4).setCellValue("MARKETING");
		line.createCell(5).setCellValue(volume);
		line.createCell(7).setCellValue("EUR");
		line.createCell(8).setCellValue("USAGE");
		return line;
	}

	/** Cost (column G) as a member of shared formula group 0, without a value. */
	private static void sharedFormula(Row row, String ref, String formula) {
		CTCellFormula shared = ((XSSFCell) row.createCell(6)).getCTCell().addNewF();
		shared.setT(STCellFormulaType.SHARED);
		shared.setSi(0);
		if (ref != null) {
			shared.setRef(ref);
		}
		shared.setStringValue(formula);
	}

	private static CellStyle dateStyle(XSSFWorkbook workbook) {
		CellStyle date = workbook.createCellStyle();
		date.setDataFormat(workbook.createDataFormat().getFormat("yyyy-mm-dd"));
		return date;
	}

}
