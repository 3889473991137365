package com.wabarecon.usage;

import java.time.YearMonth;

import javax.sql.DataSource;

import com.wabarecon.reference.RateCards;
import com.wabarecon.support.bulk.DatabaseProduct;
import com.wabarecon.support.bulk.TableStatistics;

import org.springframework.batch.core.configuration.annotation.StepScope;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.core.step.Step;
import org.springframework.batch.core.step.builder.StepBuilder;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.MetaDataAccessException;
import org.springframework.transaction.PlatformTransactionManager;

/**
 * The estimates that came without a cost priced from the month's rate card
 * ({@code estimatePricingStep}), beside the invoice import.
 */
@Configuration
class EstimatePricingStepConfiguration {

	@Bean
	@StepScope
	EstimatePricingTasklet estimatePricingTasklet(@Value("#{jobParameters['month']}") String month, JdbcClient jdbc,
			JdbcTemplate jdbcTemplate, TableStatistics statistics, PricedCosts pricedCosts, RateCards rateCards) {
		return new EstimatePricingTasklet(jdbc, jdbcTemplate, statistics, pricedCosts, rateCards,
				YearMonth.parse(month));
	}

	@Bean
	PricedCosts pricedCosts(JdbcClient jdbc, DataSource dataSource) throws MetaDataAccessException {
		return new PricedCosts(jdbc, DatabaseProduct.of(dataSource) == DatabaseProduct.POSTGRESQL);
	}

	@Bean
	Step estimatePricingStep(JobRepository jobRepository, PlatformTransactionManager transactionManager,
			EstimatePricingTasklet estimatePricingTasklet) {
		return new StepBuilder("estimatePricingStep", jobRepository).tasklet(estimatePricingTasklet, transactionManager)
			.build();
	}

}
