package com.wabarecon.usage;

import com.wabarecon.support.NotBuiltYetTasklet;

import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.core.step.Step;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.transaction.PlatformTransactionManager;

/**
 * The usage stage: channel usage exports, legacy balance exports and webhook counters, priced
 * with the rate cards, become the month's estimates.
 * Not built yet: the step holds its place in the job.
 */
@Configuration
class UsageImportStepConfiguration {

	@Bean
	Step usageImportStep(JobRepository jobRepository, PlatformTransactionManager transactionManager) {
		return NotBuiltYetTasklet.step("usageImportStep", "usage import", jobRepository, transactionManager);
	}

}
