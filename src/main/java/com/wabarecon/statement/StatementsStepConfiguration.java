package com.wabarecon.statement;

import com.wabarecon.support.NotBuiltYetTasklet;

import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.core.step.Step;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.transaction.PlatformTransactionManager;

/**
 * The statements stage: a PDF and an Excel statement per client.
 * Not built yet: the step holds its place in the job.
 */
@Configuration
class StatementsStepConfiguration {

	@Bean
	Step statementsStep(JobRepository jobRepository, PlatformTransactionManager transactionManager) {
		return NotBuiltYetTasklet.step("statementsStep", "statements", jobRepository, transactionManager);
	}

}
