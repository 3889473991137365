package com.wabarecon.statement;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;

import com.wabarecon.usage.MonthPartitions;

import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Writes the rows a statement reads, as the directory import, the usage and invoice imports and
 * the reconciliation leave them: clients, channels, reconciliation lines, the invoice's other
 * lines and daily estimates.
 */
final class StatementFixture {

	private final JdbcClient jdbc;

	private final MonthPartitions months;

	StatementFixture(JdbcClient jdbc, MonthPartitions months) {
		this.jdbc = jdbc;
		this.months = months;
	}

	/** Forgets everything the statements read and write. */
	void clear() {
		for (String table : new String[] { "statement_file", "recon_line", "invoice_line", "usage_estimate", "call_estimate", "channel",
				"waba", "client" }) {
			jdbc.sql("DELETE FROM " + table).update();
		}
	}

	StatementFixture client(String clientId, String name, String currency, String locale) {
		jdbc.sql("""
				INSERT INTO client (client_id, name, billing_emails, statement_currency, locale, source_file, source_line, updated_at)
				VALUES (?, ?, ?, ?, ?, 'directory/clients.csv', 1, ?)""")
			.params(clientId, name, clientId + "@example.com", currency, locale, Timestamp.from(Instant.now()))
			.update();
		return this;
	}

	StatementFixture channel(String channelId, String clientId, String wabaId, String phoneNumberId, String display,
			String currency) {
		Timestamp now = Timestamp.from(Instant.now());
		jdbc.sql("""
				INSERT INTO waba (waba_id, client_id, waba_timezone, waba_currency, updated_at)
				SELECT ?, ?, 'Europe/Berlin', ?, ? WHERE NOT EXISTS (SELECT 1 FROM waba WHERE waba_id = ?)""")
			.params(wabaId, clientId, currency, now, wabaId)
			.update();
		jdbc.sql("""
				INSERT INTO channel (channel_id, client_id, waba_id, phone_number_id, display_phone_number, waba_timezone,
				    waba_currency, source_file, source_line, updated_at)
				VALUES (?, ?, ?, ?, ?, 'Europe/Berlin', ?, 'directory/channels.csv', 1, ?)""")
			.params(channelId, clientId, wabaId, phoneNumberId, display, currency, now)
			.update();
		return this;
	}

	/**
	 * A reconciliation line; deltas are computed as the reconciliation does. A null estimated
	 * amount is a line whose estimate could not be converted.
	 */
	StatementFixture line(String month, String clientId, String wabaId, String phoneNumberId, String channelId,
			String display, String category, String currency, long estimatedVolume, long invoicedVolume,
			String estimatedAmount, String invoicedAmount, String status, String reason, String invoiceIds) {
		BigDecimal estimated = estimatedAmount == null ? null : new BigDecimal(estimatedAmount);
		BigDecimal invoiced = new BigDecimal(invoicedAmount);
		BigDecimal delta = estimated == null ? null : invoiced.subtract(estimated);
		BigDecimal pct = delta == null || invoiced.signum() == 0 ? null
				: delta.multiply(BigDecimal.valueOf(100)).divide(invoiced, 2, RoundingMode.HALF_UP);
		jdbc.sql("""
				INSERT INTO recon_line (billing_month, client_id, waba_id, phone_number_id, channel_id, display_phone_number,
				    category, currency, estimated_volume, invoiced_volume, volume_delta, estimated_amount, invoiced_amount,
				    amount_delta, amount_delta_pct, estimated_free_volume, invoiced_free_volume, status, reason, invoice_ids,
				    estimate_sources)
				VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 0, 0, ?, ?, ?, 'EXPORT')""")
			.params(month, clientId, wabaId, phoneNumberId, channelId, display, category, currency, estimatedVolume,
					invoicedVolume, invoicedVolume - estimatedVolume, estimated, invoiced, delta, pct, status, reason,
					invoiceIds)
			.update();
		return this;
	}

	/** An ADJUSTMENT, CREDIT or TAX line of the month's invoice. */
	StatementFixture charge(String month, String invoiceId, String wabaId, String lineType, String amount,
			String currency) {
		LocalDate first = LocalDate.parse(month + "-01");
		jdbc.sql("""
				INSERT INTO invoice_line (billing_month, invoice_id, invoice_date, period_start, period_end, waba_id, amount,
				    currency, line_type, source_file, source_line)
				VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, 'invoice.csv', 1)""")
			.params(month, invoiceId, first.plusMonths(1).plusDays(2), first, first.plusMonths(1).minusDays(1), wabaId,
					new BigDecimal(amount), currency, lineType)
			.update();
		return this;
	}

	/** A counted estimate of one day: REGULAR is paid, any other type free. */
	StatementFixture day(String month, String channelId, String clientId, LocalDate date, String category,
			String pricingType, long volume, String cost, String currency) {
		return estimate(month, channelId, clientId, date, category, pricingType, volume, cost, currency, null);
	}

	/** A call estimate: {@code calls} calls of a day and direction, with their talk time and billed pulses. */
	StatementFixture calls(String month, String channelId, String clientId, LocalDate date, String direction,
			long calls, long durationSeconds, long pulses, String cost, String currency, boolean approximate,
			boolean counts) {
		jdbc.sql("""
				INSERT INTO call_estimate (billing_month, channel_id, client_id, local_date, country, direction, calls,
				    duration_seconds, billed_pulses, cost, currency, cost_source, source_kind, approximate,
				    counts_as_estimate, source_file)
				VALUES (?, ?, ?, ?, 'DE', ?, ?, ?, ?, ?, ?, 'SOURCE', 'EXPORT', ?, ?, 'calls.json')""")
			.params(month, channelId, clientId, date, direction, calls, durationSeconds, pulses,
					cost == null ? null : new BigDecimal(cost), currency, approximate, counts)
			.update();
		return this;
	}

	/** An estimate a source gives for the whole month (a MONTHLY export), dated the month's first day. */
	StatementFixture wholeMonth(String month, String channelId, String clientId, String category, String pricingType,
			long volume, String cost, String currency) {
		return estimate(month, channelId, clientId, java.time.YearMonth.parse(month).atDay(1), category, pricingType,
				volume, cost, currency, Boolean.TRUE);
	}

	private StatementFixture estimate(String month, String channelId, String clientId, LocalDate date, String category,
			String pricingType, long volume, String cost, String currency, Boolean wholeMonth) {
		months.prepare(month); // PostgreSQL keeps a partition per month
		jdbc.sql("""
				INSERT INTO usage_estimate (billing_month, channel_id, client_id, local_date, pricing_category, pricing_type,
				    volume, cost, currency, cost_source, source_kind, counts_as_estimate, source_file, whole_month)
				VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, 'SOURCE', 'EXPORT', TRUE, 'usage.json', ?)""")
			.params(month, channelId, clientId, date, category, pricingType, volume,
					cost == null ? null : new BigDecimal(cost), currency, wholeMonth)
			.update();
		return this;
	}

}
