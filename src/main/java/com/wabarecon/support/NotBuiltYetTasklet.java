package com.wabarecon.support;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.batch.core.ExitStatus;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.core.step.Step;
import org.springframework.batch.core.step.builder.StepBuilder;
import org.springframework.batch.core.step.StepContribution;
import org.springframework.batch.core.scope.context.ChunkContext;
import org.springframework.batch.core.step.tasklet.Tasklet;
import org.springframework.batch.infrastructure.repeat.RepeatStatus;
import org.springframework.transaction.PlatformTransactionManager;

/**
 * Holds the place of a stage that is not built yet, so that the job already has its final
 * shape. It does nothing and completes with the exit description {@value #DESCRIPTION},
 * which the run summary shows.
 */
public class NotBuiltYetTasklet implements Tasklet {

	public static final String DESCRIPTION = "not built yet";

	private static final Logger log = LoggerFactory.getLogger(NotBuiltYetTasklet.class);

	private final String stage;

	public NotBuiltYetTasklet(String stage) {
		this.stage = stage;
	}

	/** A step that holds the place of a stage not built yet. */
	public static Step step(String name, String stage, JobRepository jobRepository,
			PlatformTransactionManager transactionManager) {
		return new StepBuilder(name, jobRepository).tasklet(new NotBuiltYetTasklet(stage), transactionManager)
			.build();
	}

	@Override
	public RepeatStatus execute(StepContribution contribution, ChunkContext chunkContext) {
		log.debug("{}: {}", stage, DESCRIPTION);
		contribution.setExitStatus(ExitStatus.COMPLETED.addExitDescription(DESCRIPTION));
		return RepeatStatus.FINISHED;
	}

}
