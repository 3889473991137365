package com.wabarecon.invoice;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import com.wabarecon.ReconProperties;

import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
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

}
