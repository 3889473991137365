package com.wabarecon.launch;

import java.time.Clock;
import java.time.YearMonth;
import java.time.ZoneId;

import com.wabarecon.ReconProperties;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.stereotype.Component;

/**
 * What the schedule does when it fires: close the month before the current one (in the
 * schedule's zone), for every client, with the configured defaults. A month a completed run
 * already closed is skipped.
 */
@Component
class ScheduledClose {

	private static final Logger log = LoggerFactory.getLogger(ScheduledClose.class);

	private final CloseLauncher launcher;

	private final ZoneId zone;

	ScheduledClose(CloseLauncher launcher, ReconProperties properties) {
		this.launcher = launcher;
		this.zone = ZoneId.of(properties.schedule().zone());
	}

	CloseOutcome fire(Clock clock) {
		YearMonth month = YearMonth.now(clock.withZone(zone)).minusMonths(1);
		log.info("Scheduled close of {}", month);
		CloseOutcome outcome = launcher.launch(new CloseRequest(month, null, false, null, null, false, false, null, null,
				null, null, null, null, null));
		switch (outcome.kind()) {
			case NOTHING_TO_RUN -> log.info("Scheduled close of {} skipped: {}", month, outcome.message());
			case COMPLETED -> log.info("Scheduled close of {} completed: {}", month,
					RunSummary.headline(outcome.execution()));
			default -> log.error("Scheduled close of {} did not complete: {}", month, outcome.message());
		}
		return outcome;
	}

}
