package com.wabarecon.reconciliation;

import com.wabarecon.CloseJobParameters;

import org.springframework.batch.core.ExitStatus;
import org.springframework.batch.core.listener.StepExecutionListener;
import org.springframework.batch.core.step.StepExecution;

/**
 * The lines step replaces the lines an earlier run of the close judged, once both sides are in
 * (their statistics refreshed, since they were built side by side), and names the tolerances it
 * judged by in its exit description.
 */
class JudgedLinesListener implements StepExecutionListener {

	static final String TOLERANCES_KEY = "tolerances";

	private final ReconLineRepository lines;

	private final ReconSideRepository sides;

	JudgedLinesListener(ReconLineRepository lines, ReconSideRepository sides) {
		this.lines = lines;
		this.sides = sides;
	}

	@Override
	public void beforeStep(StepExecution stepExecution) {
		var parameters = stepExecution.getJobParameters();
		lines.delete(parameters.getString(CloseJobParameters.MONTH), parameters.getString(CloseJobParameters.CLIENT));
		sides.analyze();
	}

	@Override
	public ExitStatus afterStep(StepExecution stepExecution) {
		return stepExecution.getExitStatus()
			.addExitDescription("tolerances " + stepExecution.getExecutionContext().getString(TOLERANCES_KEY, ""));
	}

}
