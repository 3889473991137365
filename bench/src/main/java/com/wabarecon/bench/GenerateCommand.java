package com.wabarecon.bench;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.YearMonth;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;

import com.wabarecon.launch.MonthConverter;

import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * {@code recon generate --channels N --clients M --month YYYY-MM --out DIR [--seed S]}: writes a
 * synthetic inbox of that size (for benchmarks and tests) and its manifest. Needs no database
 * and starts no Spring context.
 */
@Command(name = "generate", mixinStandardHelpOptions = true, sortOptions = false,
		description = "Generate a synthetic inbox (directory, rate card, FX, usage exports, webhooks, invoice) of one "
				+ "month, with a manifest (generated.json) of its counts and of the reconciliation it must give.")
class GenerateCommand implements Callable<Integer> {

	private static final double MEGABYTE = 1 << 20;

	@Spec
	CommandSpec spec;

	@Option(names = "--channels", required = true, paramLabel = "N", description = "Channels (phone numbers).")
	int channels;

	@Option(names = "--clients", required = true, paramLabel = "M", description = "Clients (at most N).")
	int clients;

	@Option(names = "--month", required = true, paramLabel = "YYYY-MM", converter = MonthConverter.class,
			description = "The billing month, 2025-07 or later (per-message pricing).")
	YearMonth month;

	@Option(names = "--out", required = true, paramLabel = "DIR",
			description = "The inbox to write: a new or empty folder.")
	Path out;

	@Option(names = "--seed", paramLabel = "S", defaultValue = "" + GeneratorSettings.DEFAULT_SEED,
			description = "Random seed: the same seed writes the same files (default: ${DEFAULT-VALUE}).")
	long seed;

	@Option(names = "--discrepancy-pct", paramLabel = "P", defaultValue = "" + GeneratorSettings.DEFAULT_DISCREPANCY_PCT,
			description = "Share of the chargeable lines given a discrepancy, %% (default: ${DEFAULT-VALUE}).")
	double discrepancyPct;

	@Mixin
	WebhookTrafficOptions webhooks;

	@Option(names = "--credit-line-pct", paramLabel = "P", defaultValue = "" + GeneratorSettings.DEFAULT_CREDIT_LINE_PCT,
			description = "Share of the WABAs on the partner's credit line (exports without cost), %% "
					+ "(default: ${DEFAULT-VALUE}).")
	double creditLinePct;

	@Option(names = "--client-file-pct", paramLabel = "P", defaultValue = "" + GeneratorSettings.DEFAULT_CLIENT_FILE_PCT,
			description = "Share of the clients with several channels whose exports share one file, %% "
					+ "(default: ${DEFAULT-VALUE}).")
	double clientFilePct;

	@Option(names = "--call-pct", paramLabel = "P", defaultValue = "" + GeneratorSettings.DEFAULT_CALL_PCT,
			description = "Share of the channels that make and take calls, %% (default: ${DEFAULT-VALUE}).")
	double callPct;

	@Option(names = "--months", paramLabel = "N", defaultValue = "1",
			description = "Consecutive months from --month on, with trend, season and noise (default: ${DEFAULT-VALUE}).")
	int months;

	@Override
	public Integer call() throws Exception {
		GeneratorSettings settings;
		try {
			settings = new GeneratorSettings(channels, clients, month, out, seed, discrepancyPct, webhooks.onlyPct,
					webhooks.messages, creditLinePct, clientFilePct, callPct, months);
		}
		catch (IllegalArgumentException ex) {
			throw new ParameterException(spec.commandLine(), ex.getMessage());
		}
		PrintWriter print = spec.commandLine().getOut();
		long started = System.nanoTime();
		Manifest manifest;
		try {
			manifest = InboxGenerator.generate(settings);
		}
		catch (IllegalArgumentException ex) {
			throw new ParameterException(spec.commandLine(), ex.getMessage());
		}
		double seconds = (System.nanoTime() - started) / 1e9;
		print.printf("generated %s for %s in %.1f s (seed %d)%n", out, manifest.month(), seconds, manifest.seed());
		print.printf("  directory      %,d clients, %,d WABAs, %,d channels (%,d webhook-only, %,d on the credit line)%n",
				manifest.clients(), manifest.wabas(), manifest.channels(), manifest.webhookOnlyChannels(),
				manifest.creditLineChannels());
		print.printf("  usage exports  %,d files, %,d DAILY rows, %,.1f MB%n", manifest.usageFiles(), manifest.usageRows(),
				manifest.usageBytes() / MEGABYTE);
		print.printf("  webhooks       %,d files, %,d lines (%,d status events, %,d other entries)%n",
				manifest.webhookFiles(), manifest.webhookLines(), manifest.webhookStatusEvents(),
				manifest.webhookOtherEntries());
		print.printf("  calls          %,d export files, %,d data points, %,d calls, %,d call events in the webhooks%n",
				manifest.callFiles(), manifest.callDataPoints(), manifest.calls(), manifest.webhookCallEvents());
		print.printf("  invoice        %,d files, %,d lines (%,d usage)%n", manifest.invoiceFiles(),
				manifest.invoiceLines(), manifest.invoiceUsageLines());
		print.printf("  expected lines %,d: %s%n", manifest.expectedLineCount(), describe(manifest.expectedLines()));
		print.printf("  injected       %s%n", describe(manifest.injected()));
		print.printf("  manifest       %s%n", out.resolve(Manifest.FILE));
		return 0;
	}

	private static String describe(Map<String, Long> counts) {
		return counts.entrySet()
			.stream()
			.map(entry -> String.format("%,d %s", entry.getValue(), entry.getKey()))
			.collect(Collectors.joining(", "));
	}

}
