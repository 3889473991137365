package com.wabarecon.reconciliation;

import com.wabarecon.support.NotBuiltYetTasklet;

import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.core.step.Step;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.transaction.PlatformTransactionManager;

/**
 * The reconciliation stage: estimates against invoice lines per channel and category, with
 * tolerances, statuses, reasons and the tie-out.
 * Not built yet: the step holds its place in the job.
 */
@Configuration
class ReconciliationStepConfiguration {

	@Bean
	Step reconciliationStep(JobRepository jobRepository, PlatformTransactionManager transactionManager) {
		return NotBuiltYetTasklet.step("reconciliationStep", "reconciliation", jobRepository, transactionManager);
	}

}
