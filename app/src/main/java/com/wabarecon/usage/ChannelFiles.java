package com.wabarecon.usage;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.springframework.batch.core.ExitStatus;
import org.springframework.batch.core.listener.StepExecutionListener;
import org.springframework.batch.core.scope.context.StepContext;
import org.springframework.batch.core.scope.context.StepSynchronizationManager;
import org.springframework.batch.core.step.StepExecution;
import org.springframework.stereotype.Component;

/**
 * While a step loads estimates, the first file each channel's rows came from: a row of a channel
 * first seen in another file may repeat a row of that file ({@link RepeatedRows} compares such
 * channels' rows once the month's exports are in). One map per job execution and source kind,
 * shared by the shares that load side by side, of a channel and a file name each: bounded by the
 * directory, whatever the month's size. Which file came first here depends on the shares' timing;
 * only whether a channel's rows came from more than one file is used, which does not.
 * <p>
 * The loading step's listener ({@link #forgetting}) drops the map when the step starts and ends.
 * Thread-safe.
 */
@Component
class ChannelFiles {

	private record Load(long jobExecution, String sourceKind) {
	}

	private final Map<Load, Map<String, String>> firstFiles = new ConcurrentHashMap<>();

	/**
	 * Notes the channel and file of each estimate a chunk loads; returns the channels, once each,
	 * whose estimates here came from another file than their first. Not remembered between calls:
	 * a chunk written again (after a rollback) finds them again.
	 */
	List<String> repeatCandidates(String sourceKind, Iterable<? extends UsageEstimate> loaded) {
		Map<String, String> firsts = null;
		List<String> candidates = List.of();
		String lastChannel = null;
		String lastFile = null;
		for (UsageEstimate estimate : loaded) {
			String channel = estimate.channelId();
			String file = estimate.source().file();
			// rows come file by file and mostly channel by channel: the map is asked where either changes
			if (channel.equals(lastChannel) && file.equals(lastFile)) {
				continue;
			}
			lastChannel = channel;
			lastFile = file;
			if (firsts == null) {
				firsts = firstFiles.computeIfAbsent(new Load(jobExecution(), sourceKind), load -> new ConcurrentHashMap<>());
			}
			String first = firsts.putIfAbsent(channel, file);
			if (first != null && !first.equals(file) && !candidates.contains(channel)) {
				candidates = candidates.isEmpty() ? new ArrayList<>() : candidates;
				candidates.add(channel);
			}
		}
		return candidates;
	}

	/** For the step that loads the kind: a map for its rows alone, forgotten when it ends. */
	StepExecutionListener forgetting(String sourceKind) {
		return new StepExecutionListener() {
			@Override
			public void beforeStep(StepExecution stepExecution) {
				firstFiles.remove(new Load(stepExecution.getJobExecutionId(), sourceKind));
			}

			@Override
			public ExitStatus afterStep(StepExecution stepExecution) {
				firstFiles.remove(new Load(stepExecution.getJobExecutionId(), sourceKind));
				return null;
			}
		};
	}

	private static long jobExecution() {
		StepContext step = StepSynchronizationManager.getContext();
		if (step == null) {
			throw new IllegalStateException("estimates loaded outside of a step");
		}
		return step.getStepExecution().getJobExecutionId();
	}

}
