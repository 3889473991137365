package com.wabarecon.importing;

import com.wabarecon.support.reject.RejectRepository;

import java.nio.file.Path;

import org.springframework.batch.core.configuration.annotation.StepScope;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.core.step.Step;
import org.springframework.batch.core.step.builder.StepBuilder;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.transaction.PlatformTransactionManager;

/**
 * The step that ends the import stage by writing the month's rejects file.
 */
@Configuration
class RejectsReportStepConfiguration {

	@Bean
	@StepScope
	RejectsReportTasklet rejectsReportTasklet(RejectRepository rejects, @Value("#{jobParameters['out']}") String out,
			@Value("#{jobParameters['month']}") String month) {
		return new RejectsReportTasklet(rejects, Path.of(out), month);
	}

	@Bean
	Step rejectsReportStep(JobRepository jobRepository, PlatformTransactionManager transactionManager,
			RejectsReportTasklet rejectsReportTasklet) {
		return new StepBuilder("rejectsReportStep", jobRepository).tasklet(rejectsReportTasklet, transactionManager)
			.build();
	}

}
