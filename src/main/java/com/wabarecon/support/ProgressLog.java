package com.wabarecon.support;

import java.time.Duration;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.batch.core.listener.ChunkListener;
import org.springframework.batch.core.listener.StepExecutionListener;
import org.springframework.batch.core.step.StepExecution;
import org.springframework.batch.infrastructure.item.Chunk;

/**
 * Says how a long step is getting on, at most every {@value #EVERY_SECONDS} seconds: items
 * read so far, the rate, and the time left when the step knows its total (an
 * {@value #TOTAL_KEY} entry in its execution context). Quiet for steps that end sooner.
 * One instance per step; not thread-safe.
 */
public class ProgressLog implements ChunkListener<Object, Object>, StepExecutionListener {

	public static final String TOTAL_KEY = "progress.total";

	static final int EVERY_SECONDS = 5;

	private static final Logger log = LoggerFactory.getLogger(ProgressLog.class);

	private StepExecution step;

	private long started;

	private long lastReport;

	@Override
	public void beforeStep(StepExecution stepExecution) {
		step = stepExecution;
		started = System.nanoTime();
		lastReport = started;
	}

	@Override
	public void afterChunk(Chunk<Object> chunk) {
		long now = System.nanoTime();
		if (step == null || now - lastReport < Duration.ofSeconds(EVERY_SECONDS).toNanos()) {
			return;
		}
		lastReport = now;
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
