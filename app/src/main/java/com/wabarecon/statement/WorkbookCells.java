package com.wabarecon.statement;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.Map;

import com.wabarecon.rules.Money;
import com.wabarecon.rules.Volumes;
import com.wabarecon.support.FormulaGuard;

import org.apache.poi.ss.usermodel.BuiltinFormats;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.FillPatternType;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.IndexedColors;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Workbook;

/**
 * Writes the cells of one statement workbook: numbers as numeric cells with a number or
 * currency format, dates as date cells, and text as text. Text that a spreadsheet would run as
 * a formula ({@code = + - @}, tab, carriage return first) gets a quote-prefixed style: the cell
 * shows the text exactly as it is and Excel never evaluates it, even when the cell is edited.
 * Styles are shared (a workbook has a limited number). Not thread-safe: one per workbook.
 */
final class WorkbookCells {

	static final String VOLUME = "#,##0";

	static final String PERCENT = "0.0%";

	/** Billed minutes: tenths, as Meta bills a call's 6-second pulses. */
	static final String MINUTES = "#,##0.0";

	/** Days of funds left, one decimal. */
	static final String DAYS = "#,##0.0";

	/** {@code amount_delta_pct} is in percent already (12.5 means 12.5 %): the number as it is, no % format that would scale it. */
	static final String PERCENT_POINTS = "0.00";

	private final Workbook workbook;

	private final Map<String, CellStyle> styles = new HashMap<>();

	/**
	 * The workbook's default style, set on plain cells: a streamed cell without a style looks
	 * its column's style up in the sheet's XML when it is written.
	 */
	private final CellStyle plain;

	/** What an amount that cannot be known says, in the reader's language. */
	private final String unknown;

	WorkbookCells(Workbook workbook, String unknown) {
		this.unknown = unknown;
		this.workbook = workbook;
		this.plain = workbook.getCellStyleAt(0);
	}

	/** The format of amounts in the currency: its digits, and the currency's code after them. */
	static String money(String currency) {
		return StatementFormats.moneyPattern(currency) + " \"" + currency + "\"";
	}

	void text(Row row, int column, String value) {
		text(row, column, value, false);
	}

	void text(Row row, int column, String value, boolean bold) {
		if (value == null) {
			return;
		}
		Cell cell = row.createCell(column);
		cell.setCellValue(value);
		boolean runnable = !value.equals(FormulaGuard.text(value));
		cell.setCellStyle(bold || runnable ? style(null, bold, runnable, false) : plain);
	}

	void header(Row row, String... titles) {
		for (int column = 0; column < titles.length; column++) {
			Cell cell = row.createCell(column);
			cell.setCellValue(titles[column]);
			cell.setCellStyle(style(null, true, false, true));
		}
	}

	void number(Row row, int column, long value) {
		Cell cell = row.createCell(column);
		cell.setCellValue(value);
		cell.setCellStyle(style(VOLUME, false, false, false));
	}

	/** A line's volume in its category's unit: whole messages, or minutes with one decimal ({@link Volumes}). */
	void volume(Row row, int column, String category, long value) {
		if (Volumes.inMinutes(category)) {
			number(row, column, Volumes.shown(category, value), MINUTES);
		}
		else {
			number(row, column, value);
		}
	}

	/** A number in the format; nothing when the value is null (a blank cell, left out of sums). */
	void number(Row row, int column, BigDecimal value, String format) {
		if (value == null) {
			return;
		}
		Cell cell = row.createCell(column);
		cell.setCellValue(value.doubleValue());
		cell.setCellStyle(style(format, false, false, false));
	}

	/** An amount that may be unknown (an estimate not converted or not priced): then it says so, never 0.00. */
	/** The word an unknown amount's cell holds (totals' formulas look for it). */
	String unknown() {
		return unknown;
	}

	void amountOrUnknown(Row row, int column, BigDecimal value, String format) {
		if (value == null) {
			text(row, column, unknown);
		}
		else {
			number(row, column, value, format);
		}
	}

	void date(Row row, int column, LocalDate value) {
		Cell cell = row.createCell(column);
		cell.setCellValue(value);
		cell.setCellStyle(style(BuiltinFormats.getBuiltinFormat(14), false, false, false));
	}

	void formula(Row row, int column, String formula, String format, boolean bold) {
		Cell cell = row.createCell(column);
		cell.setCellFormula(formula);
		cell.setCellStyle(style(format, bold, false, false));
	}

	void title(Row row, String value) {
		Cell cell = row.createCell(0);
		cell.setCellValue(value);
		CellStyle style = styles.computeIfAbsent("title", key -> {
			CellStyle created = workbook.createCellStyle();
			Font font = workbook.createFont();
			font.setBold(true);
			font.setFontHeightInPoints((short) 14);
			created.setFont(font);
			return created;
		});
		cell.setCellStyle(style);
	}

	private CellStyle style(String format, boolean bold, boolean quoted, boolean header) {
		return styles.computeIfAbsent(format + "|" + bold + "|" + quoted + "|" + header, key -> {
			CellStyle style = workbook.createCellStyle();
			if (format != null) {
				style.setDataFormat(workbook.createDataFormat().getFormat(format));
			}
			if (bold) {
				Font font = workbook.createFont();
				font.setBold(true);
				style.setFont(font);
			}
			if (header) {
				style.setFillForegroundColor(IndexedColors.LIGHT_TURQUOISE.getIndex());
				style.setFillPattern(FillPatternType.SOLID_FOREGROUND);
				style.setWrapText(true);
			}
			style.setQuotePrefixed(quoted);
			return style;
		});
	}

}
