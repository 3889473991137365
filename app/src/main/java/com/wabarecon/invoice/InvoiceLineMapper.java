package com.wabarecon.invoice;

import static com.wabarecon.invoice.InvoiceField.AMOUNT;
import static com.wabarecon.invoice.InvoiceField.CURRENCY;
import static com.wabarecon.invoice.InvoiceField.DISPLAY_PHONE_NUMBER;
import static com.wabarecon.invoice.InvoiceField.INVOICE_DATE;
import static com.wabarecon.invoice.InvoiceField.INVOICE_ID;
import static com.wabarecon.invoice.InvoiceField.LINE_TYPE;
import static com.wabarecon.invoice.InvoiceField.MARKET;
import static com.wabarecon.invoice.InvoiceField.PERIOD_END;
import static com.wabarecon.invoice.InvoiceField.PERIOD_START;
import static com.wabarecon.invoice.InvoiceField.PHONE_NUMBER_ID;
import static com.wabarecon.invoice.InvoiceField.PRICING_CATEGORY;
import static com.wabarecon.invoice.InvoiceField.PRICING_TYPE;
import static com.wabarecon.invoice.InvoiceField.TIER;
import static com.wabarecon.invoice.InvoiceField.UNIT_RATE;
import static com.wabarecon.invoice.InvoiceField.VOLUME;
import static com.wabarecon.invoice.InvoiceField.WABA_ID;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.Locale;

import com.wabarecon.importing.FieldChecks;
import com.wabarecon.importing.RowProblems;
import com.wabarecon.invoice.InvoiceLine.LineType;
import com.wabarecon.rules.Money;
import com.wabarecon.rules.Pricing;
import com.wabarecon.rules.Volumes;
import com.wabarecon.support.accounting.FileAccounting;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.ExitStatus;
import org.springframework.batch.core.listener.StepExecutionListener;
import org.springframework.batch.core.step.StepExecution;
import org.springframework.batch.infrastructure.item.ItemProcessor;

/**
 * Turns an invoice row into an {@link InvoiceLine}, or rejects it with every reason. Strict in
 * content: every line needs an invoice id, the closed month as its period, a WABA, an amount
 * and an ISO currency; a usage line also a known pricing category (or {@code VOICE}) and a
 * volume, whole messages or minutes with one decimal (its pricing type is {@code REGULAR} when
 * empty); a credit's amount is not positive; a line that
 * repeats one of another of the month's invoice files is rejected naming the first, while
 * identical lines inside one file are all kept and, when the step ends, listed as a warning on
 * the file (its note in the accounting, and the log). Blank rows are filtered.
 * <p>
 * It sees each row once: a chunk that Spring Batch writes again row by row keeps what was made
 * of its rows. One instance per step execution; not thread-safe.
 */
class InvoiceLineMapper implements ItemProcessor<InvoiceRow, InvoiceLine>, StepExecutionListener {

	private static final Logger log = LoggerFactory.getLogger(InvoiceLineMapper.class);

	/** {@code NUMERIC(19,6)}: six decimals, thirteen integer digits. */
	private static final int MAX_SCALE = 6;

	private static final int MAX_INTEGER_DIGITS = 13;

	private static final char SEPARATOR = '\u001F';

	/** Longest id quoted in a warning: the mapper lets digits of any length through (the database refuses them). */
	private static final int MAX_QUOTED_CHARS = 40;

	private final String month;

	private final ClosedMonth closedMonth;

	private final FileAccounting accounting;

	private final DuplicateLines seen = new DuplicateLines();

	InvoiceLineMapper(String month, FileAccounting accounting) {
		this.month = month;
		this.closedMonth = ClosedMonth.of(month);
		this.accounting = accounting;
	}

	@Override
	public InvoiceLine process(InvoiceRow row) {
		if (row.isBlank()) {
			return null;
		}
		RowProblems problems = new RowProblems();
		LineType lineType = lineType(row.text(LINE_TYPE), problems);
		String invoiceId = row.text(INVOICE_ID);
		problems.add(FieldChecks.required(INVOICE_ID.column(), invoiceId))
			.add(FieldChecks.maxLength(INVOICE_ID.column(), invoiceId, 64));
		LocalDate invoiceDate = date(row, INVOICE_DATE, false, problems);
		LocalDate periodStart = date(row, PERIOD_START, true, problems);
		LocalDate periodEnd = date(row, PERIOD_END, true, problems);
		problems.add(closedMonth.problem(row.text(PERIOD_START), row.text(PERIOD_END)));
		String wabaId = row.text(WABA_ID);
		String phoneNumberId = row.text(PHONE_NUMBER_ID);
		problems.add(FieldChecks.digits(WABA_ID.column(), wabaId))
			.add(phoneNumberId.isEmpty() ? null : FieldChecks.digits(PHONE_NUMBER_ID.column(), phoneNumberId))
			.add(FieldChecks.maxLength(DISPLAY_PHONE_NUMBER.column(), row.text(DISPLAY_PHONE_NUMBER), 32))
			.add(FieldChecks.maxLength(MARKET.column(), row.text(MARKET), 64))
			.add(FieldChecks.maxLength(TIER.column(), row.text(TIER), 40));

		boolean usage = lineType == LineType.USAGE;
		String category = usage ? category(row.text(PRICING_CATEGORY), problems) : null;
		String pricingType = usage ? pricingType(row.text(PRICING_TYPE), problems) : null;
		Long volume = volume(row.text(VOLUME), category, usage, problems);
		BigDecimal unitRate = decimal(row, UNIT_RATE, false, problems);
		BigDecimal amount = decimal(row, AMOUNT, true, problems);
		if (lineType == LineType.CREDIT && amount != null && amount.signum() > 0) {
			problems.add("a CREDIT line's amount must be negative (it is " + amount.toPlainString() + ")");
		}
		String currency = row.text(CURRENCY).toUpperCase(Locale.ROOT);
		problems.add(FieldChecks.currency(CURRENCY.column(), currency));

		if (problems.isEmpty()) {
			String first = seen.check(identity(invoiceId, wabaId, phoneNumberId, row.text(MARKET), category,
					pricingType, row.text(TIER), lineType, volume, amount, currency), row.source(),
					() -> describe(lineType, category, volume, amount, currency, wabaId, phoneNumberId));
			problems.add(first == null ? null : "duplicate line (first seen in " + first + ")");
		}
		problems.throwIfAny(row.source());
		return new InvoiceLine(month, invoiceId, invoiceDate, periodStart, periodEnd, wabaId, emptyToNull(phoneNumberId),
				emptyToNull(row.text(DISPLAY_PHONE_NUMBER)), emptyToNull(row.text(MARKET)), category, pricingType,
				emptyToNull(row.text(TIER)), volume, unitRate, amount, currency, lineType, row.source());
	}

	/**
	 * The month's identical lines, each file's as a warning on it: called before the accounting
	 * records the files (Spring Batch calls {@code afterStep} in the reverse order of
	 * registration, and this is registered after the accounting). Not after a failure: the
	 * rows may still be mapped on the reading thread, and a restart reads them all again.
	 */
	@Override
	public ExitStatus afterStep(StepExecution stepExecution) {
		if (stepExecution.getStatus() != BatchStatus.COMPLETED) {
			return null;
		}
		seen.identicalLines().forEach((file, warning) -> {
			accounting.note(file, warning);
			log.warn("{}: {}", file, warning);
		});
		return null;
	}

	/** "TAX 34.00 EUR, WABA 102290129340398", "USAGE MARKETING 1200 messages 163.80 EUR, WABA ..., phone number ...". */
	private static String describe(LineType lineType, String category, Long volume, BigDecimal amount, String currency,
			String wabaId, String phoneNumberId) {
		int scale = Math.max(Money.digits(currency), Math.max(0, amount.stripTrailingZeros().scale()));
		return lineType + (category == null ? "" : " " + category) + (volume == null ? "" : " " + Volumes.text(category, volume) + " " + Volumes.unit(category))
				+ " " + amount.setScale(scale, RoundingMode.HALF_UP).toPlainString() + " " + currency + ", WABA "
				+ quoted(wabaId) + (phoneNumberId.isEmpty() ? "" : ", phone number " + quoted(phoneNumberId));
	}

	private static String quoted(String value) {
		return value.length() <= MAX_QUOTED_CHARS ? value : value.substring(0, MAX_QUOTED_CHARS) + "...";
	}

	private static LineType lineType(String text, RowProblems problems) {
		if (text.isEmpty()) {
			problems.add(LINE_TYPE.column() + " is empty");
			return null;
		}
		try {
			return LineType.valueOf(text.toUpperCase(Locale.ROOT));
		}
		catch (IllegalArgumentException ex) {
			problems.add(LINE_TYPE.column() + " '" + text + "' is not one of " + Arrays.toString(LineType.values()));
			return null;
		}
	}

	private static String category(String text, RowProblems problems) {
		String category = Pricing.lineCategory(text);
		if (category == null) {
			problems.add(text.isEmpty() ? PRICING_CATEGORY.column() + " is empty"
					: PRICING_CATEGORY.column() + " '" + text + "' is not a pricing category");
		}
		return category;
	}

	private static String pricingType(String text, RowProblems problems) {
		if (text.isEmpty()) {
			return Pricing.REGULAR;
		}
		String type = Pricing.type(text);
		problems.add(type == null ? PRICING_TYPE.column() + " '" + text + "' is not a pricing type" : null);
		return type;
	}

	private static LocalDate date(InvoiceRow row, InvoiceField field, boolean required, RowProblems problems) {
		String text = row.text(field);
		if (text.isEmpty()) {
			problems.add(required ? field.column() + " is empty" : null);
			return null;
		}
		LocalDate date = ClosedMonth.date(text);
		problems.add(date == null ? field.column() + " '" + text + "' is not a date (yyyy-MM-dd)" : null);
		return date;
	}

	/**
	 * The line's volume as counted ({@link Volumes}): whole messages, or, for {@code VOICE},
	 * minutes with at most one decimal, kept as pulses.
	 */
	private static Long volume(String text, String category, boolean required, RowProblems problems) {
		if (text.isEmpty()) {
			problems.add(required ? VOLUME.column() + " is empty" : null);
			return null;
		}
		String expected = Volumes.inMinutes(category) ? "minutes with one decimal" : "a whole number";
		try {
			BigDecimal number = new BigDecimal(text);
			Long volume = number.signum() < 0 ? null : Volumes.counted(category, number);
			problems.add(volume == null ? VOLUME.column() + " '" + text + "' is not " + expected + " of 0 or more" : null);
			return volume;
		}
		catch (NumberFormatException ex) {
			problems.add(VOLUME.column() + " '" + text + "' is not " + expected);
			return null;
		}
	}

	private static BigDecimal decimal(InvoiceRow row, InvoiceField field, boolean required, RowProblems problems) {
		String text = row.text(field);
		if (text.isEmpty()) {
			problems.add(required ? field.column() + " is empty" : null);
			return null;
		}
		BigDecimal number;
		try {
			number = new BigDecimal(text);
		}
		catch (NumberFormatException ex) {
			problems.add(field.column() + " '" + text + "' is not a number");
			return null;
		}
		if (!fits(number)) {
			problems.add(field.column() + " '" + text + "' has more than " + MAX_SCALE + " decimals or "
					+ MAX_INTEGER_DIGITS + " digits before the point");
			return null;
		}
		return number;
	}

	/**
	 * The amount of an invoice row as the mapper reads it, or {@code null} when it cannot be read:
	 * not a number, or too large or too fine for {@code invoice_line.amount} (such a row is
	 * rejected saying so).
	 */
	static BigDecimal amount(InvoiceRow row) {
		try {
			BigDecimal number = new BigDecimal(row.text(AMOUNT));
			return fits(number) ? number : null;
		}
		catch (NumberFormatException ex) {
			return null;
		}
	}

	/** Whether the number fits {@code NUMERIC(19,6)}. */
	private static boolean fits(BigDecimal number) {
		BigDecimal exact = number.stripTrailingZeros();
		return exact.scale() <= MAX_SCALE && exact.precision() - exact.scale() <= MAX_INTEGER_DIGITS;
	}

	/** What makes two lines the same line, whichever file and row they come from. */
	private static String identity(Object... parts) {
		StringBuilder key = new StringBuilder(128);
		for (Object part : parts) {
			Object value = part instanceof BigDecimal decimal ? decimal.stripTrailingZeros().toPlainString() : part;
			key.append(value == null ? "" : value).append(SEPARATOR);
		}
		return key.toString();
	}

	private static String emptyToNull(String text) {
		return text.isEmpty() ? null : text;
	}

}
