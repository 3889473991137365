package com.wabarecon.usage;

import static com.wabarecon.usage.JsonFields.decimal;
import static com.wabarecon.usage.JsonFields.text;
import static com.wabarecon.usage.JsonFields.whole;

import java.time.LocalDate;
import java.time.YearMonth;
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
class UsageRowMapper extends ExportRowMapper<UsageEstimate> {

	private static final Set<String> GRANULARITIES = Set.of("HALF_HOUR", "DAILY", "MONTHLY");

	UsageRowMapper(YearMonth month, Supplier<Channels> directory) {
		super(month, directory);
	}

	@Override
	UsageEstimate map(JsonRow item, ChannelInfo channel, RowProblems problems) {
		RowFields row = item.row();
		String granularity = item.document().get("granularity");
		if (granularity != null && !GRANULARITIES.contains(granularity.toUpperCase(Locale.ROOT))) {
			problems.add("granularity '" + granularity + "' is not HALF_HOUR, DAILY or MONTHLY");
		}
		String country = text(row, "country");
		String countryCode = Countries.code(country);
		String category = Pricing.category(text(row, "pricing_category"));
		String type = Pricing.type(text(row, "pricing_type"));
		problems.add(FieldChecks.country("country", country))
			.add(category == null ? "pricing_category '" + text(row, "pricing_category") + "' is not a known category"
					: null)
			.add(type == null ? "pricing_type '" + text(row, "pricing_type") + "' is not a known pricing type" : null)
			.add(JsonFields.wholeProblem(row, "volume"))
			.add(JsonFields.decimalProblem(row, "cost"));
		String documentCurrency = documentCurrency(item, problems);
		problems.throwIfAny(item.source());

		long start = whole(row, "start");
		LocalDate day = day(row, channel);
		if (day == null) {
			return SkipReasons.skip(OTHER_MONTH);
		}
		boolean inMonth = period.holds(day);
		ExportCost cost = ExportCost.of(decimal(row, "cost"), Pricing.REGULAR.equals(type), documentCurrency, channel);
		return new UsageEstimate(billingMonth, channel.channelId(), channel.clientId(), start, day, countryCode,
				category, type, text(row, "tier"), whole(row, "volume"), cost.cost(), cost.currency(), cost.source(),
				UsageEstimate.EXPORT, inMonth, item.source(), wholeMonth(item, row, start));
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

}
