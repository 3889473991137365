package com.wabarecon.bench;

import java.io.IOException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.SplittableRandom;

import com.wabarecon.bench.DirectoryPlan.ChannelPlan;
import com.wabarecon.bench.DirectoryPlan.WabaPlan;
import com.wabarecon.bench.TrafficModel.Planned;
import com.wabarecon.bench.WebhookWriter.Status;

/**
 * The status webhooks of a channel that has no usage export, and the count the close will make
 * of them. Per message: {@code sent} (priced), then {@code delivered} (priced, the charge) and
 * often {@code read} (no pricing); a few are read without a delivered status (the read is
 * priced and charged), fail, or stay at sent (never charged). Some statuses arrive two or three
 * times, some days later; a few messages delivered in the last days of the previous month
 * arrive with this month's files (their month is the previous one), and incoming messages and
 * template updates sit between them (skipped). Each charged message is counted into its flow on
 * the local day of its charge.
 */
final class WebhookTraffic {

	static final String SENT = "sent";

	static final String DELIVERED = "delivered";

	static final String READ = "read";

	static final String FAILED = "failed";

	private static final double FAILS = 0.02;

	private static final double STAYS_SENT = 0.02;

	private static final double READ_WITHOUT_DELIVERED = 0.03;

	private static final double READ_AFTER_DELIVERED = 0.6;

	private static final double REPEATED = 0.04;

	private static final int MAX_RETRY_DAYS = 3;

	/** One message in a hundred of the previous month's last days arrives with this month's files. */
	private static final int PREVIOUS_MONTH_SHARE = 100;

	private static final int INCOMING_SHARE = 200;

	private static final long DAY_SECONDS = 86_400;

	private final MonthDays days;

	private final Recipients recipients;

	private final WebhookWriter writer;

	private final int averageMessages;

	private final double meanSize;

	WebhookTraffic(MonthDays days, Recipients recipients, WebhookWriter writer, int averageMessages) {
		this.days = days;
		this.recipients = recipients;
		this.writer = writer;
		this.averageMessages = averageMessages;
		this.meanSize = Distributions.paretoMean(DirectoryPlan.SIZE_ALPHA, DirectoryPlan.SIZE_CAP);
	}

	/** Writes the channel's month of webhooks; returns its flows with the messages that count. */
	List<Flow> channel(WabaPlan waba, ChannelPlan channel, List<Planned> planned, SplittableRandom random)
			throws IOException {
		long[] starts = days.starts(waba.home().zone());
		double[] weights = planned.stream().mapToDouble(Planned::mean).toArray();
		long messages = Math.max(1, Math.round(averageMessages * channel.size() / meanSize));
		for (long m = 0; m < messages; m++) {
			Flow flow = planned.get(Distributions.weighted(random, weights)).flow();
			int day = random.nextInt(days.count());
			long time = starts[day] + random.nextLong(starts[day + 1] - starts[day]);
			if (message(waba, channel, flow, "wamid.G" + channel.index() + "M" + m, time, random)) {
				flow.daily()[day]++;
			}
		}
		for (long m = 0; m < Math.max(1, messages / PREVIOUS_MONTH_SHARE); m++) {
			Flow flow = planned.get(Distributions.weighted(random, weights)).flow();
			long time = starts[0] - 1 - random.nextLong(MAX_RETRY_DAYS * DAY_SECONDS);
			String recipient = recipients.pick(flow.country(), random);
			String wamid = "wamid.G" + channel.index() + "P" + m;
			emit(waba, channel, new Status(wamid, DELIVERED, time, recipient, flow.category(), flow.type()), random);
			emit(waba, channel, new Status(wamid, READ, time + 60 + random.nextInt(3600), recipient, null, null), random);
		}
		for (long m = 0; m < Math.max(1, messages / INCOMING_SHARE); m++) {
			int day = random.nextInt(days.count());
			long time = starts[day] + random.nextLong(starts[day + 1] - starts[day]);
			String from = recipients.pick(planned.get(0).flow().country(), random);
			writer.incoming(arrival(time), waba, channel, from, "wamid.G" + channel.index() + "I" + m, time);
		}
		writer.templateUpdate(arrival(starts[random.nextInt(days.count())]), waba, 1_000_000L + channel.index());
		return planned.stream().map(Planned::flow).toList();
	}

	/** Writes one message's statuses; true when the close will charge it. */
	private boolean message(WabaPlan waba, ChannelPlan channel, Flow flow, String wamid, long time,
			SplittableRandom random) throws IOException {
		String recipient = recipients.pick(flow.country(), random);
		String category = flow.category();
		String type = flow.type();
		double kind = random.nextDouble();
		long sent = time - 1 - random.nextInt(5);
		if (kind < FAILS) {
			emit(waba, channel, new Status(wamid, SENT, sent, recipient, category, type), random);
			emit(waba, channel, new Status(wamid, FAILED, time, recipient, null, null), random);
			return false;
		}
		if (kind < FAILS + STAYS_SENT) {
			emit(waba, channel, new Status(wamid, SENT, time, recipient, category, type), random);
			return false;
		}
		emit(waba, channel, new Status(wamid, SENT, sent, recipient, category, type), random);
		if (kind < FAILS + STAYS_SENT + READ_WITHOUT_DELIVERED) {
			emit(waba, channel, new Status(wamid, READ, time, recipient, category, type), random);
			return true;
		}
		emit(waba, channel, new Status(wamid, DELIVERED, time, recipient, category, type), random);
		if (Distributions.chance(random, READ_AFTER_DELIVERED)) {
			emit(waba, channel, new Status(wamid, READ, time + 5 + random.nextInt(7200), recipient, null, null), random);
		}
		return true;
	}

	/** The status, and now and then a repeat of it, arriving up to a few days later. */
	private void emit(WabaPlan waba, ChannelPlan channel, Status status, SplittableRandom random) throws IOException {
		writer.status(arrival(status.timestamp()), waba, channel, status);
		if (Distributions.chance(random, REPEATED)) {
			int copies = 1 + random.nextInt(2);
			for (int copy = 0; copy < copies; copy++) {
				writer.status(arrival(status.timestamp()).plusDays(random.nextInt(MAX_RETRY_DAYS)), waba, channel, status);
			}
		}
	}

	/** The UTC day a status is stored under; earlier than the month: with the month's first files. */
	private LocalDate arrival(long timestamp) {
		LocalDate date = Instant.ofEpochSecond(timestamp).atZone(ZoneOffset.UTC).toLocalDate();
		LocalDate first = days.date(0);
		return date.isBefore(first) ? first : date;
	}

}
