package com.wabarecon.statement;

import java.io.IOException;
import java.io.OutputStream;
import java.math.BigDecimal;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

import javax.xml.transform.TransformerFactory;

import com.wabarecon.balance.BalanceMonth;
import com.wabarecon.forecast.ForecastLine;
import com.wabarecon.rules.CallPricing;
import com.wabarecon.rules.Volumes;

import org.springframework.context.MessageSource;

import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.util.CellRangeAddress;
import org.apache.poi.ss.util.CellReference;
import org.apache.poi.xssf.streaming.SXSSFSheet;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;

/**
 * The statement as an Excel workbook for the client's accountants: {@code Summary},
 * {@code Lines} (every reconciliation line with the reconciliation CSV's columns, then the
 * channel, free volumes and invoices), {@code Daily} (estimates per day and category),
 * {@code Calls} (calls per day and direction, when the client had calls), {@code Balance} (the
 * prepaid balance of each number on Direct Payment, when it has some) and
 * {@code Discrepancies} (always there; it says so when there are none). Headers are frozen and
 * filtered, numbers are number cells, totals are formulas over the rows, so every figure can be
 * added again. Written with SXSSF (rows streamed through a compressed temporary file, deleted
 * when the workbook closes). Thread-safe: each call has its own workbook.
 */
class PoiStatementRenderer implements StatementRenderer {

	static final String SUMMARY = "Summary";

	static final String LINES = "Lines";

	static final String DAILY = "Daily";

	static final String DISCREPANCIES = "Discrepancies";

	/** Only when the client had calls. */
	static final String CALLS = "Calls";

	static final String BALANCE = "Balance";

	static final String FORECAST = "Forecast";

	/** The reconciliation CSV's columns (the contract), then what the statement adds. */
	static final String[] LINE_COLUMNS = { "billing_month", "client_id", "waba_id", "phone_number_id", "category",
			"currency", "estimated_volume", "invoiced_volume", "volume_delta", "estimated_amount", "invoiced_amount",
			"amount_delta", "amount_delta_pct", "status", "reason", "channel_id", "display_phone_number",
			"estimated_free_volume", "invoiced_free_volume", "invoice_ids" };

	private static final int CURRENCY = 5;

	/** Lines columns summed per currency: volumes, amounts, free volumes. */
	private static final int[] SUMMED = { 6, 7, 8, 9, 10, 11, 17, 18 };

	private static final int ROWS_IN_MEMORY = 100;

	private static final String TRANSFORMER_FACTORY = "javax.xml.transform.TransformerFactory";

	private static final DateTimeFormatter GENERATED = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss 'UTC'")
		.withZone(ZoneOffset.UTC);

	private final MessageSource messages;

	static {
		// JAXP looks for a TransformerFactory on the class path (a ServiceLoader scan of the jars)
		// each time one is asked for, and POI asks for one for every part of a workbook it saves:
		// 8% of a statement workbook. Naming the implementation it finds keeps that same one.
		System.getProperties()
			.putIfAbsent(TRANSFORMER_FACTORY, TransformerFactory.newInstance().getClass().getName());
	}

	PoiStatementRenderer(MessageSource messages) {
		this.messages = messages;
	}

	@Override
	public String extension() {
		return "xlsx";
	}

	@Override
	public void render(Statement statement, OutputStream out) throws IOException {
		SXSSFWorkbook workbook = new SXSSFWorkbook(ROWS_IN_MEMORY);
		try {
			workbook.setCompressTempFiles(true);
			StatementText text = new StatementText(messages, statement);
			WorkbookCells cells = new WorkbookCells(workbook, text.label("statement.unknown"));
			Sheet summary = workbook.createSheet(SUMMARY);
			int linesEnd = lines(statement, text, workbook.createSheet(LINES), cells);
			daily(statement, text, workbook.createSheet(DAILY), cells);
			if (!statement.calls().isEmpty()) {
				calls(statement, text, workbook.createSheet(CALLS), cells);
			}
			if (!statement.balances().isEmpty()) {
				balances(statement, workbook.createSheet(BALANCE), cells);
			}
			if (!statement.forecast().isEmpty()) {
				forecast(statement, workbook.createSheet(FORECAST), cells);
			}
			discrepancies(statement, text, workbook.createSheet(DISCREPANCIES), cells);
			summary(statement, text, summary, cells, linesEnd);
			workbook.setForceFormulaRecalculation(true);
			workbook.write(out);
		}
		finally {
			// deletes the temporary files; close() would also save the in-memory workbook it
			// streamed into out once more, for nothing (10% of a statement workbook)
			workbook.dispose();
		}
	}

	/** Writes the lines and their totals per currency; returns the last data row (1-based, as in formulas). */
	private static int lines(Statement statement, StatementText text, Sheet sheet, WorkbookCells cells) {
		cells.header(sheet.createRow(0), LINE_COLUMNS);
		int index = 1;
		for (Statement.Line line : statement.lines()) {
			Row row = sheet.createRow(index++);
			String money = WorkbookCells.money(line.currency());
			cells.text(row, 0, statement.month());
			cells.text(row, 1, statement.client().clientId());
			cells.text(row, 2, line.wabaId());
			cells.text(row, 3, line.phoneNumberId());
			cells.text(row, 4, line.category());
			cells.text(row, 5, line.currency());
			cells.volume(row, 6, line.category(), line.estimatedVolume());
			cells.volume(row, 7, line.category(), line.invoicedVolume());
			cells.volume(row, 8, line.category(), line.volumeDelta());
			cells.amountOrUnknown(row, 9, line.estimatedAmount(), money);
			cells.number(row, 10, line.invoicedAmount(), money);
			cells.amountOrUnknown(row, 11, line.amountDelta(), money);
			cells.number(row, 12, line.amountDeltaPct(), WorkbookCells.PERCENT_POINTS);
			cells.text(row, 13, line.status());
			cells.text(row, 14, text.reason(line));
			cells.text(row, 15, line.channelId());
			cells.text(row, 16, line.displayPhoneNumber());
			cells.volume(row, 17, line.category(), line.estimatedFreeVolume());
			cells.volume(row, 18, line.category(), line.invoicedFreeVolume());
			cells.text(row, 19, line.invoiceIds());
		}
		int last = Math.max(index, 2);
		finish(sheet, LINE_COLUMNS.length, last, new int[] { 9, 9, 18, 18, 16, 6, 11, 11, 10, 13, 13, 13, 10, 20, 60,
				10, 14, 11, 11, 24 });
		index++;
		for (String currency : currencies(statement.lines().stream().map(Statement.Line::currency).toList())) {
			Row row = sheet.createRow(index++);
			cells.text(row, 0, text.label("statement.total"), true);
			cells.text(row, CURRENCY, currency, true);
			List<String> lineCurrencies = statement.lines().stream().map(Statement.Line::currency).toList();
			// messages and minutes do not add up: no volume total in a currency with calls
			boolean minutes = statement.lines().stream()
				.anyMatch(line -> line.currency().equals(currency) && Volumes.inMinutes(line.category()));
			for (int column : SUMMED) {
				if (minutes && (column < 9 || column > 11)) {
					continue;
				}
				String format = column >= 9 && column <= 11 ? WorkbookCells.money(currency) : WorkbookCells.VOLUME;
				String total = sum(lineCurrencies, currency, CURRENCY, column, last);
				cells.formula(row, column, column == 9 || column == 11
						? unlessUnknown(cells, total, CURRENCY, "\"" + currency + "\"", column, last) : total, format, true);
			}
		}
		return last;
	}

	private static void daily(Statement statement, StatementText text, Sheet sheet, WorkbookCells cells) {
		// period: "day", or "month" for a source that counts the whole month (dated its first day)
		cells.header(sheet.createRow(0), "date", "category", "currency", "paid_volume", "free_volume", "volume",
				"estimated_cost", "period");
		int index = 1;
		for (Statement.Day day : statement.days()) {
			Row row = sheet.createRow(index++);
			cells.date(row, 0, day.date());
			cells.text(row, 1, day.category());
			cells.text(row, 2, day.currency());
			cells.number(row, 3, day.paidVolume());
			cells.number(row, 4, day.freeVolume());
			cells.formula(row, 5, "D" + index + "+E" + index, WorkbookCells.VOLUME, false);
			cells.amountOrUnknown(row, 6, day.cost(), WorkbookCells.money(day.currency()));
			cells.text(row, 7, day.wholeMonth() ? "month" : "day");
		}
		int last = Math.max(index, 2);
		finish(sheet, 8, last, new int[] { 12, 28, 9, 12, 12, 12, 16, 8 });
		index++;
		List<String> dayCurrencies = statement.days().stream().map(Statement.Day::currency).toList();
		for (String currency : currencies(dayCurrencies)) {
			Row row = sheet.createRow(index++);
			cells.text(row, 0, text.label("statement.total"), true);
			cells.text(row, 2, currency, true);
			for (int column = 3; column <= 6; column++) {
				String total = sum(dayCurrencies, currency, 2, column, last);
				cells.formula(row, column, column == 6 ? unlessUnknown(cells, total, 2, "\"" + currency + "\"", column, last) : total,
						column == 6 ? WorkbookCells.money(currency) : WorkbookCells.VOLUME, true);
			}
		}
	}

	/**
	 * The month's counted calls per day and direction: talk time, billed minutes (6-second
	 * pulses), estimated cost, and whether the minutes are approximate (from an export's average).
	 */
	private static void calls(Statement statement, StatementText text, Sheet sheet, WorkbookCells cells) {
		cells.header(sheet.createRow(0), "date", "direction", "currency", "calls", "talk_seconds", "billed_minutes",
				"estimated_cost", "minutes");
		int index = 1;
		for (Statement.CallDay day : statement.calls()) {
			Row row = sheet.createRow(index++);
			cells.date(row, 0, day.date());
			cells.text(row, 1, day.direction());
			cells.text(row, 2, day.currency());
			cells.number(row, 3, day.calls());
			cells.number(row, 4, day.durationSeconds());
			cells.number(row, 5, CallPricing.minutes(day.billedPulses()), WorkbookCells.MINUTES);
			cells.amountOrUnknown(row, 6, day.cost(), WorkbookCells.money(day.currency()));
			cells.text(row, 7, day.approximate() ? "approximate" : "exact");
		}
		int last = Math.max(index, 2);
		finish(sheet, 8, last, new int[] { 12, 22, 9, 9, 12, 14, 16, 12 });
		index++;
		List<String> callCurrencies = statement.calls().stream().map(Statement.CallDay::currency).toList();
		for (String currency : currencies(callCurrencies)) {
			Row row = sheet.createRow(index++);
			cells.text(row, 0, text.label("statement.total"), true);
			cells.text(row, 2, currency, true);
			for (int column = 3; column <= 6; column++) {
				String total = sum(callCurrencies, currency, 2, column, last);
				cells.formula(row, column, column == 6 ? unlessUnknown(cells, total, 2, "\"" + currency + "\"", column, last)
						: total, column == 6 ? WorkbookCells.money(currency)
								: column == 5 ? WorkbookCells.MINUTES : WorkbookCells.VOLUME, true);
			}
		}
	}

	/**
	 * The prepaid balance of each phone number on Direct Payment, the most urgent first: the
	 * roll-forward, usage per the invoice, how long the funds last, the auto-renewal and the
	 * suggested one. A figure that cannot be known says unknown.
	 */
	private static void balances(Statement statement, Sheet sheet, WorkbookCells cells) {
		cells.header(sheet.createRow(0), "phone_number", "currency", "opening", "added", "used", "other",
				"expected_closing", "closing", "difference", "invoiced_usage", "daily_cost", "days_left", "runs_out_on",
				"auto_renewal", "renews_on", "suggested_threshold", "suggested_amount", "usage");
		int index = 1;
		for (BalanceMonth balance : statement.balances()) {
			Row row = sheet.createRow(index++);
			String money = WorkbookCells.money(balance.currency());
			cells.text(row, 0, balance.displayPhoneNumber() == null ? balance.channelId()
					: "+" + balance.displayPhoneNumber());
			cells.text(row, 1, balance.currency());
			cells.amountOrUnknown(row, 2, balance.opening(), money);
			cells.number(row, 3, balance.added(), money);
			cells.number(row, 4, balance.used(), money);
			cells.number(row, 5, balance.other(), money);
			cells.amountOrUnknown(row, 6, balance.expectedClosing(), money);
			cells.amountOrUnknown(row, 7, balance.closing(), money);
			cells.amountOrUnknown(row, 8, balance.difference(), money);
			cells.number(row, 9, balance.invoicedUsage(), money);
			cells.amountOrUnknown(row, 10, balance.dailyCost(), money);
			cells.number(row, 11, balance.daysLeft(), WorkbookCells.DAYS);
			cells.date(row, 12, balance.emptyDate());
			cells.text(row, 13, balance.renewalEnabled() ? "on" : "off");
			cells.date(row, 14, balance.renewalDate());
			cells.number(row, 15, balance.suggestedThreshold(), money);
			cells.number(row, 16, balance.suggestedAmount(), money);
			cells.text(row, 17, balance.stableUsage() ? "stable" : "fluctuating");
		}
		finish(sheet, 18, Math.max(index, 2), new int[] { 18, 9, 12, 12, 12, 12, 14, 12, 12, 14, 12, 10, 12, 12, 12,
				18, 16, 12 });
	}

	/**
	 * The approximate charges of the coming month per currency and category: volume and cost,
	 * each with its 80 % range (none with low confidence); a cost no rate prices says unknown.
	 */
	private static void forecast(Statement statement, Sheet sheet, WorkbookCells cells) {
		cells.header(sheet.createRow(0), "forecast_month", "currency", "category", "volume", "volume_low",
				"volume_high", "confidence", "cost", "cost_low", "cost_high");
		int index = 1;
		String month = statement.billingMonth().plusMonths(1).toString();
		for (ForecastLine line : statement.forecast()) {
			Row row = sheet.createRow(index++);
			String money = WorkbookCells.money(line.currency());
			cells.text(row, 0, month);
			cells.text(row, 1, line.currency());
			cells.text(row, 2, line.category());
			cells.volume(row, 3, line.category(), line.volume());
			if (line.low() != null) {
				cells.volume(row, 4, line.category(), line.low());
				cells.volume(row, 5, line.category(), line.high());
			}
			cells.text(row, 6, line.lowConfidence() ? "low" : "80 % interval");
			cells.amountOrUnknown(row, 7, line.cost(), money);
			cells.number(row, 8, line.costLow(), money);
			cells.number(row, 9, line.costHigh(), money);
		}
		finish(sheet, 10, Math.max(index, 2), new int[] { 14, 9, 28, 12, 12, 12, 14, 14, 14, 14 });
	}

	private static void discrepancies(Statement statement, StatementText text, Sheet sheet, WorkbookCells cells) {
		cells.header(sheet.createRow(0), "channel", "waba_id", "phone_number_id", "category", "currency",
				"estimated_amount", "invoiced_amount", "amount_delta", "amount_delta_pct", "volume_delta", "status",
				"reason");
		int index = 1;
		for (Statement.Line line : statement.discrepancies()) {
			Row row = sheet.createRow(index++);
			String money = WorkbookCells.money(line.currency());
			cells.text(row, 0, text.channel(line));
			cells.text(row, 1, line.wabaId());
			cells.text(row, 2, line.phoneNumberId());
			cells.text(row, 3, line.category());
			cells.text(row, 4, line.currency());
			cells.amountOrUnknown(row, 5, line.estimatedAmount(), money);
			cells.number(row, 6, line.invoicedAmount(), money);
			cells.amountOrUnknown(row, 7, line.amountDelta(), money);
			cells.number(row, 8, line.amountDeltaPct(), WorkbookCells.PERCENT_POINTS);
			cells.volume(row, 9, line.category(), line.volumeDelta());
			cells.text(row, 10, line.status());
			cells.text(row, 11, text.reason(line));
		}
		if (index == 1) {
			cells.text(sheet.createRow(index++), 0, text.label("statement.noDiscrepancies"));
		}
		finish(sheet, 12, index, new int[] { 30, 18, 18, 16, 9, 14, 14, 14, 12, 11, 20, 70 });
	}

	private static void summary(Statement statement, StatementText text, Sheet sheet, WorkbookCells cells,
			int linesEnd) {
		((SXSSFSheet) sheet).setRandomAccessWindowSize(-1); // small; its totals rows are written last
		cells.title(sheet.createRow(0), text.label("statement.title"));
		int index = 2;
		index = field(sheet, cells, index, text.label("statement.client"), statement.client().name(), true);
		index = field(sheet, cells, index, text.label("statement.clientId"), statement.client().clientId(), false);
		index = field(sheet, cells, index, text.label("statement.billingMonth"), statement.month(), false);
		index = field(sheet, cells, index, text.label("statement.invoices"), String.join(", ", statement.invoiceIds()),
				false);
		index = field(sheet, cells, index, text.label("statement.generated"), GENERATED.format(statement.generatedAt()),
				false);
		index++;

		List<Statement.Total> totals = statement.totals();
		cells.header(sheet.createRow(index++), labels(text, "currency", "estimated", "invoiced", "difference",
				"adjustments", "credits", "taxes", "totalInvoiced", "lines", "discrepancies"));
		int totalsFirst = index; // filled last, once the charges' rows are known
		index += totals.size() + 1;

		cells.header(sheet.createRow(index++), labels(text, "status", "lines"));
		int statusFirst = index + 1;
		for (Map.Entry<String, Long> status : statement.linesPerStatus().entrySet()) {
			Row row = sheet.createRow(index++);
			cells.text(row, 0, text.status(status.getKey()));
			cells.number(row, 1, status.getValue());
		}
		Row statusTotal = sheet.createRow(index++);
		cells.text(statusTotal, 0, text.label("statement.total"), true);
		cells.formula(statusTotal, 1, "SUM(B" + statusFirst + ":B" + Math.max(index - 1, statusFirst) + ")",
				WorkbookCells.VOLUME, true);
		index++;

		cells.text(sheet.createRow(index++), 0, text.label("statement.chargesSection"), true);
		cells.header(sheet.createRow(index++), text.label("statement.col.invoice"), "WABA",
				text.label("statement.col.type"), text.label("statement.col.currency"), text.label("statement.col.amount"));
		int chargesFirst = index + 1;
		if (statement.charges().isEmpty()) {
			cells.text(sheet.createRow(index++), 0, text.label("statement.charges.noneShort"));
		}
		for (Statement.Charge charge : statement.charges()) {
			Row row = sheet.createRow(index++);
			cells.text(row, 0, charge.invoiceId());
			cells.text(row, 1, charge.wabaId());
			cells.text(row, 2, text.lineType(charge.lineType()));
			cells.text(row, 3, charge.currency());
			cells.number(row, 4, charge.amount(), WorkbookCells.money(charge.currency()));
		}
		int chargesLast = index;
		index++;

		String linesCurrency = "Lines!$F$2:$F$" + linesEnd;
		for (int i = 0; i < totals.size(); i++) {
			Statement.Total total = totals.get(i);
			Row row = sheet.createRow(totalsFirst + i);
			int excelRow = totalsFirst + i + 1;
			String money = WorkbookCells.money(total.currency());
			String currencyCell = "$A" + excelRow;
			cells.text(row, 0, total.currency(), true);
			cells.formula(row, 1, unlessUnknown(cells, "SUMIF(" + linesCurrency + "," + currencyCell + ",Lines!J$2:J$" + linesEnd
					+ ")", linesCurrency, currencyCell, "Lines!J$2:J$" + linesEnd), money, false);
			cells.formula(row, 2, "SUMIF(" + linesCurrency + "," + currencyCell + ",Lines!K$2:K$" + linesEnd + ")", money, false);
			cells.formula(row, 3, unlessUnknown(cells, "SUMIF(" + linesCurrency + "," + currencyCell + ",Lines!L$2:L$" + linesEnd
					+ ")", linesCurrency, currencyCell, "Lines!L$2:L$" + linesEnd), money, false);
			int column = 4;
			for (String type : Statement.CHARGE_TYPES) {
				cells.formula(row, column++, "SUMIFS($E$" + chargesFirst + ":$E$" + chargesLast + ",$D$" + chargesFirst
						+ ":$D$" + chargesLast + "," + currencyCell + ",$C$" + chargesFirst + ":$C$" + chargesLast + ",\""
						+ text.lineType(type) + "\")", money, false);
			}
			cells.formula(row, 7, "SUM(C" + excelRow + ",E" + excelRow + ":G" + excelRow + ")", money, true);
			cells.formula(row, 8, "COUNTIF(" + linesCurrency + "," + currencyCell + ")", WorkbookCells.VOLUME, false);
			cells.number(row, 9, total.discrepancies());
		}

		index = changes(statement, text, sheet, cells, index);
		conversion(statement, text, sheet, cells, index + 1);
		int[] widths = { 26, 18, 18, 14, 14, 14, 14, 16, 9, 13 };
		for (int column = 0; column < widths.length; column++) {
			sheet.setColumnWidth(column, widths[column] * 256);
		}
	}

	/** Writes the comparison with the previous month; returns the next free row. */
	private static int changes(Statement statement, StatementText text, Sheet sheet, WorkbookCells cells, int index) {
		String previousMonth = text.month(statement.billingMonth().minusMonths(1));
		cells.text(sheet.createRow(index++), 0, text.label("statement.comparedWith", previousMonth), true);
		List<Statement.Change> changes = statement.changes();
		if (changes.isEmpty()) {
			cells.text(sheet.createRow(index++), 0, text.label("statement.nothingToCompare", previousMonth));
			return index;
		}
		cells.header(sheet.createRow(index++), labels(text, "currency", "category", "previousVolume", "volume", "change",
				"previousAmount", "amount", "change"));
		int first = index + 1;
		for (Statement.Change change : changes) {
			Row row = sheet.createRow(index++);
			int excelRow = index;
			String money = WorkbookCells.money(change.currency());
			boolean total = change.category() == null;
			cells.text(row, 0, change.currency(), total);
			if (total) {
				cells.text(row, 1, text.label("statement.allCategories"), true);
				if (change.volume() != null) { // none where messages and minutes meet
					cells.formula(row, 2, "SUM(C" + first + ":C" + (excelRow - 1) + ")", WorkbookCells.VOLUME, true);
					cells.formula(row, 3, "SUM(D" + first + ":D" + (excelRow - 1) + ")", WorkbookCells.VOLUME, true);
				}
				cells.formula(row, 5, "SUM(F" + first + ":F" + (excelRow - 1) + ")", money, true);
				cells.formula(row, 6, "SUM(G" + first + ":G" + (excelRow - 1) + ")", money, true);
				first = excelRow + 1;
			}
			else {
				String volume = Volumes.inMinutes(change.category()) ? WorkbookCells.MINUTES : WorkbookCells.VOLUME;
				cells.text(row, 1, text.category(change.category()));
				cells.number(row, 2, change.shown(change.previousVolume()), volume);
				cells.number(row, 3, change.shown(change.volume()), volume);
				cells.number(row, 5, change.previousAmount(), money);
				cells.number(row, 6, change.amount(), money);
			}
			cells.formula(row, 4, "IF(N(C" + excelRow + ")=0,\"\",D" + excelRow + "/C" + excelRow + "-1)",
					WorkbookCells.PERCENT, total);
			cells.formula(row, 7, "IF(N(F" + excelRow + ")=0,\"\",G" + excelRow + "/ABS(F" + excelRow + ")-1)",
					WorkbookCells.PERCENT, total);
		}
		return index;
	}

	/** The month's total in the client's statement currency, with the rates used, where a total is in another currency. */
	private static void conversion(Statement statement, StatementText text, Sheet sheet, WorkbookCells cells, int index) {
		statement.conversion().ifPresent(conversion -> {
			String month = text.month(statement.billingMonth());
			Row row = sheet.createRow(index);
			if (conversion.total() == null) {
				cells.text(row, 0, text.label("statement.converted.unknown", conversion.currency(),
						String.join(", ", conversion.missing()), month));
				return;
			}
			cells.text(row, 0, text.label("statement.col.totalInvoiced") + " (" + conversion.currency() + ")", true);
			cells.number(row, 1, conversion.total(), WorkbookCells.money(conversion.currency()));
			int next = index + 1;
			for (Map.Entry<String, BigDecimal> rate : conversion.rates().entrySet()) {
				cells.text(sheet.createRow(next++), 0, text.label("statement.converted.rate", rate.getKey(),
						text.rate(rate.getValue()), conversion.currency(), month));
			}
		});
	}

	private static String[] labels(StatementText text, String... columns) {
		return Arrays.stream(columns).map(column -> text.label("statement.col." + column)).toArray(String[]::new);
	}

	private static int field(Sheet sheet, WorkbookCells cells, int index, String label, String value, boolean bold) {
		Row row = sheet.createRow(index);
		cells.text(row, 0, label, true);
		cells.text(row, 1, value, bold);
		return index + 1;
	}

	/** Freezes the header row, filters the data rows, sets the columns' widths (in characters). */
	private static void finish(Sheet sheet, int columns, int lastRow, int[] widths) {
		sheet.createFreezePane(0, 1);
		sheet.setAutoFilter(new CellRangeAddress(0, lastRow - 1, 0, columns - 1));
		for (int column = 0; column < widths.length; column++) {
			sheet.setColumnWidth(column, widths[column] * 256);
		}
	}

	/** {@code SUM} over the data rows when they are all in one currency, else {@code SUMIF} on the currency. */
	private static String sum(List<String> rowCurrencies, String currency, int currencyColumn, int column, int last) {
		String letter = CellReference.convertNumToColString(column);
		String values = letter + "$2:" + letter + "$" + last;
		if (rowCurrencies.stream().distinct().count() <= 1) {
			return "SUM(" + values + ")";
		}
		String currencies = CellReference.convertNumToColString(currencyColumn);
		return "SUMIF($" + currencies + "$2:$" + currencies + "$" + last + ",\"" + currency + "\"," + values + ")";
	}

	/**
	 * A total of amounts that says "unknown" when one of the amounts it adds is unknown (a line's
	 * estimate not converted or not priced): a spreadsheet's SUM would skip the text and show the
	 * rest as the whole.
	 */
	private static String unlessUnknown(WorkbookCells cells, String total, String currencies, String currency,
			String values) {
		String unknown = "\"" + cells.unknown().replace("\"", "\"\"") + "\"";
		return "IF(COUNTIFS(" + currencies + "," + currency + "," + values + "," + unknown + ")>0," + unknown + ","
				+ total + ")";
	}

	private static String unlessUnknown(WorkbookCells cells, String total, int currencyColumn, String currency,
			int column, int last) {
		String letter = CellReference.convertNumToColString(column);
		String currencies = CellReference.convertNumToColString(currencyColumn);
		return unlessUnknown(cells, total, "$" + currencies + "$2:$" + currencies + "$" + last, currency,
				letter + "$2:" + letter + "$" + last);
	}

	private static List<String> currencies(List<String> rowCurrencies) {
		return rowCurrencies.stream().distinct().sorted().toList();
	}

}
