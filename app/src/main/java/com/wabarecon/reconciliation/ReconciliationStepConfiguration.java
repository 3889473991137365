package com.wabarecon.reconciliation;

import javax.sql.DataSource;

import com.wabarecon.ReconProperties;
import com.wabarecon.balance.BalanceMonths;
import com.wabarecon.importing.InvoiceFileTieOut;
import com.wabarecon.reference.RateCards;
import com.wabarecon.support.RunSteps;
import com.wabarecon.support.accounting.InputFileRepository;

import org.springframework.batch.core.configuration.annotation.StepScope;
import org.springframework.batch.core.job.builder.FlowBuilder;
import org.springframework.batch.core.job.flow.Flow;
import org.springframework.batch.core.listener.ExecutionContextPromotionListener;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.core.step.Step;
import org.springframework.batch.core.step.StepExecution;
import org.springframework.batch.core.step.builder.StepBuilder;
import org.springframework.batch.core.step.tasklet.Tasklet;
import org.springframework.batch.infrastructure.item.database.JdbcCursorItemReader;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.MessageSource;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.task.SimpleAsyncTaskExecutor;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.PlatformTransactionManager;

/**
 * The reconciliation stage: both sides summed in the database ({@code reconcileEstimateSideStep}
 * and, beside it, {@code reconcileInvoiceSideStep}), with the evidence for likely causes
 * ({@code reconcileEvidenceStep}); each line judged against the tolerances
 * ({@code reconcileLinesStep}) and, beside it, the estimates' totals ({@code estimateTotalsStep});
 * the tie-out ({@code tieOutStep}), each Direct Payment channel's balance ({@code balancesStep}),
 * the coming month's approximate charges ({@code forecastStep}), then the CSV and the partner
 * workbook ({@code reconciliationReportStep}). The job sees one step, {@code reconciliationStep}. Every
 * step recomputes from the data, so a rerun or restart replaces what an earlier one wrote; what
 * a later step needs of an earlier one is promoted to the job's context, which a restart keeps.
 */
@Configuration
class ReconciliationStepConfiguration {

	/** Lines judged and written per transaction: each is one COPY and one commit. */
	static final int LINES_PER_TRANSACTION = 5000;

	@Bean
	Step reconciliationStep(JobRepository jobRepository, PlatformTransactionManager transactionManager,
			ReconSideRepository sides, Step estimateTotalsStep, Step reconcileLinesStep, Step tieOutStep,
			Step balancesStep, Step forecastStep, Step reconciliationReportStep) {
		Step estimateSide = RunSteps.forTheRun("reconcileEstimateSideStep", jobRepository, transactionManager,
				sides::buildEstimateSide);
		Step invoiceSide = RunSteps.forTheRun("reconcileInvoiceSideStep", jobRepository, transactionManager,
				sides::buildInvoiceSide);
		Step evidence = RunSteps.forTheRun("reconcileEvidenceStep", jobRepository, transactionManager,
				sides::buildEvidence);
		Flow sidesAndEvidence = new FlowBuilder<Flow>("sidesAndEvidence")
			.split(new SimpleAsyncTaskExecutor("reconcile-"))
			.add(new FlowBuilder<Flow>("estimates").start(estimateSide).build(),
					new FlowBuilder<Flow>("others").start(invoiceSide).next(evidence).build())
			.build();
		// the estimates' totals are a pass over every estimate: beside the judging, PostgreSQL has a core for it
		Flow linesAndTotals = new FlowBuilder<Flow>("linesAndTotals")
			.split(new SimpleAsyncTaskExecutor("judge-"))
			.add(new FlowBuilder<Flow>("lines").start(reconcileLinesStep).build(),
					new FlowBuilder<Flow>("totals").start(estimateTotalsStep).build())
			.build();
		Flow flow = new FlowBuilder<Flow>("reconciliation").start(sidesAndEvidence)
			.next(linesAndTotals)
			.next(tieOutStep)
			.next(balancesStep)
			.next(forecastStep)
			.next(reconciliationReportStep)
			.build();
		return new StepBuilder("reconciliationStep", jobRepository).flow(flow).build();
	}

	@Bean
	@StepScope
	JdbcCursorItemReader<LineSides> lineSidesReader(DataSource dataSource,
			@Value("#{jobParameters['month']}") String month) {
		return LineSides.reader(dataSource, month);
	}

	@Bean
	@StepScope
	LineJudge lineJudge(ReconProperties properties, JdbcClient jdbc, RateCards rateCards, MessageSource messageSource,
			@Value("#{jobParameters['month']}") String month, @Value("#{stepExecution}") StepExecution stepExecution) {
		Tolerances tolerances = Tolerances.of(properties.reconciliation(), stepExecution.getJobParameters());
		stepExecution.getExecutionContext().putString(JudgedLinesListener.TOLERANCES_KEY, tolerances.describe());
		return LineJudge.forMonth(month, tolerances, jdbc, rateCards, messageSource);
	}

	@Bean
	Step reconcileLinesStep(JobRepository jobRepository, PlatformTransactionManager transactionManager,
			JdbcCursorItemReader<LineSides> lineSidesReader, LineJudge lineJudge, ReconLineRepository lines,
			ReconSideRepository sides) {
		return new StepBuilder("reconcileLinesStep", jobRepository).<LineSides, ReconLine>chunk(LINES_PER_TRANSACTION)
			.transactionManager(transactionManager)
			.reader(lineSidesReader)
			.processor(lineJudge)
			.writer(lines.writer())
			.listener(new JudgedLinesListener(lines, sides))
			.build();
	}

	@Bean
	Step estimateTotalsStep(JobRepository jobRepository, PlatformTransactionManager transactionManager,
			JdbcClient jdbc) {
		return promoting("estimateTotalsStep", TieOutTasklet.ESTIMATE_TOTALS_KEY, jobRepository, transactionManager,
				new EstimateTotalsTasklet(jdbc));
	}

	@Bean
	@StepScope
	TieOutTasklet tieOutTasklet(JdbcClient jdbc, ReconLineRepository lines, InvoiceFileTieOut invoiceFileTieOut,
			@Value("#{jobParameters['month']}") String month, @Value("#{jobParameters['client']}") String client,
			@Value("#{jobExecutionContext['" + TieOutTasklet.ESTIMATE_TOTALS_KEY + "']}") String estimateTotals) {
		return new TieOutTasklet(new TieOut(jdbc, invoiceFileTieOut), lines, month, client, estimateTotals);
	}

	@Bean
	Step tieOutStep(JobRepository jobRepository, PlatformTransactionManager transactionManager,
			TieOutTasklet tieOutTasklet) {
		return promoting("tieOutStep", TieOutTasklet.TIE_OUT_KEY, jobRepository, transactionManager, tieOutTasklet);
	}

	@Bean
	@StepScope
	PartnerReportTasklet reconciliationReportTasklet(ReconLineRepository lines, InputFileRepository inputs,
			ReconProperties properties, @Value("#{stepExecution}") StepExecution stepExecution,
			@Value("#{jobExecutionContext['" + TieOutTasklet.TIE_OUT_KEY + "']}") String tieOut, BalanceMonths balances) {
		return new PartnerReportTasklet(lines, inputs,
				Tolerances.of(properties.reconciliation(), stepExecution.getJobParameters()), tieOut, balances);
	}

	@Bean
	Step reconciliationReportStep(JobRepository jobRepository, PlatformTransactionManager transactionManager,
			PartnerReportTasklet reconciliationReportTasklet) {
		return new StepBuilder("reconciliationReportStep", jobRepository)
			.tasklet(reconciliationReportTasklet, transactionManager)
			.build();
	}

	/** A tasklet step whose result under {@code key} later steps read from the job's context. */
	private static Step promoting(String name, String key, JobRepository jobRepository,
			PlatformTransactionManager transactionManager, Tasklet tasklet) {
		ExecutionContextPromotionListener promotion = new ExecutionContextPromotionListener();
		promotion.setKeys(new String[] { key });
		return new StepBuilder(name, jobRepository).tasklet(tasklet, transactionManager).listener(promotion).build();
	}

}
