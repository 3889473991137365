package com.wabarecon.support.wording;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;

/**
 * A sentence to be worded in a reader's language: the key of its message in the bundles
 * ({@code i18n/messages}) and its arguments, kept as values (counts, amounts, months), so that
 * each language writes the numbers and dates its own way. A phrase can be an argument of
 * another ("{0}, within tolerance").
 */
public record Phrase(String key, List<Arg> args) implements Arg {

	public Phrase {
		args = List.copyOf(args);
	}

	public static Phrase of(String key, Arg... args) {
		return new Phrase(key, List.of(args));
	}

	public static Arg.Count count(long value) {
		return new Arg.Count(value, false);
	}

	public static Arg.Count signed(long value) {
		return new Arg.Count(value, true);
	}

	public static Arg.Amount amount(BigDecimal value) {
		return new Arg.Amount(value, false);
	}

	public static Arg.Amount signed(BigDecimal value) {
		return new Arg.Amount(value, true);
	}

	public static Arg.Decimal decimal(BigDecimal value) {
		return new Arg.Decimal(value);
	}

	public static Arg.Text text(String value) {
		return new Arg.Text(value);
	}

	public static Arg.Month month(YearMonth value) {
		return new Arg.Month(value);
	}

	public static Arg.Day day(LocalDate value) {
		return new Arg.Day(value);
	}

}
