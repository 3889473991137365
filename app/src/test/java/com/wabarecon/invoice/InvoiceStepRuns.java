package com.wabarecon.invoice;

import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicLong;

import com.wabarecon.CloseJobParameters;
import com.wabarecon.StepExecutions;

import org.springframework.batch.core.job.parameters.JobParametersBuilder;
import org.springframework.batch.core.step.Step;
import org.springframework.batch.core.step.StepExecution;
import org.springframework.batch.infrastructure.item.ExecutionContext;
import org.springframework.batch.test.JobOperatorTestUtils;

/**
 * Runs the invoice step alone, as the close runs it. Kept out of the test classes:
 * {@code @SpringBatchTest} takes any method of a test class that returns an execution for a
 * step-scope factory.
 */
final class InvoiceStepRuns {

	static final String STEP = "invoiceImportStep";

	private static final AtomicLong RUN = new AtomicLong();

	private InvoiceStepRuns() {
	}

	/**
	 * Takes the month's inbox inventory (the close's first step, which says which files the
	 * invoice step reads), then runs the invoice step.
	 *
	 * @param step the invoice step: the job runs it inside a split (beside the pricing), where
	 * the job's step look-up does not reach
	 */
	static StepExecution importInvoice(JobOperatorTestUtils jobs, Step inboxStep, Step step, Path inbox, String month) {
		var inventory = new JobParametersBuilder().addString(CloseJobParameters.MONTH, month)
			.addString(CloseJobParameters.INBOX, inbox.toAbsolutePath().toString(), false)
			.addLong("run", RUN.incrementAndGet())
			.toJobParameters();
		jobs.startStep(inboxStep, inventory, new ExecutionContext());
		var parameters = new JobParametersBuilder().addString(CloseJobParameters.MONTH, month)
			.addString(CloseJobParameters.INBOX, inbox.toAbsolutePath().toString(), false)
			.addLong("run", RUN.incrementAndGet())
			.toJobParameters();
		return StepExecutions.named(jobs.startStep(step, parameters, new ExecutionContext()), STEP);
	}

}
