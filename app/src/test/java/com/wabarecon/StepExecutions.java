package com.wabarecon;

import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.step.StepExecution;

/**
 * Test helper. Kept out of the test classes: {@code @SpringBatchTest} takes any method of a
 * test class that returns a {@link StepExecution} for a step-scope factory.
 */
public final class StepExecutions {

	private StepExecutions() {
	}

	public static StepExecution named(JobExecution execution, String name) {
		return execution.getStepExecutions()
			.stream()
			.filter(step -> step.getStepName().equals(name))
			.findFirst()
			.orElseThrow(() -> new AssertionError("no step " + name + " in " + execution.getStepExecutions()));
	}

}
