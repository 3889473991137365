package com.wabarecon.distribution;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.springframework.batch.core.step.Step;
import org.springframework.batch.core.step.StepLocator;
import org.springframework.stereotype.Component;

/**
 * The steps a worker can be asked to run, by name: each partitioned step registers the step its
 * partitions run when it builds it, in the manager and the worker alike (the worker's context
 * builds the same steps).
 */
@Component
public class WorkerSteps implements StepLocator {

	private final Map<String, Step> steps = new ConcurrentHashMap<>();

	private final Map<String, Boolean> resumable = new ConcurrentHashMap<>();

	/**
	 * @param resumable whether a partition of the step, interrupted, goes on from its last commit
	 * (a reader that keeps its position); otherwise it reads its input from the top
	 */
	public Step register(Step step, boolean resumable) {
		Step other = steps.putIfAbsent(step.getName(), step);
		if (other != null && other != step) {
			throw new IllegalStateException("two partitioned steps run a step named " + step.getName());
		}
		this.resumable.put(step.getName(), resumable);
		return step;
	}

	/** Whether an interrupted partition of the step may be run again on its own. */
	boolean resumable(String stepName) {
		return resumable.getOrDefault(stepName, false);
	}

	@Override
	public Step getStep(String stepName) {
		Step step = steps.get(stepName);
		if (step == null) {
			throw new IllegalArgumentException("no partitioned step runs a step named " + stepName);
		}
		return step;
	}

}
