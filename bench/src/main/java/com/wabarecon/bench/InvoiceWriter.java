package com.wabarecon.bench;

import java.io.BufferedWriter;
import java.io.Closeable;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.Map;
import java.util.TreeMap;

import com.wabarecon.rules.Volumes;

/**
 * Meta's invoice of the month as CSV with the canonical header, one invoice (and file) per
 * currency: {@code <month>/invoice/meta-invoice-<month>-<currency>.csv}, invoice id
 * {@code INV-<month>-<currency>}, dated the 3rd of the next month. Streamed. Not thread-safe.
 */
final class InvoiceWriter implements Closeable {

	static final String FOLDER = "invoice";

	static final String HEADER = "invoice_id,invoice_date,period_start,period_end,waba_id,phone_number_id,"
			+ "display_phone_number,market,pricing_category,pricing_type,tier,volume,unit_rate,amount,currency,line_type";

	static final String USAGE = "USAGE";

	static final String ADJUSTMENT = "ADJUSTMENT";

	static final String CREDIT = "CREDIT";

	static final String TAX = "TAX";

	private static final int INVOICE_DAY = 3;

	/** The same bytes on every system. */
	private static final char NEWLINE = '\n';

	private final Path folder;

	private final YearMonth month;

	private final String period;

	private final Map<String, BufferedWriter> files = new TreeMap<>();

	private long lines;

	private long usageLines;

	InvoiceWriter(Path inbox, YearMonth month) throws IOException {
		this.folder = inbox.resolve(month.toString()).resolve(FOLDER);
		this.month = month;
		LocalDate invoiceDate = month.plusMonths(1).atDay(INVOICE_DAY);
		this.period = invoiceDate + "," + month.atDay(1) + "," + month.atEndOfMonth();
		Files.createDirectories(folder);
	}

	int files() {
		return files.size();
	}

	long lines() {
		return lines;
	}

	long usageLines() {
		return usageLines;
	}

	/** A usage line; {@code phoneNumberId} and {@code display} null for a line of the whole WABA. */
	void usage(String currency, String wabaId, String phoneNumberId, String display, String country, String category,
			String tier, long volume, BigDecimal unitRate, BigDecimal amount) throws IOException {
		write(currency, wabaId, phoneNumberId, display, country, category, PriceList.REGULAR, tier,
				Volumes.text(category, volume), unitRate.toPlainString(), amount, USAGE);
		usageLines++;
	}

	/** An adjustment, credit or tax on a WABA. */
	void other(String currency, String wabaId, String lineType, BigDecimal amount) throws IOException {
		write(currency, wabaId, null, null, null, null, null, null, null, null, amount, lineType);
	}

	private void write(String currency, String wabaId, String phoneNumberId, String display, String market,
			String category, String type, String tier, String volume, String unitRate, BigDecimal amount,
			String lineType) throws IOException {
		BufferedWriter out = file(currency);
		out.write(String.join(",", invoiceId(currency), period, wabaId, text(phoneNumberId), text(display),
				text(market), text(category), text(type), text(tier), text(volume), text(unitRate),
				amount.toPlainString(), currency, lineType));
		out.write(NEWLINE);
		lines++;
	}

	private BufferedWriter file(String currency) throws IOException {
		BufferedWriter out = files.get(currency);
		if (out == null) {
			out = Files.newBufferedWriter(folder.resolve("meta-invoice-" + month + "-" + currency + ".csv"),
					StandardCharsets.UTF_8);
			out.write(HEADER);
			out.write(NEWLINE);
			files.put(currency, out);
		}
		return out;
	}

	private String invoiceId(String currency) {
		return "INV-" + month + "-" + currency;
	}

	private static String text(String value) {
		return value == null ? "" : value;
	}

	@Override
	public void close() throws IOException {
		for (BufferedWriter out : files.values()) {
			out.close();
		}
	}

}
