package com.wabarecon.support;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.batch.core.ExitStatus;
import org.springframework.batch.core.listener.ChunkListener;
import org.springframework.batch.core.scope.context.StepContext;
import org.springframework.batch.core.scope.context.StepSynchronizationManager;
import org.springframework.batch.core.listener.StepExecutionListener;
import org.springframework.batch.core.step.StepExecution;
import org.springframework.batch.infrastructure.item.Chunk;

/**
 * Says how a long step is getting on, at most every {@value #EVERY_SECONDS} seconds: items
 * read so far, the rate, and the time left when the step knows its total (an
 * {@value #TOTAL_KEY} entry in its execution context). Quiet for steps that end sooner.
 * Shared by the closes that run: the state is kept per step execution.
 */
public class ProgressLog implements ChunkListener<Object, Object>, StepExecutionListener {

	public static final String TOTAL_KEY = "progress.total";

	static final int EVERY_SECONDS = 5;

	private static final Logger log = LoggerFactory.getLogger(ProgressLog.class);

	/** When a step execution started, and when it last reported. */
	private static final class Clock {

		final long started = System.nanoTime();

		long lastReport = started;

	}

	private final Map<Long, Clock> clocks = new ConcurrentHashMap<>();

	@Override
	public void beforeStep(StepExecution stepExecution) {
		clocks.put(stepExecution.getId(), new Clock());
	}

	@Override
	public ExitStatus afterStep(StepExecution stepExecution) {
		clocks.remove(stepExecution.getId());
		return null;
	}

	@Override
	public void afterChunk(Chunk<Object> chunk) {
		StepContext context = StepSynchronizationManager.getContext();
		Clock clock = context == null ? null : clocks.get(context.getStepExecution().getId());
		long now = System.nanoTime();
		if (clock == null || now - clock.lastReport < Duration.ofSeconds(EVERY_SECONDS).toNanos()) {
			return;
		}
		clock.lastReport = now;
		StepExecution step = context.getStepExecution();
		long started = clock.started;
		long done = step.getReadCount() + step.getReadSkipCount();
		double seconds = (now - started) / 1e9;
		double rate = done / Math.max(seconds, 0.001);
		String text = String.format("%s: %,d read, %,.0f/s", step.getStepName(), done, rate);
		long total = step.getExecutionContext().getLong(TOTAL_KEY, -1L);
		if (total > 0 && rate > 0) {
			long left = Math.max(0, Math.round((total - done) / rate));
			text += String.format(", %d%% of %,d, about %s left", done * 100 / total, total, Duration.ofSeconds(left)
				.toString()
				.substring(2)
				.toLowerCase());
		}
		log.info(text);
	}

}
