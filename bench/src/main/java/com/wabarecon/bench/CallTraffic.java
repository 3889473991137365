package com.wabarecon.bench;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.wabarecon.bench.DirectoryPlan.ChannelPlan;
import com.wabarecon.bench.DirectoryPlan.ClientPlan;
import com.wabarecon.bench.DirectoryPlan.WabaPlan;
import com.wabarecon.rules.CallPricing;
import com.wabarecon.rules.Tier;

/**
 * The calls of a share of the channels, drawn per channel from the client's own call stream (so
 * usage exports and status webhooks of a month are the same with or without calls; the invoice
 * differs by the voice lines and the taxes on them): each local day a few
 * business-initiated calls to the WABA's home country and fewer user-initiated ones. A channel
 * with a usage export gets a call analytics export ({@code <month>/calls/<channel>-calls.json},
 * a DAILY data point per day and direction, with its cost unless the WABA is on the credit line);
 * a webhook-only channel gets each call's events among the webhooks (a terminate event with the
 * outcome, a connect event for some, the terminate event twice for a few, failed calls).
 * <p>
 * Each calling channel's {@code VOICE} line is expected as the close counts it: the charged
 * calls' pulses (from an export, {@code count x ceil(average / 6)}), and their cost, which
 * with the card's one open tier per market is the pulses at a tenth of the minute's rate
 * whether the export gives it or the close prices it. Not thread-safe.
 */
final class CallTraffic {

	static final String FOLDER = "calls";

	private static final String BUSINESS = "BUSINESS_INITIATED";

	private static final String USER = "USER_INITIATED";

	private static final int BUFFER = 1 << 16;

	private final Path folder;

	private final MonthDays days;

	private final PriceList prices;

	private final JsonFactory json;

	private final WebhookWriter webhooks;

	private final Recipients recipients;

	private final double share;

	private int files;

	private long dataPoints;

	private long calls;

	CallTraffic(Path inbox, MonthDays days, PriceList prices, JsonFactory json, WebhookWriter webhooks,
			Recipients recipients, double sharePct) {
		this.folder = inbox.resolve(days.month().toString()).resolve(FOLDER);
		this.days = days;
		this.prices = prices;
		this.json = json;
		this.webhooks = webhooks;
		this.recipients = recipients;
		this.share = sharePct / 100;
	}

	int files() {
		return files;
	}

	long dataPoints() {
		return dataPoints;
	}

	/** Calls made, each once (the webhooks' events and the exports' counts alike). */
	long calls() {
		return calls;
	}

	/** Writes the calls of the client's calling channels; returns their expected VOICE lines. */
	List<ExpectedLine> client(ClientPlan client, SplittableRandom random) throws IOException {
		List<ExpectedLine> lines = new ArrayList<>();
		for (WabaPlan waba : client.wabas()) {
			for (ChannelPlan channel : waba.channels()) {
				if (Distributions.chance(random, share)) {
					ExpectedLine line = new ExpectedLine(waba, channel, PriceList.VOICE);
					if (channel.webhookOnly()) {
						webhookCalls(waba, channel, line, random);
					}
					else {
						export(waba, channel, line, random);
					}
					lines.add(line);
				}
			}
		}
		return lines;
	}

	private void export(WabaPlan waba, ChannelPlan channel, ExpectedLine line, SplittableRandom random)
			throws IOException {
		String country = waba.home().country();
		Tier tier = prices.firstTier(waba.home().currency(), country, PriceList.VOICE);
		long[] starts = days.starts(waba.home().zone());
		Files.createDirectories(folder);
		try (OutputStream file = Files.newOutputStream(folder.resolve(channel.id() + "-calls.json"));
				JsonGenerator out = json.createGenerator(new BufferedOutputStream(file, BUFFER))) {
			out.writeStartObject();
			out.writeObjectFieldStart("call_analytics");
			out.writeStringField("granularity", "DAILY");
			out.writeArrayFieldStart("data_points");
			for (int day = 0; day < days.count(); day++) {
				long business = 1 + random.nextInt(6);
				long average = 20 + random.nextInt(280);
				BigDecimal cost = charge(line, country, tier, business * CallPricing.pulses(average));
				point(out, starts[day], starts[day + 1], channel, BUSINESS, country, business, average,
						waba.creditLine() ? null : cost);
				calls += business;
				long inbound = random.nextInt(3);
				if (inbound > 0) {
					point(out, starts[day], starts[day + 1], channel, USER, country, inbound, 30 + random.nextInt(200),
							waba.creditLine() ? null : BigDecimal.ZERO);
					calls += inbound;
				}
			}
			out.writeEndArray();
			out.writeEndObject();
			out.writeEndObject();
		}
		files++;
	}

	private void point(JsonGenerator out, long start, long end, ChannelPlan channel, String direction, String country,
			long count, long average, BigDecimal cost) throws IOException {
		out.writeStartObject();
		out.writeNumberField("start", start);
		out.writeNumberField("end", end);
		out.writeStringField("phone_number", channel.display());
		out.writeStringField("direction", direction);
		out.writeStringField("country", country);
		out.writeNumberField("count", count);
		out.writeNumberField("average_duration", average);
		if (cost != null) {
			out.writeNumberField("cost", cost);
		}
		out.writeEndObject();
		dataPoints++;
	}

	private void webhookCalls(WabaPlan waba, ChannelPlan channel, ExpectedLine line, SplittableRandom random)
			throws IOException {
		String country = waba.home().country();
		Tier tier = prices.firstTier(waba.home().currency(), country, PriceList.VOICE);
		long[] starts = days.starts(waba.home().zone());
		long sequence = 0;
		for (int day = 0; day < days.count(); day++) {
			int made = 1 + random.nextInt(5);
			for (int c = 0; c < made; c++) {
				// between 08:00 and 20:00 local
				long start = starts[day] + 8 * 3600 + random.nextInt(12 * 3600);
				String id = "wacid." + channel.phoneNumberId() + "." + sequence++;
				String to = "+" + recipients.pick(country, random);
				boolean business = random.nextInt(4) > 0;
				String direction = business ? BUSINESS : USER;
				boolean failed = business && random.nextInt(15) == 0;
				long duration = 15 + random.nextInt(400);
				WebhookWriter.CallEvent terminate = failed
						? new WebhookWriter.CallEvent(id, "terminate", direction, to, start, "FAILED", null)
						: new WebhookWriter.CallEvent(id, "terminate", direction, to, start, "COMPLETED", duration);
				if (random.nextBoolean()) {
					webhooks.call(arrival(start), waba, channel,
							new WebhookWriter.CallEvent(id, "connect", direction, to, start, null, null));
				}
				webhooks.call(arrival(start + (failed ? 0 : duration)), waba, channel, terminate);
				if (random.nextInt(20) == 0) { // Meta's retry: the call counts once
					webhooks.call(arrival(start + (failed ? 0 : duration)), waba, channel, terminate);
				}
				calls++;
				if (business && !failed) {
					charge(line, country, tier, CallPricing.pulses(duration));
				}
			}
		}
	}

	/**
	 * Adds charged calls to the expected line, at the market's one tier: a pulse costs a tenth of
	 * the minute's rate. Returns their cost.
	 */
	private static BigDecimal charge(ExpectedLine line, String country, Tier tier, long pulses) {
		BigDecimal cost = tier.rate().multiply(BigDecimal.valueOf(pulses)).movePointLeft(1);
		line.volume += pulses;
		line.estimate = line.estimate.add(cost);
		ExpectedLine.Part part = line.part(country, 0, tier.label(), tier.rate());
		part.volume += pulses;
		part.amount = part.amount.add(cost);
		return cost;
	}

	/** The UTC day an event is stored under: a late evening west of UTC lands in the next month's folder. */
	private static LocalDate arrival(long epochSecond) {
		return LocalDate.ofEpochDay(Math.floorDiv(epochSecond, 86_400));
	}

}
