package com.wabarecon.bench;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.util.MinimalPrettyPrinter;
import com.wabarecon.bench.DirectoryPlan.ClientPlan;
import com.wabarecon.rules.Tier;

/**
 * The month's channel usage exports ({@code <month>/usage/*.json}), DAILY rows, streamed with
 * one row per line: most as one Partner API document per channel, a share as one document per
 * client (each row naming its {@code phone_number_id}), a few in Meta's {@code pricing_analytics}
 * envelope (rows naming the display number). Charged rows carry the cost at the first tier's rate
 * in the export's currency, free rows a cost of 0; on the partner's credit line neither has a
 * cost and the close prices them. Not thread-safe.
 */
final class UsageExportWriter {

	static final String FOLDER = "usage";

	static final String PARTNER_ID = "p_bench";

	static final String GRANULARITY = "DAILY";

	private static final int BUFFER = 1 << 16;

	private final Path folder;

	private final MonthDays days;

	private final PriceList prices;

	private final JsonFactory json;

	private int files;

	private long rows;

	private long bytes;

	UsageExportWriter(Path inbox, MonthDays days, PriceList prices, JsonFactory json) throws IOException {
		this.folder = inbox.resolve(days.month().toString()).resolve(FOLDER);
		this.days = days;
		this.prices = prices;
		this.json = json;
		Files.createDirectories(folder);
	}

	int files() {
		return files;
	}

	long rows() {
		return rows;
	}

	long bytes() {
		return bytes;
	}

	/** Writes the client's exports: one file, or one per channel. Webhook-only channels have none. */
	void client(ClientPlan client, List<ChannelUsage> usages) throws IOException {
		List<ChannelUsage> exported = usages.stream().filter(usage -> !usage.channel().webhookOnly()).toList();
		if (exported.isEmpty()) {
			return;
		}
		if (client.oneFile()) {
			write(client.id() + "-" + days.month() + ".json", client, exported, Layout.CLIENT);
			return;
		}
		for (ChannelUsage usage : exported) {
			if (usage.channel().envelope()) {
				write("meta-pricing-analytics-" + usage.channel().phoneNumberId() + "-" + days.month() + ".json", client,
						List.of(usage), Layout.ENVELOPE);
			}
			else {
				write(usage.channel().id() + "-" + days.month() + ".json", client, List.of(usage), Layout.CHANNEL);
			}
		}
	}

	/** Where the channel is named: the document, each row by phone number id, or each row by display number. */
	private enum Layout {

		CHANNEL, CLIENT, ENVELOPE

	}

	private void write(String name, ClientPlan client, List<ChannelUsage> usages, Layout layout) throws IOException {
		Path file = folder.resolve(name);
		try (OutputStream stream = new BufferedOutputStream(Files.newOutputStream(file), BUFFER);
				JsonGenerator out = json.createGenerator(stream)) {
			out.setPrettyPrinter(new RowPerLine());
			out.writeStartObject();
			if (layout == Layout.ENVELOPE) {
				out.writeObjectFieldStart("pricing_analytics");
				out.writeArrayFieldStart("data");
				out.writeStartObject();
				out.writeArrayFieldStart("data_points");
			}
			else {
				header(out, client, usages, layout);
				out.writeArrayFieldStart("usage");
			}
			for (ChannelUsage usage : usages) {
				rows(out, usage, layout);
			}
			out.writeEndArray();
			if (layout == Layout.ENVELOPE) {
				out.writeEndObject();
				out.writeEndArray();
				out.writeEndObject();
				out.writeStringField("id", usages.get(0).waba().id());
			}
			out.writeEndObject();
			out.writeRaw('\n');
		}
		files++;
		bytes += Files.size(file);
	}

	private void header(JsonGenerator out, ClientPlan client, List<ChannelUsage> usages, Layout layout)
			throws IOException {
		ChannelUsage first = usages.get(0);
		long[] starts = days.starts(first.waba().home().zone());
		out.writeStringField("partner_id", PARTNER_ID);
		out.writeStringField("client_id", client.id());
		if (layout == Layout.CHANNEL) {
			out.writeStringField("channel_id", first.channel().id());
			out.writeStringField("phone_number_id", first.channel().phoneNumberId());
		}
		out.writeStringField("granularity", GRANULARITY);
		// a client's document is in the currency all its channels export in; a channel's in its
		// estimates' currency (a credit-line export: its WABA's, like the rows the close prices)
		out.writeStringField("currency", layout == Layout.CLIENT ? client.exportCurrency(first.waba()) : first.currency());
		out.writeNumberField("start_date", starts[0]);
		out.writeNumberField("end_date", starts[days.count()] - 1);
	}

	private void rows(JsonGenerator out, ChannelUsage usage, Layout layout) throws IOException {
		long[] starts = days.starts(usage.waba().home().zone());
		List<RowTemplate> templates = new ArrayList<>();
		for (Flow flow : usage.flows()) {
			templates.add(template(usage, flow));
		}
		for (int day = 0; day < days.count(); day++) {
			for (RowTemplate template : templates) {
				long volume = template.flow().daily()[day];
				if (volume == 0) {
					continue;
				}
				out.writeStartObject();
				if (layout == Layout.CLIENT) {
					out.writeStringField("phone_number_id", usage.channel().phoneNumberId());
				}
				out.writeNumberField("start", starts[day]);
				out.writeNumberField("end", starts[day + 1]);
				out.writeStringField("country", template.flow().country());
				out.writeStringField("pricing_category", template.flow().category());
				out.writeStringField("pricing_type", template.flow().type());
				if (template.tier() != null) {
					out.writeStringField("tier", template.tier());
				}
				out.writeNumberField("volume", volume);
				if (template.rate() != null) {
					out.writeFieldName("cost");
					out.writeNumber(template.rate().multiply(BigDecimal.valueOf(volume)).stripTrailingZeros());
				}
				if (layout == Layout.ENVELOPE) {
					out.writeStringField("phone_number", usage.channel().display());
				}
				out.writeEndObject();
				rows++;
			}
		}
	}

	/** What every row of a flow shares: its tier and its rate (null: no cost written). */
	private record RowTemplate(Flow flow, String tier, BigDecimal rate) {
	}

	private RowTemplate template(ChannelUsage usage, Flow flow) {
		if (!flow.charged()) {
			return new RowTemplate(flow, null, usage.rateCard() ? null : BigDecimal.ZERO);
		}
		Tier first = prices.firstTier(usage.currency(), flow.country(), flow.category());
		return new RowTemplate(flow, first.label(), usage.rateCard() ? null : first.rate());
	}

	/** Compact JSON with each element of an array (each usage row) on its own line. */
	private static final class RowPerLine extends MinimalPrettyPrinter {

		private static final long serialVersionUID = 1L;

		@Override
		public void beforeArrayValues(JsonGenerator out) throws IOException {
			out.writeRaw('\n');
		}

		@Override
		public void writeArrayValueSeparator(JsonGenerator out) throws IOException {
			out.writeRaw(",\n");
		}

		@Override
		public void writeEndArray(JsonGenerator out, int values) throws IOException {
			out.writeRaw(values > 0 ? "\n]" : "]");
		}

	}

}
