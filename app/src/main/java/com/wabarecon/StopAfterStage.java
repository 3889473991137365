package com.wabarecon;

import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.job.flow.FlowExecutionStatus;
import org.springframework.batch.core.job.flow.JobExecutionDecider;
import org.springframework.batch.core.step.StepExecution;

/**
 * Ends the close after a stage when the run asked to go no further ({@code --until}).
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
		return new FlowExecutionStatus(Stage.fromId(until) == stage ? STOP : CONTINUE);
	}

}
