package com.wabarecon.usage;

import javax.sql.DataSource;

import com.wabarecon.ReconProperties;
import com.wabarecon.support.accounting.InputFileRepository;
import com.wabarecon.support.bulk.BulkLoader;
import com.wabarecon.support.bulk.DatabaseProduct;
import com.wabarecon.support.reject.RejectRepository;

import org.springframework.batch.core.configuration.annotation.StepScope;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.core.step.Step;
import org.springframework.batch.core.step.builder.StepBuilder;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.MetaDataAccessException;
import org.springframework.transaction.PlatformTransactionManager;

/**
 * The usage and balance export rows repeated from another file rejected, naming both files
 * ({@code repeatedRowsStep}).
 */
@Configuration
class RepeatedRowsStepConfiguration {

	@Bean
	@StepScope
	RepeatedRowsTasklet repeatedRowsTasklet(@Value("#{jobParameters['month']}") String month, JdbcClient jdbc,
			DataSource dataSource, BulkLoader loader, RejectRepository rejects, InputFileRepository inputFiles,
			ReconProperties properties) throws MetaDataAccessException {
		RepeatedRows repeated = new RepeatedRows(jdbc, dataSource, loader, rejects, inputFiles,
				properties.importing().maxRawContentChars(), DatabaseProduct.of(dataSource) == DatabaseProduct.POSTGRESQL);
		return new RepeatedRowsTasklet(repeated, month, UsageStepConfiguration.BALANCE_EXPORTS_STEP,
				UsageStepConfiguration.USAGE_EXPORTS_STEP);
	}

	/**
	 * The usage and balance export rows repeated from another file rejected, once the month's
	 * exports are in and before their statistics. A step of its own, comparing in the database
	 * once every share has loaded: its outcome does not depend on which share loaded which file
	 * first. The channels it compares are noted in the database as the rows load (not only in the
	 * loading steps' memory), so that when it fails, a restart in a new process, which does not load
	 * the exports again, finds the same rows; when it completed, a restart keeps its outcome.
	 */
	@Bean
	Step repeatedRowsStep(JobRepository jobRepository, PlatformTransactionManager transactionManager,
			RepeatedRowsTasklet repeatedRowsTasklet) {
		return new StepBuilder("repeatedRowsStep", jobRepository).tasklet(repeatedRowsTasklet, transactionManager)
			.build();
	}

}
