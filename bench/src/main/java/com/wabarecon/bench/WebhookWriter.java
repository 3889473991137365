package com.wabarecon.bench;

import java.io.Closeable;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.zip.GZIPOutputStream;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.wabarecon.bench.DirectoryPlan.ChannelPlan;
import com.wabarecon.bench.DirectoryPlan.WabaPlan;

/**
 * Stored status and calls webhooks, one POST body per line, in one gzip file per day of arrival
 * ({@code <month>/webhooks/statuses-<date>.ndjson.gz}): events arriving after the month end
 * (retries, statuses of the last evening in zones west of UTC) land in the next month's folder,
 * where the close looks for them. Streamed; each open day keeps only its buffers. Not
 * thread-safe.
 */
final class WebhookWriter implements Closeable {

	static final String FOLDER = "webhooks";

	private static final String PREFIX = "statuses-";

	private static final String SUFFIX = ".ndjson.gz";

	private static final int BUFFER = 1 << 16;

	/** The change field of message events (statuses and incoming messages alike). */
	private static final String MESSAGES = "messages";

	/** The change field of call events. */
	private static final String CALLS = "calls";

	/** Meta's error for a message that could not be delivered. */
	private static final int UNDELIVERABLE = 131026;

	/** One status of a message; {@code category} and {@code type} are null when it carries no pricing. */
	record Status(String wamid, String status, long timestamp, String recipient, String category, String type) {
	}

	private final Path inbox;

	private final JsonFactory json;

	private final Map<LocalDate, JsonGenerator> days = new TreeMap<>();

	private long lines;

	private long statuses;

	private long otherEntries;

	private long calls;

	/** The files' names after {@code statuses-}: the generated month's, for a year of months whose late events share a folder. */
	private final String prefix;

	WebhookWriter(Path inbox, JsonFactory json) {
		this(inbox, json, "");
	}

	WebhookWriter(Path inbox, JsonFactory json, String prefix) {
		this.inbox = inbox;
		this.json = json;
		this.prefix = prefix;
	}

	long lines() {
		return lines;
	}

	long statuses() {
		return statuses;
	}

	long otherEntries() {
		return otherEntries;
	}

	/** Call events written (each terminate, connect and repeat counts). */
	long calls() {
		return calls;
	}

	int files() {
		return days.size();
	}

	void status(LocalDate arrival, WabaPlan waba, ChannelPlan channel, Status status) throws IOException {
		JsonGenerator out = begin(arrival, waba.id(), MESSAGES);
		metadata(out, channel);
		out.writeArrayFieldStart("statuses");
		out.writeStartObject();
		out.writeStringField("id", status.wamid());
		out.writeStringField("status", status.status());
		out.writeStringField("timestamp", Long.toString(status.timestamp()));
		out.writeStringField("recipient_id", status.recipient());
		if (status.category() != null) {
			out.writeObjectFieldStart("pricing");
			out.writeBooleanField("billable", PriceList.REGULAR.equals(status.type()));
			out.writeStringField("pricing_model", "PMP");
			out.writeStringField("type", status.type().toLowerCase(Locale.ROOT));
			// Meta writes the international authentication category with a hyphen
			out.writeStringField("category", status.category().toLowerCase(Locale.ROOT).replace("_international", "-international"));
			out.writeEndObject();
		}
		if (WebhookTraffic.FAILED.equals(status.status())) {
			out.writeArrayFieldStart("errors");
			out.writeStartObject();
			out.writeNumberField("code", UNDELIVERABLE);
			out.writeStringField("title", "Message undeliverable");
			out.writeEndObject();
			out.writeEndArray();
		}
		out.writeEndObject();
		out.writeEndArray();
		end(out);
		statuses++;
	}

	/** One event of a call; {@code status} and {@code duration} are null where Meta gives none. */
	record CallEvent(String callId, String event, String direction, String to, long startTime, String status,
			Long duration) {
	}

	/** A calls webhook: an event of one call, in the same files as the statuses. */
	void call(LocalDate arrival, WabaPlan waba, ChannelPlan channel, CallEvent call) throws IOException {
		JsonGenerator out = begin(arrival, waba.id(), CALLS);
		metadata(out, channel);
		out.writeArrayFieldStart("calls");
		out.writeStartObject();
		out.writeStringField("id", call.callId());
		out.writeStringField("event", call.event());
		out.writeStringField("direction", call.direction());
		out.writeStringField("from", channel.display());
		out.writeStringField("to", call.to());
		out.writeNumberField("timestamp", call.startTime() + (call.duration() == null ? 0 : call.duration()));
		if (call.status() != null) {
			out.writeStringField("status", call.status());
		}
		out.writeNumberField("start_time", call.startTime());
		if (call.duration() != null) {
			out.writeNumberField("end_time", call.startTime() + call.duration());
			out.writeNumberField("duration", call.duration());
		}
		out.writeEndObject();
		out.writeEndArray();
		end(out);
		calls++;
	}

	/** An incoming customer message: not a status, skipped and counted by the close. */
	void incoming(LocalDate arrival, WabaPlan waba, ChannelPlan channel, String from, String wamid, long timestamp)
			throws IOException {
		JsonGenerator out = begin(arrival, waba.id(), MESSAGES);
		metadata(out, channel);
		out.writeArrayFieldStart("contacts");
		out.writeStartObject();
		out.writeStringField("wa_id", from);
		out.writeEndObject();
		out.writeEndArray();
		out.writeArrayFieldStart(MESSAGES);
		out.writeStartObject();
		out.writeStringField("from", from);
		out.writeStringField("id", wamid);
		out.writeStringField("timestamp", Long.toString(timestamp));
		out.writeStringField("type", "text");
		out.writeObjectFieldStart("text");
		out.writeStringField("body", "Is my order on the way?");
		out.writeEndObject();
		out.writeEndObject();
		out.writeEndArray();
		end(out);
		otherEntries++;
	}

	/** A template status update: not a status event either. */
	void templateUpdate(LocalDate arrival, WabaPlan waba, long templateId) throws IOException {
		JsonGenerator out = begin(arrival, waba.id(), "message_template_status_update");
		out.writeStringField("event", "APPROVED");
		out.writeNumberField("message_template_id", templateId);
		out.writeStringField("message_template_name", "order_update");
		out.writeStringField("message_template_language", "en_US");
		end(out);
		otherEntries++;
	}

	private JsonGenerator begin(LocalDate arrival, String wabaId, String field) throws IOException {
		JsonGenerator out = day(arrival);
		out.writeStartObject();
		out.writeStringField("object", "whatsapp_business_account");
		out.writeArrayFieldStart("entry");
		out.writeStartObject();
		out.writeStringField("id", wabaId);
		out.writeArrayFieldStart("changes");
		out.writeStartObject();
		out.writeStringField("field", field);
		out.writeObjectFieldStart("value");
		if (field.equals(MESSAGES) || field.equals(CALLS)) {
			out.writeStringField("messaging_product", "whatsapp");
		}
		return out;
	}

	private static void metadata(JsonGenerator out, ChannelPlan channel) throws IOException {
		out.writeObjectFieldStart("metadata");
		out.writeStringField("display_phone_number", channel.display());
		out.writeStringField("phone_number_id", channel.phoneNumberId());
		out.writeEndObject();
	}

	private void end(JsonGenerator out) throws IOException {
		out.writeEndObject(); // value
		out.writeEndObject(); // change
		out.writeEndArray();
		out.writeEndObject(); // entry
		out.writeEndArray();
		out.writeEndObject();
		out.writeRaw('\n');
		lines++;
	}

	private JsonGenerator day(LocalDate arrival) throws IOException {
		JsonGenerator out = days.get(arrival);
		if (out == null) {
			Path folder = inbox.resolve(YearMonth.from(arrival).toString()).resolve(FOLDER);
			Files.createDirectories(folder);
			OutputStream file = new GZIPOutputStream(Files.newOutputStream(folder.resolve(PREFIX + prefix + arrival + SUFFIX)),
					BUFFER);
			out = json.createGenerator(file);
			out.setRootValueSeparator(null); // one body per line: the newline is written by end()
			days.put(arrival, out);
		}
		return out;
	}

	@Override
	public void close() throws IOException {
		IOException failure = null;
		for (JsonGenerator out : days.values()) {
			try {
				out.close();
			}
			catch (IOException ex) {
				failure = ex;
			}
		}
		if (failure != null) {
			throw failure;
		}
	}

}
