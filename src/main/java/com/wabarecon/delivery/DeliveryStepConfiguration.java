package com.wabarecon.delivery;

import com.wabarecon.support.NotBuiltYetTasklet;

import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.core.step.Step;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.transaction.PlatformTransactionManager;

/**
 * The delivery stage: each client's statement emailed to its billing addresses.
 * Not built yet: the step holds its place in the job.
 */
@Configuration
class DeliveryStepConfiguration {

	@Bean
	Step deliveryStep(JobRepository jobRepository, PlatformTransactionManager transactionManager) {
		return NotBuiltYetTasklet.step("deliveryStep", "delivery", jobRepository, transactionManager);
	}

}
