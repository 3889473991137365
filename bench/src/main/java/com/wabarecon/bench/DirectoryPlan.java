package com.wabarecon.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

import com.wabarecon.bench.Homes.Home;

/**
 * The partner's generated clients, WABAs and channels. Channel counts per client are skewed
 * (every client has one; the rest go mostly to a few big clients), a client's channels are
 * grouped into WABAs (about one in three shares a WABA with the channel before it), and a
 * controlled number of channels have only webhooks. Ids are fixed-width and unique, display
 * numbers start with the WABA's calling code.
 */
record DirectoryPlan(List<ClientPlan> clients) {

	/** About 5 % of clients keep estimates in another currency than their WABAs' (converted with the FX file). */
	static final double FOREIGN_EXPORT_CURRENCY = 0.05;

	/** About 5 % of a client's further WABAs are in another country than its first. */
	static final double OTHER_HOME = 0.05;

	static final double SHARED_WABA = 0.3;

	static final int MAX_CHANNELS_PER_WABA = 8;

	/** About 20 % of WABAs with several channels are invoiced as a whole (no phone number on the lines). */
	static final double INVOICED_AS_WHOLE = 0.2;

	/** About 2 % of single-channel exports come in Meta's own pricing_analytics envelope. */
	static final double ENVELOPE = 0.02;

	static final double SIZE_ALPHA = 1.16;

	static final double SIZE_CAP = 400;

	record ClientPlan(int index, String id, String name, List<String> emails, String statementCurrency,
			String locale, String exportCurrency, boolean oneFile, List<WabaPlan> wabas) {

		/** The currency a channel's charged export rows carry: the client's own, else the WABA's. */
		String exportCurrency(WabaPlan waba) {
			return exportCurrency != null ? exportCurrency : waba.home().currency();
		}

	}

	record WabaPlan(String id, Home home, boolean creditLine, boolean invoicedAsWhole, List<ChannelPlan> channels) {
	}

	/** @param size relative traffic: 1 for most, up to {@link #SIZE_CAP} for the biggest */
	record ChannelPlan(int index, String id, String phoneNumberId, String display, double size, boolean webhookOnly,
			boolean envelope) {
	}

	static DirectoryPlan plan(GeneratorSettings settings, SplittableRandom random) {
		int[] channelsPerClient = channelsPerClient(settings.channels(), settings.clients(), random);
		boolean[] webhookOnly = pick(settings.channels(), (int) Math.round(settings.channels() * settings.webhookOnlyPct() / 100),
				random);
		Ids ids = new Ids(settings.channels(), settings.clients());
		List<ClientPlan> clients = new ArrayList<>(settings.clients());
		int channel = 0;
		int wabaCount = 0;
		for (int c = 0; c < settings.clients(); c++) {
			Home primary = Homes.ALL.get(Distributions.weighted(random, Homes.WEIGHTS));
			List<WabaPlan> wabas = new ArrayList<>();
			List<ChannelPlan> current = null;
			for (int k = 0; k < channelsPerClient[c]; k++, channel++) {
				if (current == null || current.size() >= MAX_CHANNELS_PER_WABA || !Distributions.chance(random, SHARED_WABA)) {
					Home home = wabas.isEmpty() || !Distributions.chance(random, OTHER_HOME) ? primary
							: Homes.ALL.get(Distributions.weighted(random, Homes.WEIGHTS));
					current = new ArrayList<>();
					wabas.add(new WabaPlan(ids.waba(wabaCount++), home,
							Distributions.chance(random, settings.creditLinePct() / 100), false, current));
				}
				Home home = wabas.get(wabas.size() - 1).home();
				current.add(new ChannelPlan(channel, ids.channel(channel), ids.phoneNumber(channel),
						home.callingCode() + ids.subscriber(channel), Distributions.pareto(random, SIZE_ALPHA, SIZE_CAP),
						webhookOnly[channel], false));
			}
			clients.add(client(c, ids, primary, wabas, settings, random));
		}
		return new DirectoryPlan(clients);
	}

	private static ClientPlan client(int index, Ids ids, Home primary, List<WabaPlan> drafted, GeneratorSettings settings,
			SplittableRandom random) {
		String exportCurrency = null;
		if (Distributions.chance(random, FOREIGN_EXPORT_CURRENCY)) {
			String candidate = PriceList.FX_SOURCES.get(random.nextInt(PriceList.FX_SOURCES.size()));
			exportCurrency = drafted.stream().allMatch(w -> w.home().currency().equals(candidate)) ? null : candidate;
		}
		String fileCurrency = exportCurrency;
		List<WabaPlan> exporting = drafted.stream()
			.filter(w -> w.channels().stream().anyMatch(ch -> !ch.webhookOnly()))
			.toList();
		boolean sameCurrency = exporting.stream().map(w -> fileCurrency != null ? fileCurrency : w.home().currency()).distinct().count() == 1;
		long exportChannels = exporting.stream().flatMap(w -> w.channels().stream()).filter(ch -> !ch.webhookOnly()).count();
		boolean oneFile = exportChannels >= 2 && sameCurrency && Distributions.chance(random, settings.clientFilePct() / 100);

		List<WabaPlan> wabas = new ArrayList<>(drafted.size());
		for (WabaPlan waba : drafted) {
			boolean whole = waba.channels().size() >= 2 && Distributions.chance(random, INVOICED_AS_WHOLE);
			List<ChannelPlan> channels = new ArrayList<>(waba.channels().size());
			for (ChannelPlan ch : waba.channels()) {
				// Meta's envelope has no currency: only for a channel exported in its WABA's own
				boolean envelope = !oneFile && !ch.webhookOnly() && exportCurrency == null
						&& Distributions.chance(random, ENVELOPE);
				channels.add(new ChannelPlan(ch.index(), ch.id(), ch.phoneNumberId(), ch.display(), ch.size(),
						ch.webhookOnly(), envelope));
			}
			wabas.add(new WabaPlan(waba.id(), waba.home(), waba.creditLine(), whole, channels));
		}
		String id = ids.client(index);
		return new ClientPlan(index, id, ClientNames.name(random, primary), ClientNames.emails(random, id),
				exportCurrency != null ? exportCurrency : primary.currency(), primary.locale(), exportCurrency, oneFile,
				wabas);
	}

	/**
	 * One channel for each client, the rest drawn with a density falling like 1/sqrt(rank): at
	 * 13,000 clients the biggest has about 1 % of the extra channels, most keep one or two.
	 */
	private static int[] channelsPerClient(int channels, int clients, SplittableRandom random) {
		int[] counts = new int[clients];
		java.util.Arrays.fill(counts, 1);
		int[] rankToClient = shuffled(clients, random);
		for (int i = clients; i < channels; i++) {
			double u = random.nextDouble();
			counts[rankToClient[(int) (clients * u * u)]]++;
		}
		return counts;
	}

	/** Exactly {@code count} of {@code size} positions, chosen at random. */
	private static boolean[] pick(int size, int count, SplittableRandom random) {
		boolean[] picked = new boolean[size];
		int[] order = shuffled(size, random);
		for (int i = 0; i < Math.min(count, size); i++) {
			picked[order[i]] = true;
		}
		return picked;
	}

	private static int[] shuffled(int size, SplittableRandom random) {
		int[] order = new int[size];
		for (int i = 0; i < size; i++) {
			order[i] = i;
		}
		for (int i = size - 1; i > 0; i--) {
			int j = random.nextInt(i + 1);
			int swap = order[i];
			order[i] = order[j];
			order[j] = swap;
		}
		return order;
	}

	/**
	 * Fixed-width ids. Phone number ids and WABA ids start with prefixes that the unknown lines
	 * of the invoice never use, so an injected unknown channel is never in the directory.
	 */
	static final class Ids {

		static final String PHONE_NUMBER_PREFIX = "1065";

		static final String WABA_PREFIX = "2033";

		static final String UNKNOWN_PHONE_NUMBER_PREFIX = "9098";

		static final String UNKNOWN_WABA_PREFIX = "9099";

		private static final int NUMBER_DIGITS = 11;

		private static final int SUBSCRIBER_DIGITS = 9;

		private final String channelFormat;

		private final String clientFormat;

		Ids(int channels, int clients) {
			this.channelFormat = "ch_%0" + Math.max(6, digits(channels)) + "d";
			this.clientFormat = "c_%0" + Math.max(5, digits(clients)) + "d";
		}

		String channel(int index) {
			return String.format(channelFormat, index + 1);
		}

		String client(int index) {
			return String.format(clientFormat, index + 1);
		}

		String phoneNumber(int index) {
			return PHONE_NUMBER_PREFIX + pad(index + 1, NUMBER_DIGITS);
		}

		String waba(int index) {
			return WABA_PREFIX + pad(index + 1, NUMBER_DIGITS);
		}

		/** The national part of a display number: a mobile prefix and the channel's number. */
		String subscriber(int index) {
			return "7" + pad(index + 1, SUBSCRIBER_DIGITS);
		}

		static String unknownPhoneNumber(long n) {
			return UNKNOWN_PHONE_NUMBER_PREFIX + pad(n, NUMBER_DIGITS);
		}

		static String unknownWaba(long n) {
			return UNKNOWN_WABA_PREFIX + pad(n, NUMBER_DIGITS);
		}

		private static String pad(long value, int width) {
			String digits = Long.toString(value);
			return "0".repeat(Math.max(0, width - digits.length())) + digits;
		}

		private static int digits(int value) {
			return Integer.toString(value).length();
		}

	}

}
