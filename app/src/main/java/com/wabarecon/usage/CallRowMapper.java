package com.wabarecon.usage;

import static com.wabarecon.usage.JsonFields.decimal;
import static com.wabarecon.usage.JsonFields.text;
import static com.wabarecon.usage.JsonFields.whole;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.function.Supplier;

import com.wabarecon.importing.FieldChecks;
import com.wabarecon.importing.RowProblems;
import com.wabarecon.importing.SkipReasons;
import com.wabarecon.rules.CallPricing;
import com.wabarecon.rules.Countries;
import com.wabarecon.usage.ChannelLookup.ChannelInfo;
import com.wabarecon.usage.ChannelLookup.Channels;


/**
 * Turns a data point of a call analytics export (Meta's {@code call_analytics}: the calls of a
 * day, direction and called country, as a {@code count} and an {@code average_duration} in
 * seconds, optionally their {@code cost}) into a call estimate, or rejects it with every reason.
 * The channel and the month follow the usage exports' rules ({@link ExportChannel},
 * {@link ExportPeriod}): the data point belongs to the month holding its {@code start} in the
 * WABA's time zone. Business-initiated calls are billed {@code count x ceil(average / 6)}
 * pulses ({@link CallPricing}), approximate, priced later from the rate card when the export
 * gives no cost; user-initiated calls are free, counted with no pulse.
 * <p>
 * One instance per step execution; not thread-safe.
 */
class CallRowMapper extends ExportRowMapper<CallEstimate> {

	CallRowMapper(YearMonth month, Supplier<Channels> directory) {
		super(month, directory);
	}

	@Override
	CallEstimate map(JsonRow item, ChannelInfo channel, RowProblems problems) {
		RowFields row = item.row();
		String country = text(row, "country");
		String countryCode = Countries.code(country);
		String spelled = text(row, "direction");
		String direction = CallEstimate.direction(spelled);
		problems.add(FieldChecks.country("country", country))
			.add(direction != null ? null : spelled == null ? "direction is missing"
					: "direction '" + spelled + "' is not BUSINESS_INITIATED or USER_INITIATED")
			.add(JsonFields.wholeProblem(row, "count"))
			.add(JsonFields.present(row, "average_duration") ? JsonFields.decimalProblem(row, "average_duration")
					: "average_duration is missing")
			.add(JsonFields.decimalProblem(row, "cost"));
		String documentCurrency = documentCurrency(item, problems);
		problems.throwIfAny(item.source());

		long start = whole(row, "start");
		LocalDate day = day(row, channel);
		if (day == null) {
			return SkipReasons.skip(OTHER_MONTH);
		}
		boolean inMonth = period.holds(day);
		long count = whole(row, "count");
		BigDecimal average = decimal(row, "average_duration");
		long duration = average.multiply(BigDecimal.valueOf(count)).setScale(0, RoundingMode.HALF_UP).longValueExact();
		boolean charged = CallEstimate.BUSINESS_INITIATED.equals(direction);
		// count x ceil(average / 6), as ceil(ceil(average) / 6) is ceil(average / 6)
		long pulses = charged
				? Math.multiplyExact(count, CallPricing.pulses(average.setScale(0, RoundingMode.CEILING).longValueExact()))
				: 0;
		ExportCost cost = ExportCost.of(decimal(row, "cost"), charged, documentCurrency, channel);
		return new CallEstimate(billingMonth, channel.channelId(), channel.clientId(), start, day, countryCode, direction,
				count, duration, pulses, cost.cost(), cost.currency(), cost.source(), UsageEstimate.EXPORT, true, inMonth,
				item.source());
	}

}
