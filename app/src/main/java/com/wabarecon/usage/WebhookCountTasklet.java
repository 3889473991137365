package com.wabarecon.usage;

import java.time.YearMonth;

import org.springframework.batch.core.ExitStatus;
import org.springframework.batch.core.scope.context.ChunkContext;
import org.springframework.batch.core.step.StepContribution;
import org.springframework.batch.core.step.tasklet.Tasklet;
import org.springframework.batch.infrastructure.repeat.RepeatStatus;

/**
 * Turns the month's staged webhook events into estimates (or cross-checks), in the database.
 */
class WebhookCountTasklet implements Tasklet {

	private final WebhookEventRepository events;

	private final YearMonth month;

	WebhookCountTasklet(WebhookEventRepository events, YearMonth month) {
		this.events = events;
		this.month = month;
	}

	@Override
	public RepeatStatus execute(StepContribution contribution, ChunkContext chunkContext) {
		int rows = events.count(month, month + "/" + "webhooks");
		contribution.incrementWriteCount(rows);
		contribution.setExitStatus(ExitStatus.COMPLETED
			.addExitDescription(rows + " day x country x category rows counted from webhook events"));
		return RepeatStatus.FINISHED;
	}

}
