package com.wabarecon.bench;

import java.time.YearMonth;
import java.util.List;
import java.util.SplittableRandom;

import com.wabarecon.bench.DirectoryPlan.ChannelPlan;
import com.wabarecon.bench.DirectoryPlan.ClientPlan;
import com.wabarecon.bench.DirectoryPlan.WabaPlan;

/**
 * The months of a generated year: each channel's traffic of month {@code k} (0 for the first)
 * is its size times a trend of {@value #GROWTH_PCT} % a month, a yearly season
 * ({@value #SEASON_PCT} % either way, highest in December) and noise of its own (up to
 * {@value #NOISE_PCT} % either way), so a forecast has something real to find and to miss.
 */
final class MonthlyTraffic {

	static final int GROWTH_PCT = 2;

	static final int SEASON_PCT = 10;

	static final int NOISE_PCT = 8;

	private MonthlyTraffic() {
	}

	/** The directory with every channel's size of month {@code k}. */
	static DirectoryPlan of(DirectoryPlan plan, YearMonth month, int k, long seed) {
		double season = 1 + SEASON_PCT / 100.0 * Math.cos(2 * Math.PI * (month.getMonthValue() - 12) / 12.0);
		double trend = Math.pow(1 + GROWTH_PCT / 100.0, k);
		List<ClientPlan> clients = plan.clients().stream().map(client -> new ClientPlan(client.index(), client.id(),
				client.name(), client.emails(), client.statementCurrency(), client.locale(), client.exportCurrency(),
				client.oneFile(), client.wabas().stream().map(waba -> new WabaPlan(waba.id(), waba.home(),
						waba.creditLine(), waba.invoicedAsWhole(), waba.channels().stream().map(channel -> {
							SplittableRandom noise = new SplittableRandom(
									Distributions.seed(seed, 1_000_000L * (k + 1) + channel.index()));
							double factor = trend * season * (1 + NOISE_PCT / 100.0 * (2 * noise.nextDouble() - 1));
							return new ChannelPlan(channel.index(), channel.id(), channel.phoneNumberId(),
									channel.display(), channel.size() * factor, channel.webhookOnly(), channel.envelope());
						}).toList())).toList())).toList();
		return new DirectoryPlan(clients);
	}

}
