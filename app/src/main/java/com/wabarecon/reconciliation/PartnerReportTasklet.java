package com.wabarecon.reconciliation;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.wabarecon.CloseJobParameters;
import com.wabarecon.balance.BalanceMonths;
import com.wabarecon.support.accounting.InputFileRepository;

import org.springframework.batch.core.ExitStatus;
import org.springframework.batch.core.job.parameters.JobParameters;
import org.springframework.batch.core.step.StepContribution;
import org.springframework.batch.core.scope.context.ChunkContext;
import org.springframework.batch.core.step.tasklet.Tasklet;
import org.springframework.batch.infrastructure.repeat.RepeatStatus;

/**
 * Writes the partner's report once the tie-out held: the judged lines from the table, and the
 * run's facts (its parameters, tolerances, the tie-out's checks and the input files).
 */
class PartnerReportTasklet implements Tasklet {

	private final ReconLineRepository lines;

	private final InputFileRepository inputs;

	private final Tolerances tolerances;

	private final String tieOut;

	private final BalanceMonths balances;

	/**
	 * @param tieOut the tie-out's checks, one a line, as {@code tieOutStep} promoted them
	 */
	PartnerReportTasklet(ReconLineRepository lines, InputFileRepository inputs, Tolerances tolerances, String tieOut,
			BalanceMonths balances) {
		this.lines = lines;
		this.inputs = inputs;
		this.tolerances = tolerances;
		this.tieOut = tieOut == null ? "" : tieOut;
		this.balances = balances;
	}

	@Override
	public RepeatStatus execute(StepContribution contribution, ChunkContext chunkContext) throws Exception {
		JobParameters parameters = contribution.getStepExecution().getJobParameters();
		String month = parameters.getString(CloseJobParameters.MONTH);
		Map<String, String> recorded = new LinkedHashMap<>();
		parameters.parameters().forEach(parameter -> recorded.put(parameter.name(), String.valueOf(parameter.value())));
		var run = new DisputeWorkbook.Run(recorded, tolerances.describe(),
				tieOut.isEmpty() ? List.of() : List.of(tieOut.split("\n")), inputs.forMonth(month),
				balances.byUrgency(month, parameters.getString(CloseJobParameters.CLIENT)));
		PartnerReport report = PartnerReport.of(parameters);
		contribution.incrementWriteCount(report.write(lines, month, parameters.getString(CloseJobParameters.CLIENT), run));
		contribution.setExitStatus(
				ExitStatus.COMPLETED.addExitDescription("wrote " + report.csv() + " and " + report.xlsx()));
		return RepeatStatus.FINISHED;
	}

}
