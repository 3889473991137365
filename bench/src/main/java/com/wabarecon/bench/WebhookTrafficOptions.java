package com.wabarecon.bench;

import picocli.CommandLine.Option;

/** The webhook-only channels of a generated month, as {@code generate} and {@code bench} take them. */
class WebhookTrafficOptions {

	@Option(names = "--webhook-only-pct", paramLabel = "P",
			defaultValue = "" + GeneratorSettings.DEFAULT_WEBHOOK_ONLY_PCT,
			description = "Share of the channels with webhooks and no usage export, %% (default: ${DEFAULT-VALUE}).")
	double onlyPct;

	@Option(names = "--webhook-messages", paramLabel = "N",
			defaultValue = "" + GeneratorSettings.DEFAULT_WEBHOOK_MESSAGES,
			description = "Average messages a month of a webhook-only channel (default: ${DEFAULT-VALUE}).")
	int messages;

}
