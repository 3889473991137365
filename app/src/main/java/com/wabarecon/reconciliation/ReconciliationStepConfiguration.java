package com.wabarecon.reconciliation;

import java.time.YearMonth;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import javax.sql.DataSource;

import com.wabarecon.ReconProperties;
import com.wabarecon.reference.RateCards;
import com.wabarecon.support.RunSteps;
import com.wabarecon.support.accounting.InputFileRepository;

import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.ExitStatus;
import org.springframework.batch.core.configuration.annotation.StepScope;
import org.springframework.batch.core.job.builder.FlowBuilder;
import org.springframework.batch.core.job.flow.Flow;
import org.springframework.batch.core.listener.StepExecutionListener;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.core.scope.context.StepSynchronizationManager;
import org.springframework.batch.core.step.Step;
import org.springframework.batch.core.step.StepExecution;
import org.springframework.batch.core.step.builder.StepBuilder;
import org.springframework.batch.core.step.tasklet.Tasklet;
import org.springframework.batch.infrastructure.item.ItemWriter;
import org.springframework.batch.infrastructure.item.database.JdbcCursorItemReader;
import org.springframework.batch.infrastructure.item.database.builder.JdbcCursorItemReaderBuilder;
import org.springframework.batch.infrastructure.repeat.RepeatStatus;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.task.SimpleAsyncTaskExecutor;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.PlatformTransactionManager;

/**
 * The reconciliation stage: both sides summed in the database ({@code reconcileEstimateSideStep}
 * and, beside it, {@code reconcileInvoiceSideStep}), with the evidence for likely causes
 * ({@code reconcileEvidenceStep}); each line judged against the tolerances
 * ({@code reconcileLinesStep}), which hands them to the partner report as it goes, and, beside
 * it, the estimates' totals ({@code estimateTotalsStep}); the tie-out ({@code tieOutStep}), then
 * the CSV and the partner workbook finished and named ({@code reconciliationReportStep}).
 * The job sees one step, {@code reconciliationStep}. Every step recomputes from the data, so a
 * rerun or restart replaces what an earlier one wrote.
 */
@Configuration
class ReconciliationStepConfiguration {

	/** Lines judged and written per transaction: each is one COPY and one commit. */
	static final int LINES_PER_TRANSACTION = 5000;

	static final String ESTIMATE_TOTALS_KEY = "estimateTotals";

	/** Lines read back from the table per hand-over to the report. */
	private static final int REPORT_BATCH = 512;

	/**
	 * The estimate side reads the sums of the month's estimates ({@code estimate_summary}); beside
	 * it the invoice side is built, and the evidence for likely causes. The estimates' totals for
	 * the tie-out are taken from the estimates themselves, a pass over all of them that checks
	 * the sums, beside the judging of the lines, which leaves PostgreSQL a core while it reads the
	 * line query and judges. Nothing here looks the estimates up by channel, so the month's index
	 * waits for the statements.
	 */
	@Bean
	Step reconciliationStep(JobRepository jobRepository, Step reconcileEstimateSideStep,
			Step reconcileInvoiceSideStep, Step reconcileEvidenceStep, Step estimateTotalsStep, Step reconcileLinesStep,
			Step tieOutStep, Step reconciliationReportStep) {
		Flow sidesAndEvidence = new FlowBuilder<Flow>("sidesAndEvidence")
			.split(new SimpleAsyncTaskExecutor("reconcile-"))
			.add(new FlowBuilder<Flow>("estimates").start(reconcileEstimateSideStep).build(),
					new FlowBuilder<Flow>("others").start(reconcileInvoiceSideStep).next(reconcileEvidenceStep).build())
			.build();
		Flow linesAndTotals = new FlowBuilder<Flow>("linesAndTotals")
			.split(new SimpleAsyncTaskExecutor("judge-"))
			.add(new FlowBuilder<Flow>("lines").start(reconcileLinesStep).build(),
					new FlowBuilder<Flow>("totals").start(estimateTotalsStep).build())
			.build();
		Flow flow = new FlowBuilder<Flow>("reconciliation").start(sidesAndEvidence)
			.next(linesAndTotals)
			.next(tieOutStep)
			.next(reconciliationReportStep)
			.build();
		return new StepBuilder("reconciliationStep", jobRepository).flow(flow).build();
	}

	@Bean
	Step reconcileEstimateSideStep(JobRepository jobRepository, PlatformTransactionManager transactionManager,
			ReconSideRepository sides) {
		return RunSteps.forTheRun("reconcileEstimateSideStep", jobRepository, transactionManager, sides::buildEstimateSide);
	}

	@Bean
	Step reconcileInvoiceSideStep(JobRepository jobRepository, PlatformTransactionManager transactionManager,
			ReconSideRepository sides) {
		return RunSteps.forTheRun("reconcileInvoiceSideStep", jobRepository, transactionManager, sides::buildInvoiceSide);
	}

	@Bean
	Step reconcileEvidenceStep(JobRepository jobRepository, PlatformTransactionManager transactionManager,
			ReconSideRepository sides) {
		return RunSteps.forTheRun("reconcileEvidenceStep", jobRepository, transactionManager, sides::buildEvidence);
	}

	@Bean
	@StepScope
	JdbcCursorItemReader<LineSides> lineSidesReader(DataSource dataSource,
			@Value("#{jobParameters['month']}") String month) {
		return new JdbcCursorItemReaderBuilder<LineSides>().name("lineSidesReader")
			.dataSource(dataSource)
			.sql(ReconSideRepository.LINES)
			.preparedStatementSetter(statement -> {
				statement.setString(1, month);
				statement.setString(2, month);
			})
			.rowMapper(LineSides::map)
			.saveState(false) // a restart judges every line again
			.build();
	}

	@Bean
	@StepScope
	LineJudge lineJudge(ReconProperties properties, JdbcClient jdbc, RateCards rateCards,
			@Value("#{jobParameters['month']}") String month, @Value("#{stepExecution}") StepExecution stepExecution) {
		Tolerances tolerances = Tolerances.of(properties.reconciliation(), stepExecution.getJobParameters());
		stepExecution.getExecutionContext().putString("tolerances", tolerances.describe());
		Map<String, String> displays = new HashMap<>();
		Map<String, String> wabas = new HashMap<>();
		jdbc.sql("SELECT phone_number_id, display_phone_number, waba_id FROM channel").query(rs -> {
			displays.put(rs.getString(1), rs.getString(2));
			wabas.put(rs.getString(1), rs.getString(3));
		});
		YearMonth closing = YearMonth.parse(month);
		return new LineJudge(month, tolerances, new LikelyCauses(jdbc, closing, rateCards.inForce(closing)), displays,
				wabas);
	}

	/**
	 * Judges every line and loads it; hands the judged lines to the partner report meanwhile
	 * ({@link PartnerReports}), which the report step finishes once the tie-out held.
	 */
	@Bean
	Step reconcileLinesStep(JobRepository jobRepository, PlatformTransactionManager transactionManager,
			JdbcCursorItemReader<LineSides> lineSidesReader, LineJudge lineJudge, ReconLineRepository lines,
			ReconSideRepository sides, PartnerReports reports) {
		StepExecutionListener replace = new StepExecutionListener() {
			@Override
			public void beforeStep(StepExecution stepExecution) {
				var parameters = stepExecution.getJobParameters();
				lines.delete(parameters.getString("month"), parameters.getString("client"));
				sides.analyze(); // both sides are in, built side by side
				reports.start(stepExecution.getJobExecutionId(), PartnerReport.start(parameters));
			}

			@Override
			public ExitStatus afterStep(StepExecution stepExecution) {
				if (stepExecution.getStatus() != BatchStatus.COMPLETED) {
					reports.abandon(stepExecution.getJobExecutionId());
				}
				return stepExecution.getExitStatus()
					.addExitDescription("tolerances " + stepExecution.getExecutionContext().getString("tolerances", ""));
			}
		};
		ItemWriter<ReconLine> load = lines.writer();
		ItemWriter<ReconLine> loadAndReport = chunk -> {
			load.write(chunk);
			reports.add(StepSynchronizationManager.getContext().getStepExecution().getJobExecutionId(),
					chunk.getItems());
		};
		return new StepBuilder("reconcileLinesStep", jobRepository).<LineSides, ReconLine>chunk(LINES_PER_TRANSACTION)
			.transactionManager(transactionManager)
			.reader(lineSidesReader)
			.processor(lineJudge)
			.writer(loadAndReport)
			.listener(replace)
			.build();
	}

	@Bean
	@StepScope
	TieOutTasklet tieOutTasklet(JdbcClient jdbc, JobRepository jobRepository, InvoiceFileTieOut invoiceFileTieOut,
			@Value("#{jobParameters['month']}") String month, @Value("#{jobParameters['client']}") String client,
			@Value("#{stepExecution}") StepExecution stepExecution) {
		return new TieOutTasklet(new TieOut(jdbc, invoiceFileTieOut), jdbc, month, client,
				() -> recorded(jobRepository, stepExecution, "estimateTotalsStep", ESTIMATE_TOTALS_KEY, null));
	}

	/** The estimates loaded, per currency, for the tie-out: summed beside the judging of the lines. */
	@Bean
	@StepScope
	Tasklet estimateTotalsTasklet(JdbcClient jdbc, @Value("#{jobParameters['month']}") String month, @Value("#{jobParameters['client']}") String client) {
		return (contribution, chunkContext) -> {
			contribution.getStepExecution()
				.getExecutionContext()
				.putString(ESTIMATE_TOTALS_KEY,
						TieOut.format(TieOut.loadedEstimates(jdbc, month, client)));
			return RepeatStatus.FINISHED;
		};
	}

	@Bean
	Step estimateTotalsStep(JobRepository jobRepository, PlatformTransactionManager transactionManager,
			Tasklet estimateTotalsTasklet) {
		return tasklet("estimateTotalsStep", jobRepository, transactionManager, estimateTotalsTasklet);
	}

	@Bean
	Step tieOutStep(JobRepository jobRepository, PlatformTransactionManager transactionManager,
			TieOutTasklet tieOutTasklet) {
		return tasklet("tieOutStep", jobRepository, transactionManager, tieOutTasklet);
	}

	/**
	 * The CSV and the partner workbook, once the tie-out held: the lines step wrote most of them
	 * as it judged the lines; after a restart that did not judge them again, they are read from
	 * the table.
	 */
	@Bean
	@StepScope
	Tasklet reconciliationReportTasklet(ReconLineRepository lines, InputFileRepository inputs,
			JobRepository jobRepository, ReconProperties properties, PartnerReports reports,
			@Value("#{jobParameters['month']}") String month, @Value("#{jobParameters['client']}") String client,
			@Value("#{stepExecution}") StepExecution stepExecution) {
		return (contribution, chunkContext) -> {
			Map<String, String> parameters = new LinkedHashMap<>();
			stepExecution.getJobParameters()
				.parameters()
				.forEach(parameter -> parameters.put(parameter.name(), String.valueOf(parameter.value())));
			String checks = recorded(jobRepository, stepExecution, "tieOutStep", TieOutTasklet.TIE_OUT_KEY, "");
			var run = new DisputeWorkbook.Run(parameters,
					Tolerances.of(properties.reconciliation(), stepExecution.getJobParameters()).describe(),
					checks.isEmpty() ? List.of() : List.of(checks.split("\n")), inputs.forMonth(month));
			// taken only now: from here the report is either finished or abandoned
			PartnerReport report = reports.take(stepExecution.getJobExecutionId());
			if (report == null) {
				report = PartnerReport.start(stepExecution.getJobParameters());
				addLines(lines, month, client, report);
			}
			long written = report.finish(run);
			contribution.incrementWriteCount(written);
			contribution.setExitStatus(
					ExitStatus.COMPLETED.addExitDescription("wrote " + report.csv() + " and " + report.xlsx()));
			return RepeatStatus.FINISHED;
		};
	}

	/** The month's lines from the table, handed to the report in batches. */
	private static void addLines(ReconLineRepository lines, String month, String client, PartnerReport report) {
		List<ReconLine> batch = new ArrayList<>(REPORT_BATCH);
		try {
			lines.forEach(month, client, line -> {
				batch.add(line);
				if (batch.size() == REPORT_BATCH) {
					report.add(batch);
					batch.clear();
				}
			});
			report.add(batch);
		}
		catch (RuntimeException ex) {
			report.abandon();
			throw ex;
		}
	}

	@Bean
	Step reconciliationReportStep(JobRepository jobRepository, PlatformTransactionManager transactionManager,
			Tasklet reconciliationReportTasklet) {
		return tasklet("reconciliationReportStep", jobRepository, transactionManager, reconciliationReportTasklet);
	}

	/**
	 * What an earlier step of the same close recorded in its context: in this run or, after a
	 * restart, in the run that completed it.
	 */
	private static String recorded(JobRepository jobRepository, StepExecution current, String step, String key,
			String otherwise) {
		StepExecution earlier = jobRepository.getLastStepExecution(current.getJobExecution().getJobInstance(), step);
		return earlier == null ? otherwise : earlier.getExecutionContext().getString(key, otherwise);
	}

	private static Step tasklet(String name, JobRepository jobRepository, PlatformTransactionManager transactionManager,
			Tasklet tasklet) {
		return new StepBuilder(name, jobRepository).tasklet(tasklet, transactionManager)
			.build();
	}

}
