package com.wabarecon.importing;

import java.util.HashMap;
import java.util.Map;
import java.util.TreeMap;

import org.springframework.batch.core.scope.context.StepContext;
import org.springframework.batch.core.scope.context.StepSynchronizationManager;
import org.springframework.batch.core.step.StepExecution;
import org.springframework.batch.infrastructure.item.ExecutionContext;

/**
 * Counts why rows were skipped (filtered, not rejected), per reason, in the running step's
 * execution context; the run summary lists them. Called from item processors that return
 * {@code null}. The counts are one entry of the context, so that the shares of a partitioned
 * step add theirs up ({@link #addUp}) and a restart that reads its files again starts from none
 * ({@link #forget}).
 */
public final class SkipReasons {

	private static final String KEY = "skipReasons";

	private SkipReasons() {
	}

	/** Counts one skipped row and returns {@code null}, the processor's "filter this row". */
	public static <T> T skip(String reason) {
		StepContext step = StepSynchronizationManager.getContext();
		if (step != null) {
			counts(step.getStepExecution().getExecutionContext()).merge(reason, 1L, Long::sum);
		}
		return null;
	}

	/** The step's reasons and how many rows each skipped, in the reasons' order. */
	public static Map<String, Long> of(StepExecution step) {
		@SuppressWarnings("unchecked")
		Map<String, Long> counts = (Map<String, Long>) step.getExecutionContext().get(KEY);
		return counts == null ? Map.of() : new TreeMap<>(counts);
	}

	/** The step's reasons: those of its shares, added up. */
	static void addUp(StepExecution step, Iterable<StepExecution> shares) {
		forget(step.getExecutionContext());
		Map<String, Long> counts = counts(step.getExecutionContext());
		for (StepExecution share : shares) {
			of(share).forEach((reason, count) -> counts.merge(reason, count, Long::sum));
		}
	}

	static void forget(ExecutionContext context) {
		context.remove(KEY);
	}

	@SuppressWarnings("unchecked")
	private static Map<String, Long> counts(ExecutionContext context) {
		Object counts = context.get(KEY);
		if (counts == null) {
			counts = new HashMap<String, Long>();
			context.put(KEY, counts);
		}
		return (Map<String, Long>) counts;
	}

}
