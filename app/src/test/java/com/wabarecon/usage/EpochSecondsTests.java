package com.wabarecon.usage;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.YearMonth;

import org.junit.jupiter.api.Test;

class EpochSecondsTests {

	/** Closing October 2025: plausible from 2024-09-30T00:00Z (inclusive) to 2026-11-02T00:00Z (exclusive). */
	private final EpochSeconds october = new EpochSeconds(YearMonth.of(2025, 10));

	@Test
	void aDateWithin366DaysOfTheMonthIsPlausibleWhicheverMonthItIs() {
		assertThat(october.problem("start", 1759356000L)).as("2 October 2025").isNull();
		assertThat(october.problem("start", 1756684800L)).as("1 September 2025").isNull();
		assertThat(october.problem("start", 1727654400L)).as("2024-09-30T00:00Z, the first plausible second").isNull();
		assertThat(october.problem("start", 1793577599L)).as("2026-11-01T23:59:59Z, the last").isNull();
	}

	@Test
	void millisecondsOfAPlausibleDateAreSaidToBeMilliseconds() {
		assertThat(october.problem("start", 1756684800000L))
			.isEqualTo("start 1756684800000 looks like milliseconds, not epoch seconds");
	}

	@Test
	void otherValuesAreNotAPlausibleDateForTheMonth() {
		assertThat(october.problem("timestamp", 1727654399L)).isEqualTo(
				"timestamp 1727654399 is not a plausible date for 2025-10 (2024-09-29 is more than 366 days before the month)");
		assertThat(october.problem("end", 1793577600L)).isEqualTo(
				"end 1793577600 is not a plausible date for 2025-10 (2026-11-02 is more than 366 days after the month)");
		assertThat(october.problem("start", 0L))
			.isEqualTo("start 0 is not a plausible date for 2025-10 (1970-01-01 is more than 366 days before the month)");
		assertThat(october.problem("start", Long.MAX_VALUE)).isEqualTo("start " + Long.MAX_VALUE
				+ " is not a plausible date for 2025-10 (it is more than 366 days after the month)");
		assertThat(october.problem("start", 1756684800000000L)).as("microseconds")
			.startsWith("start 1756684800000000 is not a plausible date for 2025-10 (")
			.endsWith(" is more than 366 days after the month)");
	}

}
