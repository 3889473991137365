package com.wabarecon.usage;

import static com.wabarecon.usage.JsonFields.decimal;
import static com.wabarecon.usage.JsonFields.text;
import static com.wabarecon.usage.JsonFields.whole;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.Locale;
import java.util.Set;
import java.util.function.Supplier;

import com.wabarecon.importing.FieldChecks;
import com.wabarecon.importing.RowProblems;
import com.wabarecon.importing.SkipReasons;
import com.wabarecon.rules.Countries;
import com.wabarecon.rules.Pricing;
import com.wabarecon.usage.ChannelLookup.ChannelInfo;
import com.wabarecon.usage.ChannelLookup.Channels;

import org.springframework.batch.infrastructure.item.ItemProcessor;

/**
 * Turns a row of a channel usage export into an estimate, or rejects it with every reason.
 * The channel comes from the document ({@code channel_id}, else {@code phone_number_id}) or,
 * in Meta's envelope, from the row's {@code phone_number} (the display number); identifiers that
 * contradict it or the directory reject the row. A row belongs to the month that holds its
 * {@code start} in the WABA's time zone ({@link EpochSeconds}: a value that is no plausible
 * date of the close is rejected, not read as one); rows of the day just outside the month are
 * kept outside the count (evidence of time-zone boundaries), rows of other months are skipped
 * and counted. A charged row without {@code cost} is left for the rate
 * card, in the WABA's currency; a free row without cost costs nothing.
 * <p>
 * One instance per step execution; not thread-safe.
 */
class UsageRowMapper implements ItemProcessor<JsonRow, UsageEstimate> {

	private static final Set<String> GRANULARITIES = Set.of("HALF_HOUR", "DAILY", "MONTHLY");

	private final YearMonth month;

	/** The month as every row stores it: one String, not one per row. */
	private final String billingMonth;

	private final EpochSeconds epochs;

	private final Supplier<Channels> directory;

	private Channels channels;

	private long lastStart;

	private ZoneId lastZone;

	private LocalDate lastDay;

	UsageRowMapper(YearMonth month, Supplier<Channels> directory) {
		this.month = month;
		this.billingMonth = month.toString();
		this.epochs = new EpochSeconds(month);
		this.directory = directory;
	}

	@Override
	public UsageEstimate process(JsonRow item) {
		if (channels == null) {
			channels = directory.get();
		}
		RowFields row = item.row();
		RowProblems problems = new RowProblems();
		ChannelInfo channel = channelOf(item, problems);
		String granularity = item.document().get("granularity");
		if (granularity != null && !GRANULARITIES.contains(granularity.toUpperCase(Locale.ROOT))) {
			problems.add("granularity '" + granularity + "' is not HALF_HOUR, DAILY or MONTHLY");
		}
		period(row, problems);
		String country = text(row, "country");
		String countryCode = Countries.code(country);
		String category = Pricing.category(text(row, "pricing_category"));
		String type = Pricing.type(text(row, "pricing_type"));
		problems.add(country == null ? "country is missing"
				: countryCode != null ? null : "country '" + country + "' is not an ISO 3166 country code")
			.add(category == null ? "pricing_category '" + text(row, "pricing_category") + "' is not a known category"
					: null)
			.add(type == null ? "pricing_type '" + text(row, "pricing_type") + "' is not a known pricing type" : null)
			.add(JsonFields.wholeProblem(row, "volume"))
			.add(JsonFields.decimalProblem(row, "cost"));
		String documentCurrency = item.document().get("currency");
		if (documentCurrency != null) {
			problems.add(FieldChecks.currency("currency", documentCurrency));
		}
		problems.throwIfAny(item.source());

		long start = whole(row, "start");
		LocalDate day = dayOf(start, channel.zone());
		boolean inMonth = YearMonth.from(day).equals(month);
		if (!inMonth && !adjacent(day)) {
			return SkipReasons.skip("belongs to another month in the WABA's time zone");
		}
		BigDecimal cost = decimal(row, "cost");
		boolean charged = Pricing.REGULAR.equals(type);
		String costSource = cost != null ? UsageEstimate.SOURCE : charged ? UsageEstimate.RATE_CARD : UsageEstimate.FREE;
		if (cost == null && !charged) {
			cost = BigDecimal.ZERO;
		}
		String currency = costSource.equals(UsageEstimate.RATE_CARD) || documentCurrency == null ? channel.currency()
				: documentCurrency;
		return new UsageEstimate(billingMonth, channel.channelId(), channel.clientId(), start, day, countryCode,
				category, type, text(row, "tier"), whole(row, "volume"), cost,
				currency, costSource, UsageEstimate.EXPORT, inMonth, item.source(), wholeMonth(item, row, start));
	}

	/**
	 * A {@code start} in plausible epoch seconds, and an {@code end} (when given) too, not
	 * before it: a row whose period cannot be right is rejected, never counted in a month it
	 * was misread into.
	 */
	private void period(RowFields row, RowProblems problems) {
		String startProblem = JsonFields.wholeProblem(row, "start");
		problems.add(startProblem);
		Long start = startProblem == null ? whole(row, "start") : null;
		if (start != null) {
			String implausible = epochs.problem("start", start);
			problems.add(implausible);
			start = implausible == null ? start : null;
		}
		if (!JsonFields.present(row, "end")) {
			return;
		}
		String endProblem = JsonFields.wholeProblem(row, "end");
		problems.add(endProblem);
		if (endProblem == null) {
			long end = whole(row, "end");
			String implausible = epochs.problem("end", end);
			problems.add(implausible);
			if (implausible == null && start != null && end < start) {
				problems.add("end " + end + " is before start " + start);
			}
		}
	}

	/**
	 * Whether the row counts more than a day, and so belongs to no day of the month: a document of
	 * {@code MONTHLY} granularity, or a period of more than two days (a day is 23 to 25 hours).
	 */
	private static boolean wholeMonth(JsonRow item, RowFields row, long start) {
		if ("MONTHLY".equalsIgnoreCase(item.document().get("granularity"))) {
			return true;
		}
		return JsonFields.present(row, "end") && whole(row, "end") - start > 2 * 86_400;
	}

	/**
	 * The day of a start in the WABA's time zone. Consecutive rows mostly share their start (a
	 * day's categories and countries), so the last answer is kept and the zone's rules are
	 * consulted about once a day of a file, not once a row.
	 */
	private LocalDate dayOf(long start, ZoneId zone) {
		if (start != lastStart || zone != lastZone) {
			lastDay = Instant.ofEpochSecond(start).atZone(zone).toLocalDate();
			lastStart = start;
			lastZone = zone;
		}
		return lastDay;
	}

	/**
	 * The day just before or after the month: kept, outside the count, because a difference
	 * equal to its volume shows a time-zone boundary between the source and Meta.
	 */
	private boolean adjacent(LocalDate day) {
		return day.equals(month.atDay(1).minusDays(1)) || day.equals(month.atEndOfMonth().plusDays(1));
	}

	/**
	 * The row's channel: the document's {@code channel_id}, else its {@code phone_number_id},
	 * else the row's {@code phone_number_id}, else (Meta's envelope) the row's display number
	 * {@code phone_number}. The others of these that are given, and the document's
	 * {@code client_id}, must name that same channel and its client: a file (or row) whose
	 * identifiers contradict each other or the directory cannot say whose usage it is, so its
	 * rows are rejected naming the contradiction. Row by row rather than the file refused as one:
	 * each row is then counted and shown in the rejects with its volume (as the rows of a refused
	 * invoice file are), and a file that holds several channels' rows (a client's export, Meta's
	 * envelope) loses only the rows that contradict.
	 */
	private ChannelInfo channelOf(JsonRow item, RowProblems problems) {
		String channelId = item.document().get("channel_id");
		String documentPhoneNumberId = item.document().get("phone_number_id");
		String rowPhoneNumberId = text(item.row(), "phone_number_id");
		String display = text(item.row(), "phone_number");
		ChannelInfo channel;
		if (channelId != null) {
			channel = found(channels.byId(channelId), "channel_id '" + channelId + "'", problems);
		}
		else if (documentPhoneNumberId != null || rowPhoneNumberId != null) {
			String phoneNumberId = documentPhoneNumberId != null ? documentPhoneNumberId : rowPhoneNumberId;
			channel = found(channels.byPhoneNumberId(phoneNumberId), "phone_number_id '" + phoneNumberId + "'", problems);
		}
		else if (display != null) {
			channel = found(channels.byDisplay(display), "phone_number '" + display + "'", problems);
		}
		else {
			problems.add("no channel: neither channel_id, phone_number_id nor phone_number is given");
			return null;
		}
		if (channel != null) {
			problems.add(channel.phoneNumberIdContradiction(documentPhoneNumberId))
				.add(rowPhoneNumberId == null || rowPhoneNumberId.equals(documentPhoneNumberId) ? null
						: channel.phoneNumberIdContradiction(rowPhoneNumberId))
				.add(channel.displayContradiction(display))
				.add(channel.clientContradiction(item.document().get("client_id")));
		}
		return channel;
	}

	private static ChannelInfo found(ChannelInfo channel, String what, RowProblems problems) {
		if (channel == null) {
			problems.add(what + " is not in the directory");
		}
		return channel;
	}

}
