package com.wabarecon.bench;

import static com.wabarecon.bench.PriceList.AUTHENTICATION;
import static com.wabarecon.bench.PriceList.AUTHENTICATION_INTERNATIONAL;
import static com.wabarecon.bench.PriceList.FREE_CUSTOMER_SERVICE;
import static com.wabarecon.bench.PriceList.FREE_ENTRY_POINT;
import static com.wabarecon.bench.PriceList.MARKETING;
import static com.wabarecon.bench.PriceList.MARKETING_LITE;
import static com.wabarecon.bench.PriceList.REFERRAL_CONVERSION;
import static com.wabarecon.bench.PriceList.REGULAR;
import static com.wabarecon.bench.PriceList.SERVICE;
import static com.wabarecon.bench.PriceList.UTILITY;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

import com.wabarecon.bench.DirectoryPlan.ChannelPlan;
import com.wabarecon.bench.Homes.Home;

/**
 * What a channel sends: to its home country a mix of categories and pricing types (most
 * channels send marketing and utility, answer customers for free, fewer send authentication
 * codes), and to a few other countries mostly marketing; bigger channels reach more countries.
 * The mix gives about five flows per channel, so about 150 daily rows a month.
 */
final class TrafficModel {

	/** A flow a channel may have: how likely, and its mean messages a day at size 1. */
	record Mix(String category, String type, double probability, double mean) {
	}

	/** A flow with its mean messages a day at the channel's size. */
	record Planned(Flow flow, double mean) {
	}

	static final List<Mix> HOME = List.of(new Mix(MARKETING, REGULAR, 0.85, 8), new Mix(UTILITY, REGULAR, 0.70, 12),
			new Mix(AUTHENTICATION, REGULAR, 0.40, 5), new Mix(MARKETING_LITE, REGULAR, 0.05, 6),
			new Mix(SERVICE, FREE_CUSTOMER_SERVICE, 0.90, 15), new Mix(UTILITY, FREE_CUSTOMER_SERVICE, 0.45, 6),
			new Mix(MARKETING, FREE_ENTRY_POINT, 0.25, 2), new Mix(REFERRAL_CONVERSION, FREE_ENTRY_POINT, 0.08, 1));

	static final List<Mix> ABROAD = List.of(new Mix(MARKETING, REGULAR, 1.0, 3), new Mix(UTILITY, REGULAR, 0.35, 3),
			new Mix(AUTHENTICATION_INTERNATIONAL, REGULAR, 0.3, 2), new Mix(SERVICE, FREE_CUSTOMER_SERVICE, 0.3, 2));

	private static final int MAX_ABROAD = 6;

	private final MonthDays days;

	private final PriceList prices;

	TrafficModel(MonthDays days, PriceList prices) {
		this.days = days;
		this.prices = prices;
	}

	/** The channel's flows with daily volumes filled in (a usage export). */
	List<Flow> exportFlows(ChannelPlan channel, Home home, SplittableRandom random) {
		List<Flow> flows = new ArrayList<>();
		for (Planned planned : plan(channel, home, random)) {
			long[] daily = planned.flow().daily();
			for (int day = 0; day < daily.length; day++) {
				daily[day] = Distributions.daily(random, planned.mean(), days.weekend(day));
			}
			flows.add(planned.flow());
		}
		return flows;
	}

	/** The channel's flows, empty, with their relative weights (webhook-only channels count into them). */
	List<Planned> plan(ChannelPlan channel, Home home, SplittableRandom random) {
		List<Planned> planned = new ArrayList<>();
		add(planned, HOME, home.country(), channel.size(), random);
		double more = Math.min(0.8, 0.42 + 0.06 * Math.log(channel.size()));
		List<String> abroad = new ArrayList<>();
		while (abroad.size() < MAX_ABROAD && Distributions.chance(random, more)) {
			String country = PriceList.COUNTRIES.get(random.nextInt(PriceList.COUNTRIES.size())).code();
			if (!country.equals(home.country()) && !abroad.contains(country)) {
				abroad.add(country);
				add(planned, ABROAD, country, channel.size(), random);
			}
		}
		if (planned.isEmpty()) {
			// every channel talks to its customers at least
			planned.add(new Planned(new Flow(home.country(), SERVICE, FREE_CUSTOMER_SERVICE, new long[days.count()]),
					HOME.get(4).mean() * channel.size()));
		}
		return planned;
	}

	private void add(List<Planned> planned, List<Mix> mixes, String country, double size, SplittableRandom random) {
		for (Mix mix : mixes) {
			boolean possible = !mix.category().equals(AUTHENTICATION_INTERNATIONAL) || prices.hasAuthInternational(country);
			if (Distributions.chance(random, mix.probability()) && possible) {
				planned.add(new Planned(new Flow(country, mix.category(), mix.type(), new long[days.count()]),
						mix.mean() * size));
			}
		}
	}

}
