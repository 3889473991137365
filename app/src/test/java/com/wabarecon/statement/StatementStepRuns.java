package com.wabarecon.statement;

import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicLong;

import com.wabarecon.CloseJobParameters;
import com.wabarecon.StepExecutions;

import org.springframework.batch.core.job.parameters.JobParametersBuilder;
import org.springframework.batch.core.step.StepExecution;
import org.springframework.batch.infrastructure.item.ExecutionContext;
import org.springframework.batch.test.JobOperatorTestUtils;

/**
 * Runs the statements step alone, as the close runs it. Kept out of the test classes:
 * {@code @SpringBatchTest} takes any method of a test class that returns an execution for a
 * step-scope factory.
 */
final class StatementStepRuns {

	static final String STEP = "statementsStep";

	private static final AtomicLong RUN = new AtomicLong(1_000_000);

	private StatementStepRuns() {
	}

	static StepExecution render(JobOperatorTestUtils jobs, Path out, String month, String client) {
		return render(jobs, out, month, client, RUN.incrementAndGet());
	}

	/** Runs the step of run {@code run}: a run that failed is restarted where it stopped. */
	static StepExecution render(JobOperatorTestUtils jobs, Path out, String month, String client, long run) {
		var parameters = new JobParametersBuilder().addString(CloseJobParameters.MONTH, month)
			.addString(CloseJobParameters.OUT, out.toString(), false)
			.addLong("run", run);
		if (client != null) {
			parameters.addString(CloseJobParameters.CLIENT, client);
		}
		return StepExecutions.named(jobs.startStep(STEP, parameters.toJobParameters(), new ExecutionContext()), STEP);
	}

}
