package com.wabarecon.bench;

import java.time.Duration;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

import com.wabarecon.distribution.PartitionRequestHandler;

import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.step.StepExecution;

/**
 * The partitions of one partitioned step as the job repository recorded them: how long each
 * took, how far the slowest was above the mean (the balance of the partitions), and, when
 * workers ran them, what a partition costs besides its work: the hand-over between two
 * partitions of one worker (the broker's delivery, the worker loading the partition's record),
 * and the wait from the split to the first partition's start.
 */
record PartitionFigures(String step, List<Partition> partitions) {

	record Partition(String name, String worker, LocalDateTime created, LocalDateTime started, LocalDateTime ended,
			long written) {

		double seconds() {
			return Duration.between(started, ended).toMillis() / 1000.0;
		}

	}

	/** One figure per partitioned step of the execution, read again from the repository. */
	static List<PartitionFigures> of(JobExecution execution) {
		Map<String, List<Partition>> steps = new TreeMap<>();
		for (StepExecution step : execution.getStepExecutions()) {
			int colon = step.getStepName().indexOf(':');
			if (colon < 0 || step.getStartTime() == null || step.getEndTime() == null) {
				continue;
			}
			String worker = step.getExecutionContext().containsKey(PartitionRequestHandler.WORKER)
					? step.getExecutionContext().getString(PartitionRequestHandler.WORKER) : null;
			steps.computeIfAbsent(step.getStepName().substring(0, colon), name -> new ArrayList<>())
				.add(new Partition(step.getStepName(), worker, step.getCreateTime(), step.getStartTime(),
						step.getEndTime(), step.getWriteCount()));
		}
		List<PartitionFigures> figures = new ArrayList<>();
		steps.forEach((step, partitions) -> figures.add(new PartitionFigures(step, partitions)));
		return figures;
	}

	double mean() {
		return partitions.stream().mapToDouble(Partition::seconds).average().orElse(0);
	}

	double slowest() {
		return partitions.stream().mapToDouble(Partition::seconds).max().orElse(0);
	}

	/** How far the slowest partition is above the mean, in %. */
	double slowestAboveMean() {
		return mean() <= 0 ? 0 : 100 * (slowest() / mean() - 1);
	}

	/** The gaps between one partition's end and the next one's start on the same worker, in seconds. */
	List<Double> handOvers() {
		Map<String, List<Partition>> byWorker = new TreeMap<>();
		partitions.stream().filter(p -> p.worker() != null)
			.forEach(p -> byWorker.computeIfAbsent(p.worker(), w -> new ArrayList<>()).add(p));
		List<Double> gaps = new ArrayList<>();
		for (List<Partition> runs : byWorker.values()) {
			runs.sort(Comparator.comparing(Partition::started));
			for (int i = 1; i < runs.size(); i++) {
				// with several consumers in a worker, runs overlap: only a partition that started after the one before ended
				if (!runs.get(i).started().isBefore(runs.get(i - 1).ended())) {
					gaps.add(Duration.between(runs.get(i - 1).ended(), runs.get(i).started()).toMillis() / 1000.0);
				}
			}
		}
		return gaps;
	}

	long workers() {
		return partitions.stream().map(Partition::worker).filter(w -> w != null).distinct().count();
	}

	String format() {
		StringBuilder text = new StringBuilder(String.format(Locale.ROOT,
				"  %-18s %3d partitions, %.1f to %.1f s, mean %.1f s: the slowest %.0f %% above the mean",
				step, partitions.size(), partitions.stream().mapToDouble(Partition::seconds).min().orElse(0), slowest(),
				mean(), slowestAboveMean()));
		if (workers() > 0) {
			List<Double> gaps = handOvers();
			LocalDateTime split = partitions.stream().map(Partition::created).min(Comparator.naturalOrder()).orElseThrow();
			LocalDateTime first = partitions.stream().map(Partition::started).min(Comparator.naturalOrder()).orElseThrow();
			text.append(String.format(Locale.ROOT, "%n  %-18s on %d workers: first start %.3f s after the split; "
					+ "hand-over between a worker's partitions %s", "", workers(),
					Duration.between(split, first).toMillis() / 1000.0,
					gaps.isEmpty() ? "not seen (one partition each)"
							: String.format(Locale.ROOT, "mean %.3f s, max %.3f s (%d)",
									gaps.stream().mapToDouble(Double::doubleValue).average().orElse(0),
									gaps.stream().mapToDouble(Double::doubleValue).max().orElse(0), gaps.size())));
		}
		return text.toString();
	}

}
