package com.wabarecon.statement;

import java.nio.file.Path;

import com.wabarecon.support.MonthFolders;
import com.wabarecon.support.ProgressLog;

import org.springframework.batch.core.ExitStatus;
import org.springframework.batch.core.listener.StepExecutionListener;
import org.springframework.batch.core.step.StepExecution;

/**
 * Tells the progress log how many statements the run renders, and says in the step's exit
 * description how many were written and where.
 */
class StatementsStepListener implements StepExecutionListener {

	private final StatementRepository statements;

	StatementsStepListener(StatementRepository statements) {
		this.statements = statements;
	}

	@Override
	public void beforeStep(StepExecution stepExecution) {
		var parameters = stepExecution.getJobParameters();
		stepExecution.getExecutionContext()
			.putLong(ProgressLog.TOTAL_KEY,
					statements.clientCount(parameters.getString("month"), parameters.getString("client")));
	}

	@Override
	public ExitStatus afterStep(StepExecution stepExecution) {
		var parameters = stepExecution.getJobParameters();
		return stepExecution.getExitStatus()
			.addExitDescription(stepExecution.getWriteCount() + " statements (PDF and XLSX) written under "
					+ MonthFolders.outputFolder(Path.of(parameters.getString("out")), parameters.getString("month")));
	}

}
