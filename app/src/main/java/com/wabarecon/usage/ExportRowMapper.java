package com.wabarecon.usage;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.function.Supplier;

import com.wabarecon.importing.FieldChecks;
import com.wabarecon.importing.RowProblems;
import com.wabarecon.usage.ChannelLookup.ChannelInfo;
import com.wabarecon.usage.ChannelLookup.Channels;

import org.springframework.batch.infrastructure.item.ItemProcessor;

/**
 * What every export row's mapping starts with, usage or calls: the directory, loaded at the
 * first row; the row's channel ({@link ExportChannel}) and its period ({@link ExportPeriod})
 * checked, their problems gathered with the row's own. One instance per step execution; not
 * thread-safe.
 */
abstract class ExportRowMapper<O> implements ItemProcessor<JsonRow, O> {

	/** Why a row of another month is skipped. */
	static final String OTHER_MONTH = "belongs to another month in the WABA's time zone";

	final YearMonth month;

	/** The month as every row stores it: one String, not one per row. */
	final String billingMonth;

	final ExportPeriod period;

	private final Supplier<Channels> directory;

	private Channels channels;

	ExportRowMapper(YearMonth month, Supplier<Channels> directory) {
		this.month = month;
		this.billingMonth = month.toString();
		this.period = new ExportPeriod(month);
		this.directory = directory;
	}

	@Override
	public final O process(JsonRow item) {
		if (channels == null) {
			channels = directory.get();
		}
		RowProblems problems = new RowProblems();
		ChannelInfo channel = ExportChannel.of(item, channels, problems);
		period.check(item.row(), problems);
		return map(item, channel, problems);
	}

	/** The document's {@code currency}, its problem gathered; {@code null} when the document gives none. */
	static String documentCurrency(JsonRow item, RowProblems problems) {
		String currency = item.document().get("currency");
		if (currency != null) {
			problems.add(FieldChecks.currency("currency", currency));
		}
		return currency;
	}

	/**
	 * The day of the row's {@code start} in the WABA's time zone: in the month, or just outside
	 * it (kept outside the count); {@code null} for another month's row, which is skipped.
	 */
	LocalDate day(RowFields row, ChannelInfo channel) {
		LocalDate day = period.day(JsonFields.whole(row, "start"), channel.zone());
		return period.holds(day) || period.adjacent(day) ? day : null;
	}

	/**
	 * The row's estimate, or a skip ({@code null}); {@code channel} is {@code null} when it could
	 * not be found, and {@code problems} then says why: they must be thrown before it is used.
	 */
	abstract O map(JsonRow item, ChannelInfo channel, RowProblems problems);

}
