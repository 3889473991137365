package com.wabarecon;

import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.job.flow.FlowExecutionStatus;
import org.springframework.batch.core.job.flow.JobExecutionDecider;
import org.springframework.batch.core.step.StepExecution;

/**
 * Stops the close after a stage when the run asked to go no further ({@code --until}): the run
 * ends STOPPED and the month stays open; starting the close again resumes it at the next stage.
 */
class StopAfterStage implements JobExecutionDecider {

	static final String STOP = "STOP";

	static final String CONTINUE = "CONTINUE";

	private final Stage stage;

	StopAfterStage(Stage stage) {
		this.stage = stage;
	}

	@Override
	public FlowExecutionStatus decide(JobExecution jobExecution, StepExecution stepExecution) {
		String until = jobExecution.getJobParameters().getString(CloseJobParameters.UNTIL, Stage.DELIVERY.id());
		// at or past the stage asked for: a run restarted after it stopped goes no further than asked
		return new FlowExecutionStatus(Stage.fromId(until).isAfter(stage) ? CONTINUE : STOP);
	}

}
