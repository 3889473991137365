package com.wabarecon.invoice;

import com.wabarecon.support.NotBuiltYetTasklet;

import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.core.step.Step;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.transaction.PlatformTransactionManager;

/**
 * The invoice stage: Meta's monthly invoice (CSV or XLSX) becomes the month's invoice lines.
 * Not built yet: the step holds its place in the job.
 */
@Configuration
class InvoiceImportStepConfiguration {

	@Bean
	Step invoiceImportStep(JobRepository jobRepository, PlatformTransactionManager transactionManager) {
		return NotBuiltYetTasklet.step("invoiceImportStep", "invoice import", jobRepository, transactionManager);
	}

}
