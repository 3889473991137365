package com.wabarecon.usage;

import static com.wabarecon.usage.JsonFields.text;
import static com.wabarecon.usage.JsonFields.whole;

import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Supplier;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.wabarecon.importing.SkipReasons;
import com.wabarecon.rules.Pricing;
import com.wabarecon.support.reject.RejectedRowException;
import com.wabarecon.support.reject.RowSource;
import com.wabarecon.usage.ChannelLookup.ChannelInfo;
import com.wabarecon.usage.ChannelLookup.Channels;

import org.springframework.batch.infrastructure.item.ItemProcessor;

/**
 * Picks, from one stored webhook payload, the status events that can make something count, and
 * the terminate events of calls (see {@link #call}):
 * <ul>
 * <li>per-message pricing: a {@code delivered} or {@code read} status with {@code pricing}
 * (its {@code type} says whether it is charged); {@code sent} and {@code failed} never count;</li>
 * <li>conversation-based pricing: any status with {@code pricing} and a conversation id; the
 * conversation is charged when {@code billable} is true.</li>
 * </ul>
 * The pricing model is the event's {@code pricing_model}, else the one in force on its local
 * day (per-message from 1 July 2025). Events are kept from the first day of the previous month
 * to the month's end, in the WABA's time zone: the first charged status decides a message's
 * month, and a message's statuses may be days apart (delivered on 20 September, read with pricing
 * on 2 October), so a close must see the previous month's statuses to know that such a message
 * counted there. Duplicates are kept here and removed by the database when the
 * events are counted. Payloads without statuses, and statuses that cannot count, are skipped
 * with their reason. A payload is rejected when it is not JSON, gives a name twice in one
 * object (which value was meant cannot be known), names an unknown phone number, or holds a
 * status whose timestamp is no plausible date of the close ({@link EpochSeconds}) or, where the
 * event counts, whose {@code recipient_id} is not a phone number.
 * <p>
 * One instance per step execution; not thread-safe.
 */
class WebhookLineMapper implements ItemProcessor<TextLine, WebhookEvents> {

	static final LocalDate PER_MESSAGE_PRICING_FROM = LocalDate.of(2025, 7, 1);

	private final LocalDate from;

	private final LocalDate to;

	private final EpochSeconds epochs;

	/** Within a day of the month, in any time zone: from (inclusive) to (exclusive), in epoch seconds. */
	private final long nearFrom;

	private final long nearTo;

	private final Supplier<Channels> directory;

	private Channels channels;

	/** Recipients whose country was found last: a month has about as many as it has messages. */
	private final RecipientCountry.Recent recipients = new RecipientCountry.Recent(50_000);

	WebhookLineMapper(YearMonth month, Supplier<Channels> directory) {
		this.from = month.minusMonths(1).atDay(1);
		this.to = month.atEndOfMonth();
		this.epochs = new EpochSeconds(month);
		this.nearFrom = month.atDay(1).minusDays(1).atStartOfDay(ZoneOffset.UTC).toEpochSecond();
		this.nearTo = month.plusMonths(1).atDay(2).atStartOfDay(ZoneOffset.UTC).toEpochSecond();
		this.directory = directory;
	}

	@Override
	public WebhookEvents process(TextLine line) {
		if (line.text().isBlank()) {
			return SkipReasons.skip("blank line");
		}
		if (channels == null) {
			channels = directory.get();
		}
		JsonNode payload;
		try {
			payload = JsonDocuments.TREES.readTree(line.text());
		}
		catch (JsonProcessingException ex) {
			String column = ex.getLocation() == null ? null : "column " + ex.getLocation().getColumnNr();
			String repeated = JsonDocuments.repeatedName(ex);
			throw reject(line, column, repeated != null
					? "the payload gives " + repeated + " more than once: which value holds cannot be known"
					: "not valid JSON: " + ex.getOriginalMessage());
		}
		if (payload == null || !payload.isObject()) {
			throw reject(line, null, "not a JSON object");
		}
		List<StatusEvent> events = new ArrayList<>();
		List<CallEvent> calls = new ArrayList<>();
		boolean statuses = false;
		boolean callEvents = false;
		for (JsonNode entry : payload.path("entry")) {
			for (JsonNode change : entry.path("changes")) {
				JsonNode value = change.path("value");
				boolean hasStatuses = value.path("statuses").isArray();
				boolean hasCalls = value.path("calls").isArray();
				if (!hasStatuses && !hasCalls) {
					continue;
				}
				statuses |= hasStatuses;
				callEvents |= hasCalls;
				String phoneNumberId = text(value.path("metadata"), "phone_number_id");
				ChannelInfo channel = channels.byPhoneNumberId(phoneNumberId);
				if (channel == null) {
					if (!anyWithinDays(value.path("statuses"), "timestamp") && !anyWithinDays(value.path("calls"), "start_time")) {
						continue; // another month's events (a neighbouring month's folder): not this close's to judge
					}
					throw reject(line, null, "metadata.phone_number_id '" + phoneNumberId + "' is not in the directory");
				}
				for (JsonNode status : value.path("statuses")) {
					StatusEvent event = event(line, channel, status);
					if (event != null) {
						events.add(event);
					}
				}
				for (JsonNode call : value.path("calls")) {
					CallEvent ended = call(line, channel, call);
					if (ended != null) {
						calls.add(ended);
					}
				}
			}
		}
		if (!statuses && !callEvents) {
			return SkipReasons.skip("not a status event");
		}
		if (events.isEmpty() && calls.isEmpty()) {
			return SkipReasons.skip(callEvents && !statuses
					? "call event that ends no call of the month (not a terminate, or another month's call)"
					: "status that cannot count (sent, failed, no pricing, or outside the month)");
		}
		return new WebhookEvents(line.source(), events, calls);
	}

	/**
	 * A call's terminate event, which carries its outcome; {@code null} for the call's other
	 * events (connect, ...) and for a call that started outside the month and the days just
	 * around it, in the WABA's time zone. The call's country is the called number's ({@code to}).
	 */
	private CallEvent call(TextLine line, ChannelInfo channel, JsonNode call) {
		if (!"terminate".equalsIgnoreCase(text(call, "event"))) {
			return null;
		}
		String id = text(call, "id");
		Long start = whole(call, "start_time");
		if (id == null || start == null) {
			throw reject(line, null, "a call terminate event without " + (id == null ? "id" : "a start_time in epoch seconds"));
		}
		String implausible = epochs.problem("start_time", start);
		if (implausible != null) {
			throw reject(line, null, implausible);
		}
		String direction = CallEstimate.direction(text(call, "direction"));
		if (direction == null) {
			throw reject(line, null, "call direction '" + text(call, "direction")
					+ "' is not BUSINESS_INITIATED or USER_INITIATED");
		}
		LocalDate day = Instant.ofEpochSecond(start).atZone(channel.zone()).toLocalDate();
		if (day.isBefore(to.withDayOfMonth(1).minusDays(1)) || day.isAfter(to.plusDays(1))) {
			return null;
		}
		String called = text(call, "to");
		String country = recipients.of(called);
		if (country == null) {
			throw reject(line, null, called == null ? "a call without to"
					: "call to '" + called + "' is not a phone number (libphonenumber finds no country in it)");
		}
		String status = String.valueOf(text(call, "status")).toUpperCase(Locale.ROOT);
		return new CallEvent(channel.channelId(), id, direction, status, start, whole(call, "duration"), day, country);
	}

	/**
	 * Whether any event's time falls within a day of the month being closed, whatever the
	 * channel's time zone (they are all within 14 hours of UTC): a status of an unknown channel
	 * outside it is another month's (a neighbouring month's folder), and left to that month's close.
	 * A timestamp that cannot be read, or is no plausible date ({@link EpochSeconds}), is judged.
	 */
	private boolean anyWithinDays(JsonNode events, String timeField) {
		for (JsonNode status : events) {
			Long time = whole(status, timeField);
			if (time == null || !epochs.plausible(time) || time >= nearFrom && time < nearTo) {
				return true;
			}
		}
		return false;
	}

	private StatusEvent event(TextLine line, ChannelInfo channel, JsonNode status) {
		String wamid = text(status, "id");
		Long time = whole(status, "timestamp");
		if (wamid == null || time == null) {
			throw reject(line, null, "a status without " + (wamid == null ? "id" : "a timestamp in epoch seconds"));
		}
		String implausible = epochs.problem("timestamp", time);
		if (implausible != null) {
			throw reject(line, null, implausible);
		}
		JsonNode pricing = status.path("pricing");
		if (!pricing.isObject()) {
			return null;
		}
		LocalDate day = Instant.ofEpochSecond(time).atZone(channel.zone()).toLocalDate();
		if (day.isBefore(from) || day.isAfter(to)) {
			return null;
		}
		String category = Pricing.category(text(pricing, "category"));
		if (category == null) {
			throw reject(line, null, "pricing.category '" + text(pricing, "category") + "' is not a known category");
		}
		String model = text(pricing, "pricing_model");
		model = model != null ? model.toUpperCase(Locale.ROOT) : day.isBefore(PER_MESSAGE_PRICING_FROM) ? "CBP" : "PMP";
		String state = String.valueOf(text(status, "status")).toLowerCase(Locale.ROOT);
		if ("CBP".equals(model)) {
			String conversation = text(status.path("conversation"), "id");
			if (conversation == null) {
				return null;
			}
			boolean billable = !pricing.has("billable") || pricing.path("billable").asBoolean();
			String freeType = Pricing.type(text(pricing, "type"));
			String type = billable ? Pricing.REGULAR
					: freeType != null && !Pricing.REGULAR.equals(freeType) ? freeType : "FREE_TIER";
			return new StatusEvent(channel.channelId(), conversation, model, state, time, day, country(line, status),
					category, type);
		}
		if (!"delivered".equals(state) && !"read".equals(state)) {
			return null;
		}
		String type = Pricing.type(text(pricing, "type"));
		if (type == null) {
			throw reject(line, null, "pricing.type '" + text(pricing, "type") + "' is not a known pricing type");
		}
		return new StatusEvent(channel.channelId(), wamid, model, state, time, day, country(line, status), category,
				type);
	}

	/**
	 * The country of a counted event's recipient, from the calling code of its {@code recipient_id};
	 * an event without one cannot be priced or reported by country, so it is rejected, not counted
	 * as no country.
	 */
	private String country(TextLine line, JsonNode status) {
		String recipient = text(status, "recipient_id");
		String country = recipients.of(recipient);
		if (country == null) {
			throw reject(line, null, recipient == null ? "a status without recipient_id"
					: "recipient_id '" + recipient + "' is not a phone number (libphonenumber finds no country in it)");
		}
		return country;
	}

	private static RejectedRowException reject(TextLine line, String position, String reason) {
		RowSource at = line.source();
		return new RejectedRowException(new RowSource(at.file(), at.line(), position, at.raw()), reason);
	}

}
