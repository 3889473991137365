package com.wabarecon.statement;

import java.nio.file.Path;
import java.time.Clock;
import java.util.HashMap;
import java.util.Map;

import javax.sql.DataSource;

import com.wabarecon.support.ClientRangePartitioner;
import com.wabarecon.ReconProperties;
import com.wabarecon.distribution.PartitionHandlers;
import com.wabarecon.distribution.WorkerSteps;

import org.springframework.batch.core.configuration.annotation.StepScope;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.core.listener.ChunkListener;
import org.springframework.batch.core.listener.StepExecutionListener;
import org.springframework.batch.core.step.Step;
import org.springframework.batch.core.step.builder.StepBuilder;
import org.springframework.batch.infrastructure.item.ItemProcessor;
import org.springframework.batch.infrastructure.item.database.JdbcPagingItemReader;
import org.springframework.batch.infrastructure.item.database.Order;
import org.springframework.batch.infrastructure.item.database.builder.JdbcPagingItemReaderBuilder;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.MessageSource;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Lazy;
import org.springframework.transaction.PlatformTransactionManager;

/**
 * The statements stage: for every client with reconciliation lines in the month (or only the
 * run's {@code client}), a PDF and an Excel statement, their paths recorded in
 * {@code statement_file} for the delivery step. Rendering again overwrites the files. The
 * clients are split into ranges rendered side by side, one thread per core by default.
 */
@Configuration
class StatementsStepConfiguration {

	/** The run's clients (the month's, or only the run's {@code client}) split into ranges of ids. */
	@Bean
	@StepScope
	ClientRangePartitioner statementClientsPartitioner(StatementRepository statements,
			@Value("#{jobParameters['month']}") String month, @Value("#{jobParameters['client']}") String client) {
		return new ClientRangePartitioner(statements.clients(month, client));
	}

	/**
	 * The clients of one partition's range, in id order, a page (a chunk's worth) at a time: a
	 * restart starts after the last client committed. Each page is read on the chunk's own
	 * connection, so that a thread holds one connection, not a cursor's besides: more threads
	 * than half the pool would otherwise wait for connections.
	 */
	@Bean
	@StepScope
	JdbcPagingItemReader<String> statementClientsReader(DataSource dataSource, ReconProperties properties,
			@Value("#{jobParameters['month']}") String month,
			@Value("#{stepExecutionContext['" + ClientRangePartitioner.FIRST + "']}") String first,
			@Value("#{stepExecutionContext['" + ClientRangePartitioner.LAST + "']}") String last) throws Exception {
		boolean range = first != null && last != null;
		Map<String, Object> parameters = new HashMap<>(); // none when there is no range: the query has no parameter
		if (range) {
			parameters.put("month", month);
			parameters.put("first", first);
			parameters.put("last", last);
		}
		return new JdbcPagingItemReaderBuilder<String>().name("statementClientsReader")
			.dataSource(dataSource)
			.selectClause("SELECT DISTINCT client_id")
			.fromClause("FROM recon_line")
			.whereClause(range ? "WHERE billing_month = :month AND client_id BETWEEN :first AND :last" : "WHERE 1 = 0")
			.sortKeys(Map.of("client_id", Order.ASCENDING))
			.parameterValues(parameters)
			.pageSize(properties.statement().chunkSize())
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
			StatementRepository statements, MessageSource messageSource) {
		return new StatementWriter(Path.of(out), new JasperStatementRenderer(templates, messageSource),
				new PoiStatementRenderer(messageSource),
				statements, Clock.systemUTC());
	}

	/**
	 * Renders one partition's clients, a chunk per transaction: the worker of
	 * {@link #statementsStep}, run by several threads at once, each on its own range.
	 */
	@Bean
	Step statementsWorkerStep(JobRepository jobRepository, PlatformTransactionManager transactionManager,
			ReconProperties properties, JdbcPagingItemReader<String> statementClientsReader,
			ItemProcessor<String, Statement> statementProcessor, StatementWriter statementWriter,
			StatementsProgress statementsProgress) {
		return new StepBuilder("statementsWorkerStep", jobRepository)
			.<String, Statement>chunk(properties.statement().chunkSize())
			.transactionManager(transactionManager)
			.reader(statementClientsReader)
			.processor(statementProcessor)
			.writer(statementWriter)
			.listener((ChunkListener<Object, Object>) statementsProgress)
			.build();
	}

	@Bean
	StatementsProgress statementsProgress() {
		return new StatementsProgress();
	}

	/**
	 * The statements of the run's clients, split into {@code recon.statement.partitions} ranges
	 * rendered by {@code recon.statement.threads} threads, or by workers in a distributed close. Each range is a step execution of its
	 * own ({@code statementsStep:partition<n>}), so a restart after a failure renders only the
	 * ranges that did not complete, from their last committed chunk.
	 */
	@Bean
	Step statementsStep(JobRepository jobRepository, ReconProperties properties,
			ClientRangePartitioner statementClientsPartitioner, Step statementsWorkerStep,
			StatementsProgress statementsProgress, StatementRepository statements, PartitionHandlers partitions,
			WorkerSteps workerSteps) {
		ReconProperties.Statement settings = properties.statement();
		return new StepBuilder("statementsStep", jobRepository)
			.partitioner("statementsStep", statementClientsPartitioner)
			.partitionHandler(partitions.handler(workerSteps.register(statementsWorkerStep, true), settings.partitions(),
					settings.threads()))
			.listener(new StatementsStepListener(statements))
			.listener((StepExecutionListener) statementsProgress)
			.build();
	}

}
