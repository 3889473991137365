package com.wabarecon.forecast;

import java.time.YearMonth;

import com.wabarecon.reference.RateCards;

import org.springframework.batch.core.configuration.annotation.StepScope;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.core.step.Step;
import org.springframework.batch.core.step.builder.StepBuilder;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.PlatformTransactionManager;

/** {@code forecastStep}: the approximate charges of the coming month ({@link ForecastTasklet}), once the month is reconciled. */
@Configuration
class ForecastStepConfiguration {

	@Bean
	@StepScope
	ForecastTasklet forecastTasklet(@Value("#{jobParameters['month']}") String month,
			@Value("#{jobParameters['client']}") String client, JdbcClient jdbc, JdbcTemplate jdbcTemplate,
			SeriesRepository series, RateCards rateCards) {
		return new ForecastTasklet(jdbc, jdbcTemplate, series, rateCards, YearMonth.parse(month),
				client == null || client.isBlank() ? null : client);
	}

	@Bean
	Step forecastStep(JobRepository jobRepository, PlatformTransactionManager transactionManager,
			ForecastTasklet forecastTasklet) {
		return new StepBuilder("forecastStep", jobRepository).tasklet(forecastTasklet, transactionManager).build();
	}

}
