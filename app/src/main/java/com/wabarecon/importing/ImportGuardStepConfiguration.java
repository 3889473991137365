package com.wabarecon.importing;

import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;

import com.wabarecon.CloseJobParameters;
import com.wabarecon.ReconProperties;

import org.springframework.batch.core.ExitStatus;
import org.springframework.batch.core.job.parameters.JobParameters;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.core.step.Step;
import org.springframework.batch.core.step.builder.StepBuilder;
import org.springframework.batch.infrastructure.repeat.RepeatStatus;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.PlatformTransactionManager;

/**
 * The step between the import and the reconciliation that refuses a close with too little to
 * stand on ({@link ImportGuard}): it fails, naming every reason, so that nothing is reconciled,
 * rendered or emailed and the month stays open.
 */
@Configuration
class ImportGuardStepConfiguration {

	@Bean
	Step importGuardStep(JobRepository jobRepository, PlatformTransactionManager transactionManager, JdbcClient jdbc,
			ReconProperties properties) {
		ImportGuard guard = new ImportGuard(jdbc);
		return new StepBuilder(ImportGuard.STEP, jobRepository).tasklet((contribution, chunkContext) -> {
			JobParameters parameters = contribution.getStepExecution().getJobParameters();
			String month = parameters.getString(CloseJobParameters.MONTH);
			String given = parameters.getString(CloseJobParameters.MAX_REJECT_PCT);
			BigDecimal maxRejectPct = given != null ? new BigDecimal(given) : properties.importing().maxRejectPct();
			List<String> problems = new ArrayList<>(guard.problems(
					Path.of(parameters.getString(CloseJobParameters.INBOX)), YearMonth.parse(month), maxRejectPct));
			String client = parameters.getString(CloseJobParameters.CLIENT);
			if (client != null) {
				guard.clientProblem(month, client).ifPresent(problems::add);
			}
			if (!problems.isEmpty()) {
				throw new IllegalStateException("the close of " + month + " is refused before its reconciliation: "
						+ String.join("; ", problems) + ". Nothing was reconciled, rendered or emailed; the month is "
						+ "not closed: close it again once its files are complete");
			}
			contribution.setExitStatus(ExitStatus.COMPLETED.addExitDescription("the import stands: estimates and "
					+ "invoice lines loaded, every input kind within " + maxRejectPct.stripTrailingZeros().toPlainString()
					+ " % of rejected rows"));
			return RepeatStatus.FINISHED;
		}, transactionManager).build();
	}

}
