package com.wabarecon.usage;

import static com.wabarecon.usage.JsonFields.whole;

import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneId;

import com.wabarecon.importing.RowProblems;

/**
 * The period of a row of an export, usage or calls: its {@code start} (and {@code end}) checked
 * as plausible epoch seconds of the month being closed ({@link EpochSeconds}), and the day it
 * falls on in the WABA's time zone. One instance per step execution; not thread-safe.
 */
final class ExportPeriod {

	private final YearMonth month;

	private final EpochSeconds epochs;

	private long lastStart;

	private ZoneId lastZone;

	private LocalDate lastDay;

	ExportPeriod(YearMonth month) {
		this.month = month;
		this.epochs = new EpochSeconds(month);
	}

	/**
	 * A {@code start} in plausible epoch seconds, and an {@code end} (when given) too, not
	 * before it: a row whose period cannot be right is rejected, never counted in a month it
	 * was misread into.
	 */
	void check(RowFields row, RowProblems problems) {
		String startProblem = JsonFields.wholeProblem(row, "start");
		problems.add(startProblem);
		Long start = startProblem == null ? whole(row, "start") : null;
		if (start != null) {
			String implausible = epochs.problem("start", start);
			problems.add(implausible);
			start = implausible == null ? start : null;
		}
		if (!JsonFields.present(row, "end")) {
			return;
		}
		String endProblem = JsonFields.wholeProblem(row, "end");
		problems.add(endProblem);
		if (endProblem == null) {
			long end = whole(row, "end");
			String implausible = epochs.problem("end", end);
			problems.add(implausible);
			if (implausible == null && start != null && end < start) {
				problems.add("end " + end + " is before start " + start);
			}
		}
	}

	/**
	 * The day of a start in the WABA's time zone. Consecutive rows mostly share their start (a
	 * day's categories and countries), so the last answer is kept and the zone's rules are
	 * consulted about once a day of a file, not once a row.
	 */
	LocalDate day(long start, ZoneId zone) {
		if (start != lastStart || zone != lastZone) {
			lastDay = Instant.ofEpochSecond(start).atZone(zone).toLocalDate();
			lastStart = start;
			lastZone = zone;
		}
		return lastDay;
	}

	/** Whether the day is in the month being closed. */
	boolean holds(LocalDate day) {
		return YearMonth.from(day).equals(month);
	}

	/**
	 * The day just before or after the month: kept, outside the count, because a difference
	 * equal to its volume shows a time-zone boundary between the source and Meta.
	 */
	boolean adjacent(LocalDate day) {
		return day.equals(month.atDay(1).minusDays(1)) || day.equals(month.atEndOfMonth().plusDays(1));
	}

}
