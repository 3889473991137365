package com.wabarecon.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.stream.Stream;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.StreamWriteFeature;
import com.wabarecon.bench.DirectoryPlan.ChannelPlan;
import com.wabarecon.bench.DirectoryPlan.ClientPlan;
import com.wabarecon.bench.DirectoryPlan.WabaPlan;

/**
 * Generates a synthetic inbox of one month in the layout the close reads (docs/formats.md, "Inputs"):
 * directory, rate card, markets and FX, usage exports, webhooks and Meta's invoice, with a
 * manifest of what it holds and of the reconciliation the close must arrive at.
 * <p>
 * Client by client, so memory holds one client's month at a time and every file is streamed:
 * the exports and webhooks are written, the client's estimates priced as the close will price
 * them, and the invoice written to match them but for the injected discrepancies. Each client
 * draws from its own random stream of the seed, so the same seed writes the same bytes.
 */
final class InboxGenerator {

	private InboxGenerator() {
	}

	public static Manifest generate(GeneratorSettings settings) throws IOException {
		Path inbox = settings.out();
		requireEmpty(inbox);
		PriceList prices = new PriceList();
		DirectoryPlan plan = DirectoryPlan.plan(settings, new SplittableRandom(Distributions.seed(settings.seed(), 0)));
		DirectoryWriter.write(inbox, plan);
		if (settings.months() == 1) {
			Manifest manifest = month(settings, inbox, prices, plan, settings.month(), "");
			manifest.write(inbox);
			return manifest;
		}
		Manifest manifest = null;
		for (int k = 0; k < settings.months(); k++) {
			YearMonth month = settings.month().plusMonths(k);
			manifest = month(settings, inbox, prices, MonthlyTraffic.of(plan, month, k, settings.seed()), month,
					month + "-");
			manifest.write(inbox, "generated-" + month + ".json");
		}
		manifest.write(inbox);
		return manifest;
	}

	/** One month's files and manifest; {@code webhookPrefix} keeps a year's webhook files apart. */
	private static Manifest month(GeneratorSettings settings, Path inbox, PriceList prices, DirectoryPlan plan,
			YearMonth month, String webhookPrefix) throws IOException {
		MonthDays days = new MonthDays(month);
		ReferenceWriter.write(inbox, month, prices);

		JsonFactory json = JsonFactory.builder().enable(StreamWriteFeature.WRITE_BIGDECIMAL_AS_PLAIN).build();
		TrafficModel traffic = new TrafficModel(days, prices);
		Ledger ledger = new Ledger(prices);
		UsageExportWriter exports = new UsageExportWriter(inbox, days, prices, json);
		Recipients recipients = new Recipients(PriceList.COUNTRIES.stream().map(PriceList.Country::code).toList());
		try (WebhookWriter webhooks = new WebhookWriter(inbox, json, webhookPrefix);
				InvoiceWriter invoice = new InvoiceWriter(inbox, month)) {
			WebhookTraffic webhookTraffic = new WebhookTraffic(days, recipients, webhooks, settings.webhookMessages());
			InvoiceBuilder invoices = new InvoiceBuilder(invoice, prices, settings.discrepancyPct());
			CallTraffic calls = new CallTraffic(inbox, days, prices, json, webhooks, recipients, settings.callPct());
			for (ClientPlan client : plan.clients()) {
				SplittableRandom random = new SplittableRandom(Distributions.seed(settings.seed(), client.index() + 1L));
				List<ChannelUsage> usages = usages(client, random, traffic, webhookTraffic);
				exports.client(client, usages);
				List<ExpectedLine> lines = new ArrayList<>(ledger.lines(usages, new ClientPricing(prices, usages)));
				// the client's calls from a stream of their own: the messages' files do not change with the calls' share
				lines.addAll(calls.client(client, new SplittableRandom(Distributions.seed(settings.seed(), -client.index() - 1L))));
				invoices.client(lines, random);
			}
			return manifest(settings, month, plan, exports, webhooks, invoice, invoices, calls);
		}
	}

	private static Manifest manifest(GeneratorSettings settings, YearMonth month, DirectoryPlan plan,
			UsageExportWriter exports, WebhookWriter webhooks, InvoiceWriter invoice, InvoiceBuilder invoices,
			CallTraffic calls) {
		List<WabaPlan> wabas = plan.clients().stream().flatMap(c -> c.wabas().stream()).toList();
		List<ChannelPlan> channels = wabas.stream().flatMap(w -> w.channels().stream()).toList();
		int webhookOnly = (int) channels.stream().filter(ChannelPlan::webhookOnly).count();
		int creditLine = (int) wabas.stream()
			.filter(WabaPlan::creditLine)
			.flatMap(w -> w.channels().stream())
			.filter(ch -> !ch.webhookOnly())
			.count();
		return new Manifest(month.toString(), settings.seed(), settings.discrepancyPct(),
				plan.clients().size(), wabas.size(), channels.size(), webhookOnly, creditLine, exports.files(),
				exports.rows(), exports.bytes(), webhooks.files(), webhooks.lines(), webhooks.statuses(),
				webhooks.otherEntries(), invoice.files(), invoice.lines(), invoice.usageLines(), invoices.expected(),
				invoices.injected(), 0, calls.files(), calls.dataPoints(), calls.calls(), webhooks.calls());
	}

	/** The client's channels' month: exports drawn from the traffic model, webhook-only channels written as they are drawn. */
	private static List<ChannelUsage> usages(ClientPlan client, SplittableRandom random, TrafficModel traffic,
			WebhookTraffic webhooks) throws IOException {
		List<ChannelUsage> usages = new ArrayList<>();
		for (WabaPlan waba : client.wabas()) {
			String wabaCurrency = waba.home().currency();
			for (ChannelPlan channel : waba.channels()) {
				if (channel.webhookOnly()) {
					List<Flow> flows = webhooks.channel(waba, channel, traffic.plan(channel, waba.home(), random), random);
					usages.add(new ChannelUsage(waba, channel, flows, wabaCurrency, true));
				}
				else {
					List<Flow> flows = traffic.exportFlows(channel, waba.home(), random);
					boolean rateCard = waba.creditLine();
					usages.add(new ChannelUsage(waba, channel, flows,
							rateCard ? wabaCurrency : client.exportCurrency(waba), rateCard));
				}
			}
		}
		return usages;
	}

	private static void requireEmpty(Path folder) throws IOException {
		if (!Files.exists(folder)) {
			Files.createDirectories(folder);
			return;
		}
		if (!Files.isDirectory(folder)) {
			throw new IllegalArgumentException(folder + " is not a folder");
		}
		try (Stream<Path> entries = Files.list(folder)) {
			if (entries.findAny().isPresent()) {
				throw new IllegalArgumentException(folder + " is not empty: generate into a new or empty folder");
			}
		}
	}

}
