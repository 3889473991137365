package com.wabarecon.statement;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

import com.wabarecon.support.ProgressLog;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.batch.core.ExitStatus;
import org.springframework.batch.core.listener.ChunkListener;
import org.springframework.batch.core.listener.StepExecutionListener;
import org.springframework.batch.core.scope.context.StepContext;
import org.springframework.batch.core.scope.context.StepSynchronizationManager;
import org.springframework.batch.core.step.StepExecution;
import org.springframework.batch.infrastructure.item.Chunk;

/**
 * The statements' progress over all their partitions, as {@link ProgressLog} says it for one
 * step: at most every {@value #EVERY_SECONDS} seconds, the statements written, the rate, the
 * share done and the time left. Listens to the partitioned step (which knows the total, under
 * {@link ProgressLog#TOTAL_KEY}) and to its workers' chunks, which may run on several threads.
 * State is kept per job execution: closes of different months run side by side.
 */
class StatementsProgress implements StepExecutionListener, ChunkListener<Object, Object> {

	static final int EVERY_SECONDS = 5;

	private static final Logger log = LoggerFactory.getLogger(StatementsProgress.class);

	private static final class Run {

		final long stepExecutionId;

		final String stepName;

		final long total;

		final long started = System.nanoTime();

		final AtomicLong done = new AtomicLong();

		final AtomicLong lastReport = new AtomicLong(started);

		Run(long stepExecutionId, String stepName, long total) {
			this.stepExecutionId = stepExecutionId;
			this.stepName = stepName;
			this.total = total;
		}

	}

	private final Map<Long, Run> runs = new ConcurrentHashMap<>();

	/** Starts the count for the partitioned step, which knows the total; the workers' own starts are ignored. */
	@Override
	public void beforeStep(StepExecution stepExecution) {
		if (stepExecution.getExecutionContext().containsKey(ProgressLog.TOTAL_KEY)) {
			runs.put(stepExecution.getJobExecutionId(), new Run(stepExecution.getId(), stepExecution.getStepName(),
					stepExecution.getExecutionContext().getLong(ProgressLog.TOTAL_KEY)));
		}
	}

	@Override
	public ExitStatus afterStep(StepExecution stepExecution) {
		runs.computeIfPresent(stepExecution.getJobExecutionId(),
				(id, run) -> run.stepExecutionId == stepExecution.getId() ? null : run);
		return null;
	}

	/** Called for each chunk a worker wrote. */
	@Override
	public void afterChunk(Chunk<Object> chunk) {
		StepContext context = StepSynchronizationManager.getContext();
		Run run = context == null ? null : runs.get(context.getStepExecution().getJobExecutionId());
		if (run == null) {
			return;
		}
		long done = run.done.addAndGet(chunk.size());
		long now = System.nanoTime();
		long last = run.lastReport.get();
		if (now - last < Duration.ofSeconds(EVERY_SECONDS).toNanos() || !run.lastReport.compareAndSet(last, now)) {
			return;
		}
		double rate = done / Math.max((now - run.started) / 1e9, 0.001);
		String text = String.format("%s: %,d written, %,.1f/s", run.stepName, done, rate);
		if (run.total > 0 && rate > 0) {
			long left = Math.max(0, Math.round((run.total - done) / rate));
			text += String.format(", %d%% of %,d, about %s left", done * 100 / run.total, run.total,
					Duration.ofSeconds(left).toString().substring(2).toLowerCase());
		}
		log.info(text);
	}

}
