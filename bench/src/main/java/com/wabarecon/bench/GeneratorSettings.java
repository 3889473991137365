package com.wabarecon.bench;

import java.nio.file.Path;
import java.time.YearMonth;

/**
 * What to generate: how many channels and clients, for which month, where, from which seed, and
 * the shares of the month's special cases. The month must be priced per message (from July
 * 2025): the generator writes no conversation-based inputs.
 *
 * @param discrepancyPct share of the chargeable reconciliation lines given a discrepancy, in %
 * @param webhookOnlyPct share of the channels with status webhooks and no usage export, in %
 * @param webhookMessages average messages a month of a webhook-only channel (sizes vary around it)
 * @param creditLinePct share of the WABAs on the partner's credit line (exports without cost), in %
 * @param clientFilePct share of the eligible clients whose channels share one usage file, in %
 * @param callPct share of the channels that make and take WhatsApp calls, in %
 * @param months how many consecutive months, from {@code month} on: each channel's traffic follows
 * a trend, a yearly season and noise of its own ({@link MonthlyTraffic})
 */
record GeneratorSettings(int channels, int clients, YearMonth month, Path out, long seed,
		double discrepancyPct, double webhookOnlyPct, int webhookMessages, double creditLinePct,
		double clientFilePct, double callPct, int months) {

	public static final YearMonth FIRST_PER_MESSAGE_MONTH = YearMonth.of(2025, 7);

	public static final long DEFAULT_SEED = 1;

	public static final double DEFAULT_DISCREPANCY_PCT = 2.0;

	public static final double DEFAULT_WEBHOOK_ONLY_PCT = 1.0;

	/** With 1 % webhook-only channels, about 300,000 status events at 40,000 channels. */
	public static final int DEFAULT_WEBHOOK_MESSAGES = 300;

	public static final double DEFAULT_CREDIT_LINE_PCT = 5.0;

	public static final double DEFAULT_CLIENT_FILE_PCT = 20.0;

	/** About one channel in ten calls. */
	public static final double DEFAULT_CALL_PCT = 10.0;

	public GeneratorSettings {
		require(channels >= 1, "channels must be at least 1");
		require(clients >= 1 && clients <= channels, "clients must be between 1 and the number of channels");
		require(month != null && !month.isBefore(FIRST_PER_MESSAGE_MONTH),
				"the month must be " + FIRST_PER_MESSAGE_MONTH + " or later (per-message pricing)");
		require(out != null, "an output folder is required");
		require(isShare(discrepancyPct) && isShare(webhookOnlyPct) && isShare(creditLinePct) && isShare(clientFilePct)
				&& isShare(callPct),
				"shares are percentages between 0 and 100");
		require(webhookMessages >= 1, "webhook messages must be at least 1");
		require(months >= 1 && months <= 36, "months must be between 1 and 36");
	}

	/** The defaults for everything but the sizes, month, folder and seed. */
	public static GeneratorSettings of(int channels, int clients, YearMonth month, Path out, long seed) {
		return new GeneratorSettings(channels, clients, month, out, seed, DEFAULT_DISCREPANCY_PCT,
				DEFAULT_WEBHOOK_ONLY_PCT, DEFAULT_WEBHOOK_MESSAGES, DEFAULT_CREDIT_LINE_PCT, DEFAULT_CLIENT_FILE_PCT,
				DEFAULT_CALL_PCT, 1);
	}

	/** These settings with another share of calling channels. */
	public GeneratorSettings withCallPct(double pct) {
		return new GeneratorSettings(channels, clients, month, out, seed, discrepancyPct, webhookOnlyPct,
				webhookMessages, creditLinePct, clientFilePct, pct, months);
	}

	/** These settings with another share of webhook-only channels and their messages a month. */
	public GeneratorSettings withWebhooks(double onlyPct, int messages) {
		return new GeneratorSettings(channels, clients, month, out, seed, discrepancyPct, onlyPct, messages,
				creditLinePct, clientFilePct, callPct, months);
	}

	private static boolean isShare(double pct) {
		return pct >= 0 && pct <= 100;
	}

	private static void require(boolean condition, String message) {
		if (!condition) {
			throw new IllegalArgumentException(message);
		}
	}

}
