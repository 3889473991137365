package com.wabarecon.usage;

import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneOffset;

/**
 * The one rule for the epoch timestamps the importers read (a usage row's {@code start} and
 * {@code end}, a webhook status's {@code timestamp}, a balance period's epoch
 * {@code period_date}): a value is taken as epoch seconds only when it lies within
 * {@value #PLAUSIBLE_DAYS} days of the month being closed. Read as seconds, epoch milliseconds
 * are a date thousands of years away, which the importers would skip as "another month" and
 * the close would lose without a word; so would any other value that is no date of this close.
 * Such a value is the file's mistake, said as such: it looks like milliseconds when it would
 * be plausible divided by 1,000, else it is not a plausible date for the month. A plausible
 * date of another month is a date: the callers skip it as another month's.
 * <p>
 * Immutable; thread-safe.
 */
final class EpochSeconds {

	static final int PLAUSIBLE_DAYS = 366;

	/** The values that have a date at all. */
	private static final long FIRST_DAY = LocalDate.MIN.atStartOfDay(ZoneOffset.UTC).toEpochSecond();

	private static final long AFTER_LAST_DAY = LocalDate.MAX.atStartOfDay(ZoneOffset.UTC).toEpochSecond();

	private final YearMonth month;

	/** The plausible values: from (inclusive) to (exclusive), in epoch seconds. */
	private final long from;

	private final long to;

	EpochSeconds(YearMonth month) {
		this.month = month;
		this.from = month.atDay(1).minusDays(PLAUSIBLE_DAYS).atStartOfDay(ZoneOffset.UTC).toEpochSecond();
		this.to = month.plusMonths(1).atDay(1).plusDays(PLAUSIBLE_DAYS).atStartOfDay(ZoneOffset.UTC).toEpochSecond();
	}

	boolean plausible(long seconds) {
		return seconds >= from && seconds < to;
	}

	/**
	 * {@code null} when the value is plausible epoch seconds, else why not, naming the field:
	 * {@code start 1756684800000 looks like milliseconds, not epoch seconds}.
	 */
	String problem(String field, long value) {
		if (plausible(value)) {
			return null;
		}
		if (plausible(value / 1000)) {
			return field + " " + value + " looks like milliseconds, not epoch seconds";
		}
		boolean after = value >= to;
		String date = value >= FIRST_DAY && value < AFTER_LAST_DAY
				? LocalDate.ofInstant(Instant.ofEpochSecond(value), ZoneOffset.UTC) + " is " : "it is ";
		return field + " " + value + " is not a plausible date for " + month + " (" + date + "more than "
				+ PLAUSIBLE_DAYS + " days " + (after ? "after" : "before") + " the month)";
	}

}
