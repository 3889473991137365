package com.wabarecon.support.wording;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.YearMonth;

/** An argument of a {@link Phrase}: a value the wording writes in the reader's locale, or another phrase. */
public sealed interface Arg permits Phrase, Arg.Count, Arg.Amount, Arg.Decimal, Arg.Text, Arg.Month, Arg.Day {

	/** A number of messages or rows: {@code 2400}, {@code 2.400}; with a sign when {@code signed}. */
	record Count(long value, boolean signed) implements Arg {
	}

	/** A money amount with its decimals as given: {@code 327.60}, {@code 327,60}; with a sign when {@code signed}. */
	record Amount(BigDecimal value, boolean signed) implements Arg {
	}

	/** A rate or a percentage, with its decimals as given: {@code 0.0550}, {@code 0,0550}. */
	record Decimal(BigDecimal value) implements Arg {
	}

	/** Text written as it is: an id, a currency code, a tier's name. */
	record Text(String value) implements Arg {
	}

	/** A month, as its name and year. */
	record Month(YearMonth value) implements Arg {
	}

	/** A date. */
	record Day(LocalDate value) implements Arg {
	}

}
