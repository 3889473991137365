package com.wabarecon.invoice;

import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.apache.poi.ss.formula.FormulaParseException;
import org.apache.poi.ss.formula.FormulaParser;
import org.apache.poi.ss.formula.FormulaType;
import org.apache.poi.ss.formula.ptg.AbstractFunctionPtg;
import org.apache.poi.ss.formula.ptg.AreaErrPtg;
import org.apache.poi.ss.formula.ptg.AreaPtgBase;
import org.apache.poi.ss.formula.ptg.ArrayPtg;
import org.apache.poi.ss.formula.ptg.ControlPtg;
import org.apache.poi.ss.formula.ptg.OperationPtg;
import org.apache.poi.ss.formula.ptg.Ptg;
import org.apache.poi.ss.formula.ptg.Pxg;
import org.apache.poi.ss.formula.ptg.Pxg3D;
import org.apache.poi.ss.formula.ptg.RefErrorPtg;
import org.apache.poi.ss.formula.ptg.RefPtgBase;
import org.apache.poi.ss.formula.ptg.ScalarConstantPtg;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.CellValue;
import org.apache.poi.ss.usermodel.FormulaError;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.util.CellReference;
import org.apache.poi.xssf.usermodel.XSSFCell;
import org.apache.poi.xssf.usermodel.XSSFEvaluationWorkbook;
import org.apache.poi.xssf.usermodel.XSSFFormulaEvaluator;
import org.apache.poi.xssf.usermodel.XSSFRow;
import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

/**
 * Values for the formula cells a workbook was saved without: POI, openpyxl and many exporters
 * write a formula and no result, leaving Excel to compute it when the file is opened. The
 * streaming reader has no evaluator, and the rows before the current one are gone; so a
 * formula is evaluated with POI's {@code FormulaEvaluator} on a copy of its own row (at the
 * same row number, in a sheet of the same name), and only when that copy is all it needs:
 * constants, operators, functions whose result depends on their arguments alone, and cells of
 * its own row (formulas among them, evaluated the same way). A formula that refers to another
 * row, another sheet or workbook, a defined name, or asks for the date, a random number or an
 * indirect reference, cannot be evaluated here: it gets no value, and the caller rejects its
 * row saying why, never reads it as empty or zero.
 * <p>
 * The scratch workbook is made when a first formula needs it and made again every
 * {@value #ROWS_PER_SCRATCH} rows, so that what it accumulates stays small. Not thread-safe.
 */
final class RowFormulas implements AutoCloseable {

	static final int ROWS_PER_SCRATCH = 1_000;

	/** Functions whose result is not a function of their arguments, or that refer to other cells indirectly. */
	private static final Set<String> NOT_OF_THE_ROW = Set.of("INDIRECT", "OFFSET", "NOW", "TODAY", "RAND",
			"RANDBETWEEN", "RANDARRAY", "CELL", "INFO");

	/** A formula cell's outcome: its value, or why it has none. */
	record Outcome(CellValue value, String problem) {
	}

	private final String sheetName;

	private XSSFWorkbook scratch;

	private XSSFSheet sheet;

	private XSSFEvaluationWorkbook parsing;

	private XSSFFormulaEvaluator evaluator;

	private int rowsOnScratch;

	RowFormulas(String sheetName) {
		this.sheetName = sheetName;
	}

	/**
	 * Evaluates the row's formula cells that have no value ({@code uncached}), by column; each
	 * outcome is the value or why there is none ({@code formula =SUM(N2:N6) has no value and
	 * cannot be evaluated: it refers to N2:N6, outside its row}).
	 */
	Map<Integer, Outcome> evaluate(Row row, List<Cell> uncached) {
		Map<Integer, Cell> byColumn = new HashMap<>();
		for (Cell cell : row) {
			byColumn.put(cell.getColumnIndex(), cell);
		}
		Map<Integer, String> problems = new HashMap<>();
		Map<Integer, List<Integer>> references = new HashMap<>();
		for (Cell cell : uncached) {
			List<Integer> columns = new ArrayList<>();
			String problem = rowOnly(cell, columns);
			references.put(cell.getColumnIndex(), columns);
			if (problem != null) {
				problems.put(cell.getColumnIndex(), problem);
			}
		}
		// a formula that needs one that cannot be evaluated cannot be either
		for (boolean changed = true; changed;) {
			changed = false;
			for (Map.Entry<Integer, List<Integer>> formula : references.entrySet()) {
				if (problems.containsKey(formula.getKey())) {
					continue;
				}
				for (int column : formula.getValue()) {
					if (problems.containsKey(column) && column != formula.getKey()) {
						problems.put(formula.getKey(), "it needs " + address(row, column) + ", which has none");
						changed = true;
						break;
					}
				}
			}
		}
		Map<Integer, Outcome> outcomes = new HashMap<>();
		XSSFRow copy = copy(row, byColumn, references, problems);
		for (Cell cell : uncached) {
			int column = cell.getColumnIndex();
			String problem = problems.get(column);
			if (problem == null) {
				try {
					CellValue value = evaluator.evaluate(copy.getCell(column));
					outcomes.put(column, value != null ? new Outcome(value, null)
							: new Outcome(null, describe(cell, "it evaluates to nothing")));
					continue;
				}
				catch (RuntimeException ex) {
					problem = "POI cannot evaluate it (" + XlsxInvoiceRows.rootMessage(ex) + ")";
				}
			}
			outcomes.put(column, new Outcome(null, describe(cell, problem)));
		}
		return outcomes;
	}

	private static String describe(Cell cell, String problem) {
		String formula = formulaOf(cell);
		return (formula == null ? "a formula" : "formula =" + formula) + " has no value and cannot be evaluated: "
				+ problem;
	}

	/**
	 * {@code null} when the formula refers only to cells of its own row (their columns added to
	 * {@code columns}), else what it refers to beyond.
	 */
	private String rowOnly(Cell cell, List<Integer> columns) {
		String formula = formulaOf(cell);
		if (formula == null) {
			return "its formula cannot be read";
		}
		Ptg[] tokens;
		try {
			scratch();
			tokens = FormulaParser.parse(formula, parsing, FormulaType.CELL, 0, cell.getRowIndex());
		}
		catch (FormulaParseException | IllegalStateException ex) {
			return "it cannot be parsed (" + XlsxInvoiceRows.rootMessage(ex) + ")";
		}
		int rowIndex = cell.getRowIndex();
		for (Ptg token : tokens) {
			if (token instanceof Pxg external && !thisSheet(external)) {
				return "it refers to " + token.toFormulaString() + ", outside its sheet";
			}
			if (token instanceof RefPtgBase ref) {
				if (ref.getRow() != rowIndex) {
					return "it refers to " + reference(ref.getRow(), ref.getColumn()) + ", outside its row";
				}
				columns.add(ref.getColumn());
			}
			else if (token instanceof AreaPtgBase area) {
				if (area.getFirstRow() != rowIndex || area.getLastRow() != rowIndex) {
					return "it refers to " + reference(area.getFirstRow(), area.getFirstColumn()) + ":"
							+ reference(area.getLastRow(), area.getLastColumn()) + ", outside its row";
				}
				for (int column = area.getFirstColumn(); column <= area.getLastColumn(); column++) {
					columns.add(column);
				}
			}
			else if (token instanceof AbstractFunctionPtg function) {
				if (function.isExternalFunction() || NOT_OF_THE_ROW.contains(function.getName())) {
					return "it uses " + function.getName() + ", whose value is not a function of the row";
				}
			}
			else if (!(token instanceof ScalarConstantPtg || token instanceof OperationPtg
					|| token instanceof ControlPtg || token instanceof ArrayPtg || token instanceof RefErrorPtg
					|| token instanceof AreaErrPtg)) {
				return "it refers to " + token.toFormulaString() + ", outside its row";
			}
		}
		return null;
	}

	private boolean thisSheet(Pxg reference) {
		return reference.getExternalWorkbookNumber() <= 0 && sheetName.equalsIgnoreCase(reference.getSheetName())
				&& (!(reference instanceof Pxg3D range) || range.getLastSheetName() == null
						|| sheetName.equalsIgnoreCase(range.getLastSheetName()));
	}

	/**
	 * The row's copy on the scratch sheet: the formulas that can be evaluated as formulas, the
	 * cells they refer to as the values the file holds (a formula with a value as that value).
	 */
	private XSSFRow copy(Row row, Map<Integer, Cell> byColumn, Map<Integer, List<Integer>> references,
			Map<Integer, String> problems) {
		scratch();
		XSSFRow old = sheet.getRow(row.getRowNum());
		if (old != null) {
			sheet.removeRow(old);
		}
		evaluator.clearAllCachedResultValues();
		XSSFRow copy = sheet.createRow(row.getRowNum());
		rowsOnScratch++;
		for (Map.Entry<Integer, List<Integer>> formula : references.entrySet()) {
			if (problems.containsKey(formula.getKey())) {
				continue;
			}
			copy.createCell(formula.getKey()).setCellFormula(formulaOf(byColumn.get(formula.getKey())));
			for (int column : formula.getValue()) {
				Cell source = byColumn.get(column);
				if (source != null && copy.getCell(column) == null && !references.containsKey(column)) {
					copyValue(source, copy.createCell(column));
				}
			}
		}
		return copy;
	}

	private static void copyValue(Cell source, XSSFCell target) {
		CellType type = source.getCellType() == CellType.FORMULA ? source.getCachedFormulaResultType()
				: source.getCellType();
		switch (type) {
			case NUMERIC -> target.setCellValue(source.getNumericCellValue());
			case STRING -> target.setCellValue(source.getStringCellValue());
			case BOOLEAN -> target.setCellValue(source.getBooleanCellValue());
			case ERROR -> target.setCellErrorValue(FormulaError.forInt(source.getErrorCellValue()));
			default -> target.setBlank();
		}
	}

	/** The scratch workbook, made anew every {@value #ROWS_PER_SCRATCH} rows. */
	private void scratch() {
		if (scratch != null && rowsOnScratch < ROWS_PER_SCRATCH) {
			return;
		}
		close();
		scratch = new XSSFWorkbook();
		sheet = scratch.createSheet(sheetName);
		parsing = XSSFEvaluationWorkbook.create(scratch);
		evaluator = scratch.getCreationHelper().createFormulaEvaluator();
		rowsOnScratch = 0;
	}

	/** The cell's formula, or {@code null} when it cannot be read. */
	static String formulaOf(Cell cell) {
		try {
			return cell.getCellFormula();
		}
		catch (IllegalStateException ex) {
			return null; // a shared formula the reader could not rebuild
		}
	}

	private static String address(Row row, int column) {
		return reference(row.getRowNum(), column);
	}

	private static String reference(int row, int column) {
		return new CellReference(row, column).formatAsString(false);
	}

	@Override
	public void close() {
		if (scratch != null) {
			try {
				scratch.close();
			}
			catch (IOException ex) {
				// an in-memory workbook: nothing to lose
			}
			scratch = null;
		}
	}

}
