package com.wabarecon.statement;

import java.nio.file.Path;
import java.time.Clock;

import javax.sql.DataSource;

import com.wabarecon.ReconProperties;

import org.springframework.batch.core.configuration.annotation.StepScope;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.core.step.Step;
import org.springframework.batch.core.step.builder.StepBuilder;
import org.springframework.batch.infrastructure.item.ItemProcessor;
import org.springframework.batch.infrastructure.item.database.JdbcCursorItemReader;
import org.springframework.batch.infrastructure.item.database.builder.JdbcCursorItemReaderBuilder;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Lazy;
import org.springframework.transaction.PlatformTransactionManager;

/**
 * The statements stage: for every client with reconciliation lines in the month (or only the
 * run's {@code client}), a PDF and an Excel statement, their paths recorded in
 * {@code statement_file} for the delivery step. Rendering again overwrites the files.
 */
@Configuration
class StatementsStepConfiguration {

	@Bean
	@StepScope
	JdbcCursorItemReader<String> statementClientsReader(DataSource dataSource,
			@Value("#{jobParameters['month']}") String month, @Value("#{jobParameters['client']}") String client) {
		boolean oneClient = client != null && !client.isBlank();
		return new JdbcCursorItemReaderBuilder<String>().name("statementClientsReader")
			.dataSource(dataSource)
			.sql(oneClient ? StatementRepository.ONE_CLIENT : StatementRepository.CLIENTS)
			.queryArguments(oneClient ? new Object[] { month, client } : new Object[] { month })
			.rowMapper((rs, row) -> rs.getString(1))
			.build();
	}

	@Bean
	@StepScope
	ItemProcessor<String, Statement> statementProcessor(StatementRepository statements,
			@Value("#{jobParameters['month']}") String month) {
		Clock clock = Clock.systemUTC();
		return clientId -> statements.load(month, clientId, clock.instant());
	}

	/** The templates, compiled on first use: once per run, never per client. */
	@Bean
	@Lazy
	StatementTemplates statementTemplates(ReconProperties properties) {
		return StatementTemplates.compile(properties.statement().templates());
	}

	@Bean
	@StepScope
	StatementWriter statementWriter(@Value("#{jobParameters['out']}") String out, StatementTemplates templates,
			StatementRepository statements) {
		return new StatementWriter(Path.of(out), new JasperStatementRenderer(templates), new PoiStatementRenderer(),
				statements, Clock.systemUTC());
	}

	@Bean
	Step statementsStep(JobRepository jobRepository, PlatformTransactionManager transactionManager,
			ReconProperties properties, JdbcCursorItemReader<String> statementClientsReader,
			ItemProcessor<String, Statement> statementProcessor, StatementWriter statementWriter) {
		return new StepBuilder("statementsStep", jobRepository)
			.<String, Statement>chunk(properties.statement().chunkSize())
			.transactionManager(transactionManager)
			.reader(statementClientsReader)
			.processor(statementProcessor)
			.writer(statementWriter)
			.allowStartIfComplete(true) // the lines may have been reconciled again: render them again
			.build();
	}

}
