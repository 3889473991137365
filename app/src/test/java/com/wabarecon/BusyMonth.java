package com.wabarecon;

import java.io.BufferedWriter;
import java.io.IOException;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.stream.Stream;

/**
 * A September 2025 inbox big enough for a close to take a while: the whole sample inbox, plus
 * {@code clients} generated clients with two German channels each, one exported per half hour
 * and one per day (a row per period and category), and an invoice CSV with a line per channel and
 * category (a few of them off, so that the statements have discrepancies to show).
 * Deterministic: the same arguments write the same files, so two closes of two copies give the
 * same results.
 */
public final class BusyMonth {

	public static final String MONTH = "2025-09";

	static final String[] CATEGORIES = { "MARKETING", "UTILITY" };

	static final BigDecimal[] RATES = { new BigDecimal("0.1365"), new BigDecimal("0.0550") };

	/** 2025-09-01T00:00 in Europe/Berlin, in epoch seconds. */
	static final long MONTH_START = 1756677600L;

	/** The periods of the month of each channel's export: half hours, then days. */
	static final int[] PERIODS = { 30 * 48, 30 };

	private BusyMonth() {
	}

	/** Writes the inbox under {@code root}; returns {@code root}. */
	public static Path write(Path root, int clients) throws IOException {
		copy(TestInbox.SAMPLE, root);
		StringBuilder clientRows = new StringBuilder();
		StringBuilder channelRows = new StringBuilder();
		Path invoice = root.resolve(MONTH).resolve("invoice").resolve("meta-invoice-2025-09-generated.csv");
		try (BufferedWriter lines = Files.newBufferedWriter(invoice, StandardCharsets.UTF_8)) {
			lines.write("invoice_id,invoice_date,period_start,period_end,waba_id,phone_number_id,display_phone_number,"
					+ "market,pricing_category,pricing_type,tier,volume,unit_rate,amount,currency,line_type\n");
			for (int c = 0; c < clients; c++) {
				String client = client(c);
				String waba = String.valueOf(700_000_000_000_000L + c);
				clientRows.append(client).append(",Generated Client ").append(c).append(" GmbH,billing@")
					.append(client.replace('_', '-')).append(".example,EUR,de-DE\n");
				for (int h = 0; h < 2; h++) {
					String channel = client + "_" + h;
					String phone = String.valueOf(800_000_000_000_000L + c * 10L + h);
					String display = String.valueOf(4_970_000_000L + c * 10L + h);
					channelRows.append(String.join(",", channel, client, waba, phone, display, "Europe/Berlin", "EUR", "PARTNER"))
						.append('\n');
					long[] volumes = new long[CATEGORIES.length];
					BigDecimal[] costs = { BigDecimal.ZERO, BigDecimal.ZERO };
					writeExport(root.resolve(MONTH).resolve("usage").resolve(channel + "-" + MONTH + ".json"), client,
							channel, PERIODS[h], volumes, costs);
					for (int k = 0; k < CATEGORIES.length; k++) {
						// every fifth channel and category is invoiced 3 messages more than estimated
						long extra = (c * 2 + h + k) % 5 == 0 ? 3 : 0;
						BigDecimal amount = costs[k].add(RATES[k].multiply(BigDecimal.valueOf(extra)))
							.setScale(2, RoundingMode.HALF_UP);
						lines.write(String.join(",", "INV-2025-09-GEN-" + c, "2025-10-03", "2025-09-01", "2025-09-30",
								waba, phone, display, "DE", CATEGORIES[k], "REGULAR", "0:MAX",
								Long.toString(volumes[k] + extra), RATES[k].toPlainString(), amount.toPlainString(), "EUR",
								"USAGE") + "\n");
					}
				}
				lines.write(String.join(",", "INV-2025-09-GEN-" + c, "2025-10-03", "2025-09-01", "2025-09-30", waba, "",
						"", "", "", "", "", "", "", "19.00", "EUR", "TAX") + "\n");
			}
		}
		Files.writeString(root.resolve("directory/clients.csv"), clientRows, StandardOpenOption.APPEND);
		Files.writeString(root.resolve("directory/channels.csv"), channelRows, StandardOpenOption.APPEND);
		return root;
	}

	static String client(int c) {
		return String.format("g_%04d", c);
	}

	/** A row per period and category; adds each category's volume and cost to the arrays. */
	private static void writeExport(Path file, String client, String channel, int periods, long[] volumes,
			BigDecimal[] costs) throws IOException {
		long seconds = 30 * 86_400L / periods;
		try (BufferedWriter out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
			out.write("{\"partner_id\":\"p_360\",\"client_id\":\"" + client + "\",\"channel_id\":\"" + channel
					+ "\",\"granularity\":\"" + (seconds == 1800 ? "HALF_HOUR" : "DAILY")
					+ "\",\"currency\":\"EUR\",\"usage\":[\n");
			boolean first = true;
			for (int k = 0; k < CATEGORIES.length; k++) {
				for (int slot = 0; slot < periods; slot++) {
					long start = MONTH_START + slot * seconds;
					long volume = 1 + (slot * 7L + k * 3L + channel.hashCode() % 5 + 5) % 11;
					BigDecimal cost = RATES[k].multiply(BigDecimal.valueOf(volume));
					volumes[k] += volume;
					costs[k] = costs[k].add(cost);
					out.write((first ? "" : ",\n") + "{\"start\":" + start + ",\"end\":" + (start + seconds)
							+ ",\"country\":\"DE\",\"pricing_category\":\"" + CATEGORIES[k]
							+ "\",\"pricing_type\":\"REGULAR\",\"tier\":\"0:MAX\",\"volume\":" + volume + ",\"cost\":"
							+ cost.toPlainString() + "}");
					first = false;
				}
			}
			out.write("\n]}\n");
		}
	}

	private static void copy(Path from, Path to) throws IOException {
		try (Stream<Path> files = Files.walk(from)) {
			for (Path file : files.filter(Files::isRegularFile).toList()) {
				if (file.getFileName().toString().equals("README.md")) {
					continue;
				}
				Path target = to.resolve(from.relativize(file).toString());
				Files.createDirectories(target.getParent());
				Files.copy(file, target);
			}
		}
	}

}
