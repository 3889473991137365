package com.wabarecon.reconciliation;

import org.springframework.batch.core.scope.context.ChunkContext;
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

	private final String month;

	private final String client;

	EstimateTotalsTasklet(JdbcClient jdbc, String month, String client) {
		this.jdbc = jdbc;
		this.month = month;
		this.client = client;
	}

	@Override
	public RepeatStatus execute(StepContribution contribution, ChunkContext chunkContext) {
		contribution.getStepExecution()
			.getExecutionContext()
			.putString(TieOutTasklet.ESTIMATE_TOTALS_KEY, TieOut.format(TieOut.loadedEstimates(jdbc, month, client)));
		return RepeatStatus.FINISHED;
	}

}
