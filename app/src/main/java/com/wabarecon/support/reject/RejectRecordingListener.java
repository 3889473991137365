package com.wabarecon.support.reject;

import com.wabarecon.CloseJobParameters;
import com.wabarecon.support.PartitionNames;

import org.springframework.batch.core.listener.SkipListener;
import org.springframework.batch.core.listener.StepExecutionListener;
import org.springframework.batch.core.scope.context.StepSynchronizationManager;
import org.springframework.batch.core.step.StepExecution;

/**
 * Writes every row an import step skips into the month's rejects, with its file, line, raw
 * content and reason. Before the step reads, it clears what an earlier run of the same step
 * rejected for the month, so running a step again never doubles its rejects.
 * <p>
 * Registered on a step both as {@link StepExecutionListener} and, through
 * {@code skipListener(...)}, as {@link SkipListener} (Spring Batch 6 does not detect skip
 * annotations on listeners, so this implements the interfaces). One instance serves one step
 * at a time per close: the month and step come from the thread's step context, so closes of
 * different months can share it.
 */
public class RejectRecordingListener implements SkipListener<Object, Object>, StepExecutionListener {

	private final RejectRepository rejects;

	private final int maxRawChars;

	public RejectRecordingListener(RejectRepository rejects, int maxRawChars) {
		this.rejects = rejects;
		this.maxRawChars = maxRawChars;
	}

	@Override
	public void beforeStep(StepExecution stepExecution) {
		// the shares of a step record under the step's name: the step clears for all of them, once
		if (!PartitionNames.isPartition(stepExecution.getStepName())) {
			rejects.clear(stepExecution.getJobParameters().getString(CloseJobParameters.MONTH),
					stepExecution.getStepName());
		}
	}

	@Override
	public void onSkipInRead(Throwable t) {
		record(null, t);
	}

	@Override
	public void onSkipInProcess(Object item, Throwable t) {
		record(item, t);
	}

	@Override
	public void onSkipInWrite(Object item, Throwable t) {
		record(item, t);
	}

	private void record(Object item, Throwable t) {
		StepExecution step = StepSynchronizationManager.getContext().getStepExecution();
		String month = step.getJobParameters().getString(CloseJobParameters.MONTH);
		String stepName = PartitionNames.stepName(step.getStepName());
		if (t instanceof RejectedRowException rejected) {
			rejects.add(month, stepName, rejected.source(), rejected.reason(), maxRawChars);
			return;
		}
		RowSource source = item instanceof SourcedItem sourced ? sourced.source()
				: new RowSource("(" + stepName + ")", null, null, null);
		rejects.add(month, stepName, source, "refused by the database: " + innermostMessage(t), maxRawChars);
	}

	private static String innermostMessage(Throwable t) {
		Throwable cause = t;
		while (cause.getCause() != null && cause.getCause() != cause) {
			cause = cause.getCause();
		}
		String message = String.valueOf(cause.getMessage());
		int end = message.indexOf('\n');
		return end < 0 ? message : message.substring(0, end);
	}

}
