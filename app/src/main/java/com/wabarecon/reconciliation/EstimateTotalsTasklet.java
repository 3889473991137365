package com.wabarecon.reconciliation;

import com.wabarecon.CloseJobParameters;

import org.springframework.batch.core.scope.context.ChunkContext;
import org.springframework.batch.core.step.StepExecution;
import org.springframework.batch.core.step.StepContribution;
import org.springframework.batch.core.step.tasklet.Tasklet;
import org.springframework.batch.infrastructure.repeat.RepeatStatus;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The estimates loaded, per currency, taken from the estimates themselves for the tie-out
 * ({@link TieOut#loadedEstimates}), under {@link TieOutTasklet#ESTIMATE_TOTALS_KEY}.
 */
class EstimateTotalsTasklet implements Tasklet {

	private final JdbcClient jdbc;

	EstimateTotalsTasklet(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	@Override
	public RepeatStatus execute(StepContribution contribution, ChunkContext chunkContext) {
		StepExecution step = contribution.getStepExecution();
		String month = step.getJobParameters().getString(CloseJobParameters.MONTH);
		String client = step.getJobParameters().getString(CloseJobParameters.CLIENT);
		step.getExecutionContext()
			.putString(TieOutTasklet.ESTIMATE_TOTALS_KEY, TieOut.format(TieOut.loadedEstimates(jdbc, month, client)));
		return RepeatStatus.FINISHED;
	}

}
