package com.wabarecon.support;

import java.util.function.BiFunction;
import java.util.function.Consumer;

import com.wabarecon.CloseJobParameters;

import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.job.JobInstance;
import org.springframework.batch.core.job.parameters.JobParameters;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.core.step.Step;
import org.springframework.batch.core.step.StepExecution;
import org.springframework.batch.core.step.builder.StepBuilder;
import org.springframework.batch.infrastructure.repeat.RepeatStatus;
import org.springframework.transaction.PlatformTransactionManager;

/**
 * Steps of one piece of database work on the run's month (and client), in one transaction:
 * the statistics, the index, the reconciliation's sides. They read the month and the client
 * from the job's parameters, so they need no step-scoped bean of their own.
 */
public final class RunSteps {

	private RunSteps() {
	}

	/**
	 * A step of work on the run's month and client ({@code null}: all clients) that returns the
	 * rows it wrote.
	 */
	public static Step forTheRun(String name, JobRepository jobRepository,
			PlatformTransactionManager transactionManager, BiFunction<String, String, Integer> work) {
		return new StepBuilder(name, jobRepository).tasklet((contribution, chunkContext) -> {
			JobParameters parameters = contribution.getStepExecution().getJobParameters();
			String month = parameters.getString(CloseJobParameters.MONTH);
			contribution.incrementWriteCount(work.apply(month, parameters.getString(CloseJobParameters.CLIENT)));
			return RepeatStatus.FINISHED;
		}, transactionManager).build();
	}

	/**
	 * Whether an execution of the close completed the step: in this execution, or in one it
	 * resumes (which the resumed close skips).
	 */
	public static boolean completed(JobRepository jobRepository, JobInstance close, String step) {
		StepExecution last = jobRepository.getLastStepExecution(close, step);
		return last != null && last.getStatus() == BatchStatus.COMPLETED;
	}

	/** A step of work on the run's month ({@code YYYY-MM}) that writes no rows of its own. */
	public static Step forTheMonth(String name, JobRepository jobRepository,
			PlatformTransactionManager transactionManager, Consumer<String> work) {
		return forTheRun(name, jobRepository, transactionManager, (month, client) -> {
			work.accept(month);
			return 0;
		});
	}

}
