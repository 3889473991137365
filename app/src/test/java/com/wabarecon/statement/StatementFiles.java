package com.wabarecon.statement;

import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.FormulaEvaluator;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

/** Reads rendered statements back, as their readers would: the PDF's text, the workbook's cells. */
public final class StatementFiles {

	private StatementFiles() {
	}

	public static String pdfText(Path pdf) throws IOException {
		try (PDDocument document = Loader.loadPDF(pdf.toFile())) {
			return new PDFTextStripper().getText(document);
		}
	}

	/** The text of each page, in order. */
	static List<String> pdfPageTexts(Path pdf) throws IOException {
		try (PDDocument document = Loader.loadPDF(pdf.toFile())) {
			List<String> pages = new ArrayList<>();
			for (int page = 1; page <= document.getNumberOfPages(); page++) {
				PDFTextStripper stripper = new PDFTextStripper();
				stripper.setStartPage(page);
				stripper.setEndPage(page);
				pages.add(stripper.getText(document));
			}
			return pages;
		}
	}

	static int pdfPages(Path pdf) throws IOException {
		try (PDDocument document = Loader.loadPDF(pdf.toFile())) {
			return document.getNumberOfPages();
		}
	}

	public static XSSFWorkbook workbook(Path xlsx) throws IOException {
		try (InputStream in = Files.newInputStream(xlsx)) {
			return new XSSFWorkbook(in);
		}
	}

	/** The amount as the PDF writes it in the locale: {@code 1.234,50} in de-DE. */
	static String money(BigDecimal amount, Locale locale) {
		DecimalFormat format = new DecimalFormat("#,##0.00", DecimalFormatSymbols.getInstance(locale));
		return format.format(amount.setScale(2, RoundingMode.HALF_EVEN));
	}

	/** The value of a numeric or formula cell, formulas evaluated. */
	static BigDecimal number(XSSFWorkbook workbook, Cell cell) {
		FormulaEvaluator evaluator = workbook.getCreationHelper().createFormulaEvaluator();
		double value = cell.getCellType() == CellType.FORMULA ? evaluator.evaluate(cell).getNumberValue()
				: cell.getNumericCellValue();
		return BigDecimal.valueOf(value).setScale(2, RoundingMode.HALF_EVEN);
	}

	/** The row of the sheet whose first cell shows {@code first}, after the row whose first cell shows {@code after}. */
	public static Row row(Sheet sheet, String after, String first) {
		boolean seen = after == null;
		for (Row row : sheet) {
			String text = text(row.getCell(0));
			if (seen && first.equals(text)) {
				return row;
			}
			seen |= text.equals(after);
		}
		throw new AssertionError("no row '" + first + "' after '" + after + "' in sheet " + sheet.getSheetName());
	}

	/** Every cell of the sheet as shown, row by row. */
	static List<String> texts(Sheet sheet) {
		List<String> texts = new ArrayList<>();
		for (Row row : sheet) {
			for (Cell cell : row) {
				texts.add(text(cell));
			}
		}
		return texts;
	}

	static String text(Cell cell) {
		return cell == null ? "" : new DataFormatter(Locale.ROOT).formatCellValue(cell);
	}

}
