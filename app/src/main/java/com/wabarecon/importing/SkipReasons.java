package com.wabarecon.importing;

import org.springframework.batch.core.scope.context.StepContext;
import org.springframework.batch.core.scope.context.StepSynchronizationManager;
import org.springframework.batch.infrastructure.item.ExecutionContext;

/**
 * Counts why rows were skipped (filtered, not rejected), in the running step's execution
 * context under {@code skipped: <reason>}; the run summary lists them. Called from item
 * processors that return {@code null}.
 */
public final class SkipReasons {

	public static final String PREFIX = "skipped: ";

	private SkipReasons() {
	}

	/** Counts one skipped row and returns {@code null}, the processor's "filter this row". */
	public static <T> T skip(String reason) {
		StepContext step = StepSynchronizationManager.getContext();
		if (step != null) {
			ExecutionContext context = step.getStepExecution().getExecutionContext();
			context.putLong(PREFIX + reason, context.getLong(PREFIX + reason, 0L) + 1);
		}
		return null;
	}

}
