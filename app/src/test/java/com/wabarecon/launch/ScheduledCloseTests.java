package com.wabarecon.launch;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The schedule closes the month before the one it fires in, once.
 */
@LauncherTest
class ScheduledCloseTests {

	@Autowired
	ScheduledClose scheduledClose;

	@Test
	void closesThePreviousMonthAndSkipsItWhenItFiresAgain() {
		Clock thirdOfOctober = Clock.fixed(Instant.parse("2025-10-03T06:00:00Z"), ZoneOffset.UTC);

		CloseOutcome first = scheduledClose.fire(thirdOfOctober);
		CloseOutcome second = scheduledClose.fire(thirdOfOctober);

		assertThat(first.kind()).as(first.message()).isEqualTo(CloseOutcome.Kind.COMPLETED);
		assertThat(first.execution().getJobParameters().getString("month")).isEqualTo("2025-09");
		assertThat(second.kind()).isEqualTo(CloseOutcome.Kind.NOTHING_TO_RUN);
	}

}
