package com.wabarecon.bench;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.Map;

/**
 * The days of the generated month in each WABA's time zone: a day's rows start at local
 * midnight (so every row belongs to the month where the importer looks for it), and a day may
 * last 23 or 25 hours where the clocks change. Not thread-safe (caches per zone).
 */
final class MonthDays {

	private final YearMonth month;

	private final Map<String, long[]> starts = new HashMap<>();

	MonthDays(YearMonth month) {
		this.month = month;
	}

	YearMonth month() {
		return month;
	}

	int count() {
		return month.lengthOfMonth();
	}

	LocalDate date(int day) {
		return month.atDay(day + 1);
	}

	boolean weekend(int day) {
		DayOfWeek weekday = date(day).getDayOfWeek();
		return weekday == DayOfWeek.SATURDAY || weekday == DayOfWeek.SUNDAY;
	}

	/** UTC epoch seconds of each local midnight of the month, and of the next month's first. */
	long[] starts(String zone) {
		return starts.computeIfAbsent(zone, z -> {
			ZoneId id = ZoneId.of(z);
			long[] epochs = new long[count() + 1];
			for (int day = 0; day <= count(); day++) {
				epochs[day] = month.atDay(1).plusDays(day).atStartOfDay(id).toEpochSecond();
			}
			return epochs;
		});
	}

}
