package com.wabarecon.statement;

import java.nio.file.Path;
import java.time.Clock;

import javax.sql.DataSource;

import com.wabarecon.ReconProperties;
import com.wabarecon.support.MonthFolders;
import com.wabarecon.support.ProgressLog;

import org.springframework.batch.core.configuration.annotation.StepScope;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.core.ExitStatus;
import org.springframework.batch.core.listener.ChunkListener;
import org.springframework.batch.core.listener.StepExecutionListener;
import org.springframework.batch.core.step.Step;
import org.springframework.batch.core.step.StepExecution;
import org.springframework.batch.core.step.builder.StepBuilder;
import org.springframework.batch.infrastructure.item.ItemProcessor;
import org.springframework.batch.infrastructure.item.database.JdbcCursorItemReader;
import org.springframework.batch.infrastructure.item.database.builder.JdbcCursorItemReaderBuilder;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.jdbc.core.simple.JdbcClient;
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
			ItemProcessor<String, Statement> statementProcessor, StatementWriter statementWriter, JdbcClient jdbc) {
		StepExecutionListener totals = new StepExecutionListener() {
			@Override
			public void beforeStep(StepExecution stepExecution) {
				// lets the progress log say how many are left
				var parameters = stepExecution.getJobParameters();
				stepExecution.getExecutionContext()
					.putLong(ProgressLog.TOTAL_KEY, jdbc.sql("""
							SELECT COUNT(DISTINCT client_id) FROM recon_line WHERE billing_month = :month
							  AND client_id IS NOT NULL
							  AND (CAST(:client AS VARCHAR(64)) IS NULL OR client_id = :client)""")
						.param("month", parameters.getString("month"))
						.param("client", parameters.getString("client"))
						.query(Long.class)
						.single());
			}

			@Override
			public ExitStatus afterStep(StepExecution stepExecution) {
				var parameters = stepExecution.getJobParameters();
				return stepExecution.getExitStatus()
					.addExitDescription(stepExecution.getWriteCount() + " statements (PDF and XLSX) written under "
							+ MonthFolders.outputFolder(Path.of(parameters.getString("out")),
									parameters.getString("month")));
			}
		};
		ProgressLog progress = new ProgressLog();
		return new StepBuilder("statementsStep", jobRepository)
			.<String, Statement>chunk(properties.statement().chunkSize())
			.transactionManager(transactionManager)
			.reader(statementClientsReader)
			.processor(statementProcessor)
			.writer(statementWriter)
			.listener(totals)
			.listener((StepExecutionListener) progress)
			.listener((ChunkListener<Object, Object>) progress)
			.build();
	}

}
