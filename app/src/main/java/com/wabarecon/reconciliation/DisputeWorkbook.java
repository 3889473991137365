package com.wabarecon.reconciliation;

import java.io.IOException;
import java.io.OutputStream;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Consumer;

import com.wabarecon.balance.BalanceMonth;
import com.wabarecon.rules.Money;
import com.wabarecon.rules.Volumes;
import com.wabarecon.support.accounting.FileCounts;

import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.util.CellRangeAddress;
import org.apache.poi.xssf.streaming.SXSSFSheet;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;

/**
 * The partner-level workbook {@code reconciliation-<month>.xlsx} for the finance team: every
 * line (filterable, header frozen), the discrepancies on their own sheet ready to send to Meta
 * with the invoice references, a summary per client and status, and the run: its parameters,
 * tolerances, tie-out and input files with their SHA-256. Streamed (SXSSF: a window of rows in
 * memory, temporary files disposed). Text is written as text: a cell starting with {@code =}
 * is quote-prefixed, never a formula.
 */
final class DisputeWorkbook {

	private static final int MAX_COLUMNS = 64;

	private static final int MAX_COLUMN_CHARS = 80;

	private static final int PERCENT_DECIMALS = 2;

	/** Room beside a header's text for its filter button. */
	private static final int HEADER_FILTER_CHARS = 3;

	private static final String[] LINE_COLUMNS = { "billing_month", "client_id", "waba_id", "phone_number_id",
			"display_phone_number", "category", "currency", "estimated_volume", "invoiced_volume", "volume_delta",
			"estimated_amount", "invoiced_amount", "amount_delta", "amount_delta_pct", "status", "reason",
			"invoice_ids", "estimate_sources" };

	private static final String[] DISPUTE_COLUMNS = { "invoice_ids", "waba_id", "phone_number_id",
			"display_phone_number", "category", "currency", "estimated_volume", "invoiced_volume", "volume_delta",
			"estimated_amount", "invoiced_amount", "amount_delta", "status", "reason", "client_id" };

	/** The run's facts for the last sheet. */
	record Run(Map<String, String> parameters, String tolerances, List<String> tieOut, List<FileCounts> inputs,
			List<BalanceMonth> balances) {
	}

	private final SXSSFWorkbook workbook = new SXSSFWorkbook(500);

	private final CellStyle header;

	private final CellStyle text;

	private final CellStyle integer;

	private final Map<Integer, CellStyle> money = new TreeMap<>();

	/** The summary's lines and amounts per client, status and currency, added up as the lines are filled. */
	private final Map<String, long[]> counts = new TreeMap<>();

	private final Map<String, BigDecimal[]> amounts = new TreeMap<>();

	private boolean closed;

	/**
	 * The longest text of each column, per sheet, for its width. POI's autosizing measures
	 * every cell with font metrics, a cost that grows with every line. Kept by the sheet itself, not its name: POI reads a sheet's name
	 * from its XML bean under a lock, and this is asked once per cell.
	 */
	private final Map<Sheet, int[]> widestChars = new IdentityHashMap<>();

	private DisputeWorkbook() {
		Font bold = workbook.createFont();
		bold.setBold(true);
		header = workbook.createCellStyle();
		header.setFont(bold);
		text = workbook.createCellStyle();
		text.setQuotePrefixed(true);
		integer = workbook.createCellStyle();
		integer.setDataFormat(workbook.createDataFormat().getFormat("#,##0"));
	}

	/** A workbook to {@link #fill} and then {@link #write}; {@link #close} disposes of its temporary files. */
	static DisputeWorkbook open() {
		return new DisputeWorkbook();
	}

	/**
	 * Writes the workbook to {@code file}: the lines {@linkplain #fill filled} before, their
	 * summary, and the run's facts.
	 */
	void write(Path file, Run run) throws IOException {
		Files.createDirectories(file.getParent());
		summary();
		balances(run.balances());
		run(run);
		try (OutputStream out = Files.newOutputStream(file)) {
			workbook.write(out);
		}
		finally {
			close();
		}
	}

	/** Disposes of the temporary files; the workbook cannot be written afterwards. */
	void close() throws IOException {
		if (!closed) {
			closed = true;
			workbook.close(); // also disposes of the temporary files
		}
	}

	/**
	 * The sheets of the lines: every line, and the discrepancies; the summary's figures are
	 * added up on the way.
	 *
	 * @param lines streams the month's lines to an action, in output order
	 */
	void fill(Consumer<Consumer<ReconLine>> lines) {
		SXSSFSheet all = sheet("Lines", LINE_COLUMNS);
		SXSSFSheet disputes = sheet("Discrepancies", DISPUTE_COLUMNS);
		lines.accept(line -> {
			Row row = all.createRow(all.getLastRowNum() + 1);
			int c = 0;
			textCell(row, c++, line.billingMonth());
			textCell(row, c++, line.clientId());
			textCell(row, c++, line.wabaId());
			textCell(row, c++, line.phoneNumberId());
			textCell(row, c++, line.displayPhoneNumber());
			textCell(row, c++, line.category());
			textCell(row, c++, line.currency());
			volume(row, c++, line.category(), line.estimatedVolume());
			volume(row, c++, line.category(), line.invoicedVolume());
			volume(row, c++, line.category(), line.volumeDelta());
			amountOrUnknown(row, c++, line.estimatedAmount(), line.currency());
			money(row, c++, line.invoicedAmount(), line.currency());
			amountOrUnknown(row, c++, line.amountDelta(), line.currency());
			decimal(row, c++, line.amountDeltaPct(), PERCENT_DECIMALS);
			textCell(row, c++, line.status().name());
			textCell(row, c++, line.reason());
			textCell(row, c++, line.invoiceIds());
			textCell(row, c, line.estimateSources());
			if (line.status().isDiscrepancy()) {
				Row dispute = disputes.createRow(disputes.getLastRowNum() + 1);
				int d = 0;
				textCell(dispute, d++, line.invoiceIds());
				textCell(dispute, d++, line.wabaId());
				textCell(dispute, d++, line.phoneNumberId());
				textCell(dispute, d++, line.displayPhoneNumber());
				textCell(dispute, d++, line.category());
				textCell(dispute, d++, line.currency());
				volume(dispute, d++, line.category(), line.estimatedVolume());
				volume(dispute, d++, line.category(), line.invoicedVolume());
				volume(dispute, d++, line.category(), line.volumeDelta());
				amountOrUnknown(dispute, d++, line.estimatedAmount(), line.currency());
				money(dispute, d++, line.invoicedAmount(), line.currency());
				amountOrUnknown(dispute, d++, line.amountDelta(), line.currency());
				textCell(dispute, d++, line.status().name());
				textCell(dispute, d++, line.reason());
				textCell(dispute, d, line.clientId());
			}
			String key = (line.clientId() == null ? "(unknown channel)" : line.clientId()) + "\u0000"
					+ line.status().name() + "\u0000" + line.currency();
			counts.computeIfAbsent(key, k -> new long[1])[0]++;
			BigDecimal[] sums = amounts.computeIfAbsent(key,
					k -> new BigDecimal[] { BigDecimal.ZERO, BigDecimal.ZERO, BigDecimal.ZERO });
			// one unknown estimate makes the sum unknown: never a partial sum shown as the whole
			sums[0] = addOrUnknown(sums[0], line.estimatedAmount());
			sums[1] = sums[1].add(line.invoicedAmount());
			sums[2] = addOrUnknown(sums[2], line.amountDelta());
		});
		finish(all, LINE_COLUMNS.length);
		if (disputes.getLastRowNum() == 0) {
			textCell(disputes.createRow(1), 0, "No discrepancy beyond tolerance this month.");
		}
		finish(disputes, DISPUTE_COLUMNS.length);
	}

	private void summary() {
		String[] columns = { "client_id", "status", "currency", "lines", "estimated_amount", "invoiced_amount",
				"amount_delta" };
		SXSSFSheet sheet = sheet("Summary", columns);
		counts.forEach((key, count) -> {
			String[] parts = key.split("\u0000");
			Row row = sheet.createRow(sheet.getLastRowNum() + 1);
			textCell(row, 0, parts[0]);
			textCell(row, 1, parts[1]);
			textCell(row, 2, parts[2]);
			number(row, 3, count[0]);
			BigDecimal[] sums = amounts.get(key);
			amountOrUnknown(row, 4, sums[0], parts[2]);
			money(row, 5, sums[1], parts[2]);
			amountOrUnknown(row, 6, sums[2], parts[2]);
		});
		finish(sheet, columns.length);
	}

	/** Every Direct Payment channel's roll-forward and days of funds left, the most urgent first; none: no sheet. */
	private void balances(List<BalanceMonth> balances) {
		if (balances.isEmpty()) {
			return;
		}
		String[] columns = { "client_id", "channel_id", "currency", "opening", "added", "used", "other",
				"expected_closing", "closing", "difference", "invoiced_usage", "daily_cost", "days_left",
				"runs_out_soon", "empty_on", "auto_renewal", "renews_on", "suggested_threshold", "suggested_amount",
				"usage" };
		SXSSFSheet sheet = sheet("Balances", columns);
		for (BalanceMonth balance : balances) {
			Row row = sheet.createRow(sheet.getLastRowNum() + 1);
			String currency = balance.currency();
			textCell(row, 0, balance.clientId());
			textCell(row, 1, balance.channelId());
			textCell(row, 2, currency);
			amountOrUnknown(row, 3, balance.opening(), currency);
			money(row, 4, balance.added(), currency);
			money(row, 5, balance.used(), currency);
			money(row, 6, balance.other(), currency);
			amountOrUnknown(row, 7, balance.expectedClosing(), currency);
			amountOrUnknown(row, 8, balance.closing(), currency);
			amountOrUnknown(row, 9, balance.difference(), currency);
			money(row, 10, balance.invoicedUsage(), currency);
			amountOrUnknown(row, 11, balance.dailyCost(), currency);
			decimal(row, 12, balance.daysLeft(), 1);
			textCell(row, 13, balance.runsOutSoon() ? "yes" : "no");
			textCell(row, 14, balance.emptyDate() == null ? null : balance.emptyDate().toString());
			textCell(row, 15, balance.renewalEnabled() ? "on" : "off");
			textCell(row, 16, balance.renewalDate() == null ? null : balance.renewalDate().toString());
			money(row, 17, balance.suggestedThreshold(), currency);
			money(row, 18, balance.suggestedAmount(), currency);
			textCell(row, 19, balance.stableUsage() ? "stable" : "fluctuating");
		}
		finish(sheet, columns.length);
	}

	private void run(Run run) {
		SXSSFSheet sheet = sheet("Run", new String[] { "item", "value", "sha256", "read", "loaded", "rejected",
				"skipped" });
		run.parameters().forEach((name, value) -> pair(sheet, "parameter " + name, value));
		pair(sheet, "tolerances", run.tolerances());
		// the report is written only after the tie-out held
		run.tieOut().forEach(check -> pair(sheet, "tie-out ok", check));
		for (FileCounts input : run.inputs()) {
			Row row = sheet.createRow(sheet.getLastRowNum() + 1);
			textCell(row, 0, "input file");
			textCell(row, 1, input.sourceFile());
			textCell(row, 2, input.sha256());
			number(row, 3, input.read());
			number(row, 4, input.loaded());
			number(row, 5, input.rejected());
			number(row, 6, input.skipped());
		}
		finish(sheet, 7);
	}

	private void pair(SXSSFSheet sheet, String item, String value) {
		Row row = sheet.createRow(sheet.getLastRowNum() + 1);
		textCell(row, 0, item);
		textCell(row, 1, value);
	}

	private SXSSFSheet sheet(String name, String[] columns) {
		SXSSFSheet sheet = workbook.createSheet(name);
		Row row = sheet.createRow(0);
		for (int i = 0; i < columns.length; i++) {
			Cell cell = row.createCell(i);
			cell.setCellValue(columns[i]);
			cell.setCellStyle(header);
			widen(row, i, columns[i].length() + HEADER_FILTER_CHARS);
		}
		sheet.createFreezePane(0, 1);
		return sheet;
	}

	private void finish(SXSSFSheet sheet, int columns) {
		sheet.setAutoFilter(new CellRangeAddress(0, Math.max(0, sheet.getLastRowNum()), 0, columns - 1));
		int[] widest = widestChars.getOrDefault(sheet, new int[0]);
		for (int i = 0; i < columns && i < widest.length; i++) {
			sheet.setColumnWidth(i, Math.min(widest[i] + 2, MAX_COLUMN_CHARS) * 256);
		}
	}

	private void textCell(Row row, int column, String value) {
		if (value != null) {
			Cell cell = row.createCell(column);
			cell.setCellValue(value);
			cell.setCellStyle(text);
			widen(row, column, value.length());
		}
	}

	private void number(Row row, int column, long value) {
		Cell cell = row.createCell(column);
		cell.setCellValue(value);
		cell.setCellStyle(integer);
		int digits = digits(value);
		widen(row, column, digits + digits / 3); // with thousands separators
	}

	/** A line's volume in its unit: whole messages, or minutes with one decimal ({@link Volumes}). */
	private void volume(Row row, int column, String category, long value) {
		if (Volumes.inMinutes(category)) {
			decimal(row, column, Volumes.shown(category, value), 1);
		}
		else {
			number(row, column, value);
		}
	}

	private void widen(Row row, int column, long chars) {
		int[] widest = widestChars.computeIfAbsent(row.getSheet(), sheet -> new int[MAX_COLUMNS]);
		if (column < widest.length && chars > widest[column]) {
			widest[column] = (int) Math.min(chars, MAX_COLUMN_CHARS);
		}
	}

	/** An amount in the currency, rounded as every output rounds it ({@link Money}). */
	private void money(Row row, int column, BigDecimal value, String currency) {
		if (value != null) {
			decimal(row, column, Money.round(value, currency), Money.digits(currency));
		}
	}

	/** An amount that may be unknown (an estimate not converted or not priced): then it says so, never 0.00. */
	private void amountOrUnknown(Row row, int column, BigDecimal value, String currency) {
		if (value == null) {
			textCell(row, column, Money.UNKNOWN);
		}
		else {
			money(row, column, value, currency);
		}
	}

	private void decimal(Row row, int column, BigDecimal value, int decimals) {
		if (value == null) {
			return;
		}
		Cell cell = row.createCell(column);
		BigDecimal shown = value.setScale(decimals, RoundingMode.HALF_UP);
		cell.setCellValue(shown.doubleValue());
		widen(row, column, plainLength(shown) + shown.precision() / 3);
		cell.setCellStyle(money.computeIfAbsent(decimals, d -> {
			CellStyle style = workbook.createCellStyle();
			style.setDataFormat(workbook.createDataFormat().getFormat(d == 0 ? "#,##0" : "#,##0." + "0".repeat(d)));
			return style;
		}));
	}

	/** The characters of a whole number, its sign included: counted, not printed. */
	static int digits(long value) {
		int chars = value < 0 ? 2 : 1;
		for (long rest = Math.abs(value / 10); rest > 0; rest /= 10) {
			chars++;
		}
		return chars;
	}

	/** The characters of {@link BigDecimal#toPlainString()} for a scale of 0 or more: counted, not printed. */
	static int plainLength(BigDecimal value) {
		int scale = value.scale();
		int wholeDigits = Math.max(value.precision() - scale, 1);
		return (value.signum() < 0 ? 1 : 0) + wholeDigits + (scale > 0 ? 1 + scale : 0);
	}

	private static BigDecimal addOrUnknown(BigDecimal sum, BigDecimal value) {
		return sum == null || value == null ? null : sum.add(value);
	}

}
