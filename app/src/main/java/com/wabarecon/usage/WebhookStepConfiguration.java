package com.wabarecon.usage;

import java.nio.file.Path;
import java.time.YearMonth;
import java.util.List;

import com.wabarecon.importing.ImportSteps;
import com.wabarecon.importing.MultiFileReader;
import com.wabarecon.inbox.InboxFileRepository;
import com.wabarecon.inbox.InboxKind;

import org.springframework.batch.core.configuration.annotation.StepScope;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.core.step.Step;
import org.springframework.batch.core.step.builder.StepBuilder;
import org.springframework.batch.infrastructure.item.ItemWriter;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.transaction.PlatformTransactionManager;

/**
 * The month's status webhooks: each line parsed and mapped to the events of one message
 * ({@code webhooksStep}), then counted into estimates per channel, day and category
 * ({@code webhookCountStep}), both run by the usage stage.
 */
@Configuration
class WebhookStepConfiguration {

	/**
	 * This month's webhook files, the previous month's and the next month's: a message counts in
	 * the month of its first charged status in the WABA's time zone, whatever folder its statuses
	 * were stored in. Meta retries for days, so late events land in the next month's folder; and
	 * the previous month's folder holds statuses of this month's first hours (stored by UTC day)
	 * and the first status of messages whose later statuses arrived this month, which must not
	 * count again here. So each close sees every status of its month's messages, in whichever
	 * order the months are closed.
	 */
	@Bean
	@StepScope
	MultiFileReader<TextLine> webhooksReader(@Value("#{jobParameters['inbox']}") String inbox,
			@Value("#{jobParameters['month']}") String month, InboxFileRepository inboxFiles) {
		Path root = Path.of(inbox);
		return new MultiFileReader<>(root, inboxFiles.read(root, month, InboxKind.WEBHOOKS), NdjsonLineReader::new);
	}

	@Bean
	@StepScope
	WebhookLineMapper webhookLineMapper(@Value("#{jobParameters['month']}") String month, ChannelLookup channels) {
		return new WebhookLineMapper(YearMonth.parse(month), channels::load);
	}

	@Bean
	@StepScope
	ItemWriter<WebhookEvents> webhookEventsWriter(@Value("#{jobParameters['month']}") String month,
			WebhookEventRepository events) {
		return events.writer(month);
	}

	@Bean
	Step webhooksStep(ImportSteps steps, MultiFileReader<TextLine> webhooksReader, WebhookLineMapper webhookLineMapper,
			ItemWriter<WebhookEvents> webhookEventsWriter, WebhookEventRepository events) {
		return steps.bulkStep("webhooksStep", webhooksReader, webhookLineMapper, webhookEventsWriter,
				steps.newAccounting(), events::deleteMonth);
	}

	@Bean
	@StepScope
	WebhookCountTasklet webhookCountTasklet(@Value("#{jobParameters['month']}") String month,
			WebhookEventRepository events, CallEventRepository calls) {
		return new WebhookCountTasklet(events, calls, YearMonth.parse(month));
	}

	@Bean
	Step webhookCountStep(JobRepository jobRepository, PlatformTransactionManager transactionManager,
			WebhookCountTasklet webhookCountTasklet) {
		return new StepBuilder("webhookCountStep", jobRepository).tasklet(webhookCountTasklet, transactionManager)
			.build();
	}

}
