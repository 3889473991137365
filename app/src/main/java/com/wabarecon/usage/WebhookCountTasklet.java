package com.wabarecon.usage;

import java.time.YearMonth;

import org.springframework.batch.core.ExitStatus;
import org.springframework.batch.core.scope.context.ChunkContext;
import org.springframework.batch.core.step.StepContribution;
import org.springframework.batch.core.step.tasklet.Tasklet;
import org.springframework.batch.infrastructure.repeat.RepeatStatus;

/**
 * Turns the month's staged webhook events into estimates (or cross-checks), in the database:
 * the status events into message counts, the calls' terminate events into one call each.
 */
class WebhookCountTasklet implements Tasklet {

	private final WebhookEventRepository events;

	private final CallEventRepository calls;

	private final YearMonth month;

	WebhookCountTasklet(WebhookEventRepository events, CallEventRepository calls, YearMonth month) {
		this.events = events;
		this.calls = calls;
		this.month = month;
	}

	@Override
	public RepeatStatus execute(StepContribution contribution, ChunkContext chunkContext) {
		String folder = month + "/" + "webhooks";
		int rows = events.count(month, folder);
		int counted = calls.count(month, folder);
		contribution.incrementWriteCount(rows + counted);
		contribution.setExitStatus(ExitStatus.COMPLETED
			.addExitDescription(rows + " day x country x category rows counted from webhook events"
					+ (counted == 0 ? "" : "; " + counted + " calls counted from calls webhooks")));
		return RepeatStatus.FINISHED;
	}

}
