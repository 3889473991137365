package com.wabarecon.invoice;

import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.math.MathContext;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import com.github.pjfanning.xlsx.StreamingReader;
import com.wabarecon.support.csv.HeaderSearch;
import com.wabarecon.support.reject.RejectedRowException;
import com.wabarecon.support.reject.RowSource;

import org.apache.poi.poifs.filesystem.FileMagic;
import org.apache.poi.poifs.filesystem.POIFSFileSystem;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.CellValue;
import org.apache.poi.ss.usermodel.Date1904Support;
import org.apache.poi.ss.usermodel.DateUtil;
import org.apache.poi.ss.usermodel.FormulaError;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.ss.util.CellReference;

/**
 * The rows of an XLSX invoice, streamed (a sheet of 500,000 lines never sits in memory): the
 * sheet named as configured ({@code Invoice lines}, any case) or else the first visible one,
 * the header found below any title rows. A hidden (or very hidden) sheet is never read: what
 * a person sees when opening the file is what is imported, so a workbook whose invoice sheet
 * is hidden, or whose sheets all are, is refused saying so. Cells become text: a number its
 * exact decimal, a date cell ISO {@code yyyy-MM-dd}, a formula its cached result, or, when the
 * file was saved without one, its result evaluated on its row ({@link RowFormulas}); a row
 * whose field is a formula that cannot be evaluated there is rejected naming the cell. POI's
 * zip-bomb limits ({@code ZipSecureFile}) apply as POI sets them; a file that is not a
 * readable workbook, or is password-protected, is refused saying so. Not thread-safe.
 */
final class XlsxInvoiceRows implements InvoiceRows {

	/**
	 * Excel keeps 15 significant digits: the double a cell holds, rounded there, is the number
	 * the cell shows (136.5, never 136.49999999999997 from a formula's binary arithmetic).
	 */
	private static final MathContext EXCEL_DIGITS = new MathContext(15);

	private final String sourceName;

	private final Workbook workbook;

	private final Iterator<Row> rows;

	private final String position;

	private final int[] positions;

	private final RowFormulas formulas;

	private final boolean date1904;

	XlsxInvoiceRows(Path file, String sourceName, InvoiceHeader header, String sheetName, int maxTitleRows) {
		this.sourceName = sourceName;
		refuseUnlessXlsx(file);
		try {
			this.workbook = StreamingReader.builder()
				.rowCacheSize(100)
				.bufferSize(8192)
				.setReadComments(false)
				.setReadHyperlinks(false)
				.setReadShapes(false)
				.setFullFormatRichText(false)
				.setReadCoreProperties(false)
				.setReadSharedFormulas(true)
				.open(file.toFile());
		}
		catch (RuntimeException ex) {
			throw refused(null, "cannot be opened as an XLSX workbook: " + rootMessage(ex), ex);
		}
		try {
			Sheet sheet = sheet(sheetName);
			this.position = "sheet '" + sheet.getSheetName() + "'";
			this.formulas = new RowFormulas(sheet.getSheetName());
			this.date1904 = workbook instanceof Date1904Support dates && dates.isDate1904();
			this.rows = sheet.rowIterator();
			this.positions = header.positions(Arrays.asList(findHeader(header, maxTitleRows)));
		}
		catch (RuntimeException ex) {
			close();
			throw ex instanceof FileRefusedException refused ? refused
					: refused(null, "cannot be read as an XLSX workbook: " + rootMessage(ex), ex);
		}
	}

	/** A workbook saved with a password is an encrypted OLE2 container, not a zip: say so. */
	private void refuseUnlessXlsx(Path file) {
		FileMagic magic;
		try (InputStream in = FileMagic.prepareToCheckMagic(Files.newInputStream(file))) {
			magic = FileMagic.valueOf(in);
		}
		catch (IOException ex) {
			throw refused(null, "cannot be read: " + ex.getMessage(), ex);
		}
		if (magic == FileMagic.OOXML) {
			return;
		}
		if (magic == FileMagic.OLE2) {
			throw refused(null, encrypted(file) ? "is a password-protected (encrypted) workbook: save it without a password"
					: "is an Excel 97-2003 workbook (.xls), not XLSX: save it as .xlsx or .csv", null);
		}
		throw refused(null, "is not an XLSX workbook (corrupt, or another kind of file)", null);
	}

	private static boolean encrypted(Path file) {
		try (POIFSFileSystem fs = new POIFSFileSystem(file.toFile(), true)) {
			return fs.getRoot().hasEntryCaseInsensitive("EncryptedPackage");
		}
		catch (IOException | RuntimeException ex) {
			return false;
		}
	}

	/** The sheet of that name, else the first visible one; a hidden one is refused, never read. */
	private Sheet sheet(String name) {
		int sheets = workbook.getNumberOfSheets();
		if (sheets == 0) {
			throw refused(null, "has no sheet", null);
		}
		int firstVisible = -1;
		for (int i = 0; i < sheets; i++) {
			if (workbook.getSheetName(i).equalsIgnoreCase(name)) {
				if (hidden(i)) {
					throw refused(null, "sheet '" + workbook.getSheetName(i) + "' is " + visibility(i)
							+ ": hidden sheets are never read (unhide it to import it)", null);
				}
				return workbook.getSheetAt(i);
			}
			if (firstVisible < 0 && !hidden(i)) {
				firstVisible = i;
			}
		}
		if (firstVisible < 0) {
			throw refused(null, "has no sheet named '" + name + "' and every sheet is hidden: hidden sheets are never read",
					null);
		}
		return workbook.getSheetAt(firstVisible);
	}

	private boolean hidden(int sheet) {
		return workbook.isSheetHidden(sheet) || workbook.isSheetVeryHidden(sheet);
	}

	private String visibility(int sheet) {
		return workbook.isSheetVeryHidden(sheet) ? "very hidden" : "hidden";
	}

	/** Reads up to the header, as {@link HeaderSearch} finds it, and returns its cells; refuses a sheet without one. */
	private String[] findHeader(InvoiceHeader header, int maxTitleRows) {
		HeaderSearch.Candidate<HeaderRow> found = HeaderSearch.find(this::nextNonBlankRow, maxTitleRows,
				row -> header.missing(Arrays.asList(row.cells())));
		if (found == null) {
			throw refused(null, position + " is empty: no header row", null);
		}
		if (!found.isHeader()) {
			int number = found.row().number();
			List<String> names = Arrays.stream(found.row().cells()).filter(cell -> cell != null && !cell.isBlank())
				.toList();
			throw refused((long) number, position + " row " + number + ": " + found.refusal(names), null);
		}
		return found.row().cells();
	}

	/** A non-blank row offered as the header: its number as Excel shows it (from 1) and its cells' text. */
	private record HeaderRow(int number, String[] cells) {
	}

	private HeaderRow nextNonBlankRow() {
		while (rows.hasNext()) {
			Row row = rows.next();
			String[] cells = cells(row).texts();
			if (!Arrays.stream(cells).allMatch(cell -> cell == null || cell.isBlank())) {
				return new HeaderRow(row.getRowNum() + 1, cells);
			}
		}
		return null;
	}

	@Override
	public InvoiceRow next() {
		Row row;
		try {
			if (!rows.hasNext()) {
				return null;
			}
			row = rows.next();
		}
		catch (RuntimeException ex) {
			throw refused(null, position + " cannot be read: " + rootMessage(ex), ex);
		}
		Cells cells = cells(row);
		RowSource source = new RowSource(sourceName, row.getRowNum() + 1L, position, raw(cells.texts()));
		for (int i = 0; i < positions.length; i++) {
			String problem = cells.problems().get(positions[i]);
			if (problem != null) {
				throw new RejectedRowException(source, position + " cell "
						+ new CellReference(row.getRowNum(), positions[i]).formatAsString(false) + ": " + problem);
			}
		}
		return new InvoiceRow(source, InvoiceRow.pick(positions, cells.texts()));
	}

	/**
	 * A row's cells as text, by column (a missing cell is {@code null}), and why a formula cell
	 * has no text, by column: a formula saved without a value that cannot be evaluated (its
	 * text, the formula, is shown in the raw row).
	 */
	record Cells(String[] texts, Map<Integer, String> problems) {
	}

	private Cells cells(Row row) {
		String[] cells = new String[Math.max(row.getLastCellNum(), 0)];
		List<Cell> uncached = null;
		for (Cell cell : row) {
			int column = cell.getColumnIndex();
			if (column >= cells.length) {
				cells = Arrays.copyOf(cells, column + 1);
			}
			String text = cell.getCellType() == CellType.FORMULA ? cachedText(cell) : text(cell, cell.getCellType());
			if (text == null) {
				uncached = uncached == null ? new ArrayList<>() : uncached;
				uncached.add(cell);
			}
			cells[column] = text;
		}
		if (uncached == null) {
			return new Cells(cells, Map.of());
		}
		Map<Integer, String> problems = new HashMap<>();
		for (Map.Entry<Integer, RowFormulas.Outcome> outcome : formulas.evaluate(row, uncached).entrySet()) {
			int column = outcome.getKey();
			if (outcome.getValue().problem() != null) {
				problems.put(column, outcome.getValue().problem());
				String formula = RowFormulas.formulaOf(row.getCell(column));
				cells[column] = formula == null ? null : "=" + formula;
			}
			else {
				cells[column] = text(row.getCell(column), outcome.getValue().value());
			}
		}
		return new Cells(cells, problems);
	}

	/**
	 * A formula cell's cached result as text; {@code null} when the file holds none (no value, or
	 * an empty one where a number, a truth value or an error belongs: an empty text is a result).
	 */
	static String cachedText(Cell cell) {
		CellType type = cell.getCachedFormulaResultType();
		try {
			return switch (type) {
				case BLANK -> null;
				case BOOLEAN, ERROR -> cell.getStringCellValue().isEmpty() ? null : text(cell, type);
				default -> text(cell, type);
			};
		}
		catch (NumberFormatException | IllegalStateException ex) {
			return null; // a number that is no number: the empty value many tools write
		}
	}

	static String text(Cell cell, CellType type) {
		return switch (type) {
			case NUMERIC -> DateUtil.isCellDateFormatted(cell)
					? cell.getLocalDateTimeCellValue().toLocalDate().toString() : decimal(cell.getNumericCellValue());
			case STRING -> cell.getStringCellValue();
			case BOOLEAN -> cell.getBooleanCellValue() ? "TRUE" : "FALSE";
			case ERROR -> FormulaError.forInt(cell.getErrorCellValue()).getString();
			default -> "";
		};
	}

	/** An evaluated formula's value as text, as {@link #text(Cell, CellType)} gives a cached one. */
	private String text(Cell cell, CellValue value) {
		return switch (value.getCellType()) {
			case NUMERIC -> dateFormatted(cell, value.getNumberValue())
					? DateUtil.getLocalDateTime(value.getNumberValue(), date1904).toLocalDate().toString()
					: decimal(value.getNumberValue());
			case STRING -> value.getStringValue();
			case BOOLEAN -> value.getBooleanValue() ? "TRUE" : "FALSE";
			case ERROR -> FormulaError.forInt(value.getErrorValue()).getString();
			default -> "";
		};
	}

	private static boolean dateFormatted(Cell cell, double value) {
		CellStyle style = cell.getCellStyle();
		return style != null && DateUtil.isValidExcelDate(value)
				&& DateUtil.isADateFormat(style.getDataFormat(), style.getDataFormatString());
	}

	/**
	 * The exact decimal of a number cell: the double's shortest decimal form (never
	 * {@code new BigDecimal(double)}, which spells out the binary fraction), at Excel's precision.
	 */
	static String decimal(double value) {
		if (!Double.isFinite(value)) {
			return String.valueOf(value);
		}
		return BigDecimal.valueOf(value).round(EXCEL_DIGITS).stripTrailingZeros().toPlainString();
	}

	/** The row as comma-separated text, for the rejects file. */
	private static String raw(String[] cells) {
		return Arrays.stream(cells).map(cell -> {
			if (cell == null) {
				return "";
			}
			boolean quote = cell.indexOf(',') >= 0 || cell.indexOf('"') >= 0 || cell.indexOf('\n') >= 0;
			return quote ? '"' + cell.replace("\"", "\"\"") + '"' : cell;
		}).collect(Collectors.joining(","));
	}

	private FileRefusedException refused(Long line, String reason, Throwable cause) {
		return new FileRefusedException(new RowSource(sourceName, line,
				line == null && position == null ? RowSource.WHOLE_FILE : position, null), sourceName + ": " + reason,
				cause);
	}

	/** The exception's message and its root cause's, on one line (POI's run over several). */
	static String rootMessage(Throwable ex) {
		Throwable root = ex;
		while (root.getCause() != null && root.getCause() != root) {
			root = root.getCause();
		}
		String message = root.getMessage() == null ? root.getClass().getSimpleName() : root.getMessage();
		String text = ex == root || ex.getMessage() == null || ex.getMessage().contains(message) ? message
				: ex.getMessage() + ": " + message;
		return text.strip().replaceAll("\\s*\\R\\s*", " ");
	}

	@Override
	public void close() {
		if (formulas != null) {
			formulas.close();
		}
		if (workbook != null) {
			try {
				workbook.close();
			}
			catch (IOException ex) {
				// nothing was written; the file stays as it was
			}
		}
	}

}
