package com.wabarecon.forecast;

import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeMap;

import com.wabarecon.rules.VolumeForecast;

/**
 * One forecast series: a client's channel (or whole WABA), category and currency, with its
 * volume of each closed month from its first to the month closed (a month without a line
 * counts as nothing).
 */
final class Series {

	final String clientId;

	final String wabaId;

	final String phoneNumberId;

	final String channelId;

	final String category;

	final String currency;

	private final TreeMap<YearMonth, Long> volumes = new TreeMap<>();

	Series(String clientId, String wabaId, String phoneNumberId, String channelId, String category, String currency) {
		this.clientId = clientId;
		this.wabaId = wabaId;
		this.phoneNumberId = phoneNumberId;
		this.channelId = channelId;
		this.category = category;
		this.currency = currency;
	}

	static String key(String clientId, String wabaId, String phoneNumberId, String category, String currency) {
		return String.join("|", clientId, wabaId, String.valueOf(phoneNumberId), category, currency);
	}

	void add(YearMonth month, long volume) {
		volumes.merge(month, volume, Long::sum);
	}

	/** The series' last month with a line. */
	YearMonth last() {
		return volumes.lastKey();
	}

	/** The months from the series' first to {@code last}, oldest first. */
	List<VolumeForecast.Month> history(YearMonth last) {
		List<VolumeForecast.Month> months = new ArrayList<>();
		YearMonth first = volumes.keySet().iterator().next();
		for (YearMonth month = first; !month.isAfter(last); month = month.plusMonths(1)) {
			months.add(new VolumeForecast.Month(month, volumes.getOrDefault(month, 0L)));
		}
		return months;
	}

}
