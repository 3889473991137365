package com.wabarecon.invoice;

import java.time.LocalDate;
import java.time.YearMonth;
import java.time.format.DateTimeParseException;

/**
 * The month being closed, as an invoice's billing period must be: its first to its last day.
 */
record ClosedMonth(YearMonth month) {

	static ClosedMonth of(String month) {
		return new ClosedMonth(YearMonth.parse(month));
	}

	/**
	 * Why a line of this period does not belong to the close, or {@code null} when it does (or
	 * when a date is unreadable: that is the row's problem, not the file's).
	 */
	String problem(String start, String end) {
		LocalDate from = date(start);
		LocalDate to = date(end);
		if (from == null || to == null || (from.equals(month.atDay(1)) && to.equals(month.atEndOfMonth()))) {
			return null;
		}
		return "invoice period " + from + ".." + to + " is not the month being closed (" + month + ")";
	}

	/** An ISO date ({@code 2025-09-01}), or {@code null}. */
	static LocalDate date(String text) {
		try {
			return text == null || text.isEmpty() ? null : LocalDate.parse(text.strip());
		}
		catch (DateTimeParseException ex) {
			return null;
		}
	}

}
