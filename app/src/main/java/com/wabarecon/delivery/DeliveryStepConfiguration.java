package com.wabarecon.delivery;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import javax.sql.DataSource;

import com.wabarecon.CloseJobParameters;
import com.wabarecon.ReconProperties;
import com.wabarecon.distribution.PartitionHandlers;
import com.wabarecon.support.ClientRangePartitioner;
import com.wabarecon.support.ClientRangePartitioner.ClientWork;

import org.springframework.batch.core.configuration.annotation.StepScope;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.job.parameters.JobParameters;
import org.springframework.batch.core.partition.support.SimpleStepExecutionSplitter;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.core.step.Step;
import org.springframework.batch.core.step.StepExecution;
import org.springframework.batch.core.step.builder.StepBuilder;
import org.springframework.batch.infrastructure.item.database.JdbcPagingItemReader;
import org.springframework.batch.infrastructure.item.database.Order;
import org.springframework.batch.infrastructure.item.database.builder.JdbcPagingItemReaderBuilder;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.MessageSource;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.transaction.PlatformTransactionManager;

/**
 * The delivery stage: each client's statement emailed once. SMTP when {@code spring.mail.host}
 * is set (Spring Boot then provides the mail sender), else an {@code .eml} per client in the
 * month's outbox folder. A chunk-oriented step: the statements of the month are read, each is
 * sent by {@link StatementSender} (retried and skipped as {@link DeliveryFailures} says), each
 * client reached is recorded in the delivery log, and {@link DeliveryReport} says how it ended.
 */
@Configuration
class DeliveryStepConfiguration {

	private static final int PAGE_SIZE = 100;

	/**
	 * The run's statements (the month's, or its one client's), in client order, with the client's
	 * addresses. It keeps no position: a restart reads them all again and the log filters those
	 * delivered, so that the clients the failed execution did not reach are tried again.
	 */
	/** The run's clients with a statement, split into ranges sent side by side ({@code recon.delivery.threads}). */
	@Bean
	@StepScope
	ClientRangePartitioner deliveryClientsPartitioner(JdbcClient jdbc, @Value("#{jobParameters['month']}") String month,
			@Value("#{jobParameters['client']}") String client) {
		return new ClientRangePartitioner(jdbc.sql("""
				SELECT client_id FROM statement_file WHERE billing_month = :month
				  AND (CAST(:client AS VARCHAR(64)) IS NULL OR client_id = :client)
				ORDER BY client_id""")
			.param("month", month)
			.param("client", client)
			.query((rs, row) -> new ClientWork(rs.getString(1), 0))
			.list());
	}

	@Bean
	@StepScope
	JdbcPagingItemReader<StatementToDeliver> statementsToDeliverReader(DataSource dataSource,
			@Value("#{jobParameters['month']}") String month, @Value("#{jobParameters['client']}") String client,
			@Value("#{stepExecutionContext['" + ClientRangePartitioner.FIRST + "']}") String first,
			@Value("#{stepExecutionContext['" + ClientRangePartitioner.LAST + "']}") String last) throws Exception {
		Map<String, Object> parameters = new HashMap<>();
		parameters.put("month", month);
		if (client != null) {
			parameters.put("client", client);
		}
		boolean range = first != null && last != null;
		if (range) {
			parameters.put("first", first);
			parameters.put("last", last);
		}
		return new JdbcPagingItemReaderBuilder<StatementToDeliver>().name("statementsToDeliverReader")
			.dataSource(dataSource)
			.saveState(false)
			.selectClause("SELECT client_id, name, billing_emails, pdf_path, xlsx_path, locale")
			.fromClause("FROM (SELECT f.client_id, c.name, c.billing_emails, f.pdf_path, f.xlsx_path, c.locale"
					+ " FROM statement_file f JOIN client c ON c.client_id = f.client_id WHERE f.billing_month = :month"
					+ (client == null ? "" : " AND f.client_id = :client")
					// a partition's range; none when the run has no statement: nothing to read
					+ (range ? " AND f.client_id BETWEEN :first AND :last" : " AND 1 = 0") + ") s")
			.sortKeys(Map.of("client_id", Order.ASCENDING))
			.parameterValues(parameters)
			.pageSize(PAGE_SIZE)
			.rowMapper(StatementToDeliver::map)
			.build();
	}

	@Bean
	@StepScope
	RunDeliveryLog runDeliveryLog(DeliveryLog deliveries, JobRepository jobRepository,
			@Value("#{stepExecution}") StepExecution step) {
		JobExecution execution = step.getJobExecution();
		List<Long> runExecutions = jobRepository.getJobExecutions(execution.getJobInstance())
			.stream()
			.map(JobExecution::getId)
			.toList();
		JobParameters parameters = step.getJobParameters();
		return new RunDeliveryLog(deliveries, parameters.getString(CloseJobParameters.MONTH), execution.getId(),
				Boolean.parseBoolean(parameters.getString(CloseJobParameters.RESEND, "false")), runExecutions);
	}

	@Bean
	@StepScope
	StatementSender statementSender(JdbcClient jdbc, RunDeliveryLog runDeliveryLog, ObjectProvider<JavaMailSender> smtp,
			ReconProperties properties, MessageSource messageSource, @Value("#{jobParameters['month']}") String month,
			@Value("#{jobParameters['out']}") String out, @Value("#{jobParameters['dryRun']}") String dryRun) {
		JavaMailSender sender = smtp.getIfAvailable();
		StatementMailer mailer = sender != null ? new SmtpStatementMailer(sender, properties.delivery())
				: new OutboxStatementMailer(Path.of(out), properties.delivery());
		return new StatementSender(Boolean.parseBoolean(dryRun), runDeliveryLog,
				new StatementEmails(jdbc, properties.delivery(), Path.of(out), month, messageSource), mailer);
	}

	/** Sends one range's emails, a client per chunk. */
	@Bean
	Step deliveryWorkerStep(JobRepository jobRepository, PlatformTransactionManager transactionManager,
			ReconProperties properties, JdbcPagingItemReader<StatementToDeliver> statementsToDeliverReader,
			StatementSender statementSender, RunDeliveryLog runDeliveryLog) {
		return new StepBuilder("deliveryWorkerStep", jobRepository)
			// one client per chunk: its log entry commits before the next email goes out, so a crash resends at most one
			.<StatementToDeliver, Delivery>chunk(1)
			.transactionManager(transactionManager)
			.reader(statementsToDeliverReader)
			.processor(statementSender)
			.writer(chunk -> chunk.forEach(runDeliveryLog::record))
			.faultTolerant()
			.retryPolicy(DeliveryFailures.retryPolicy(properties.delivery()))
			.skipPolicy(DeliveryFailures.skipPolicy())
			.skipListener(new NotReachedRecorder(runDeliveryLog, statementSender))
			.build();
	}

	/**
	 * The run's emails, in {@code recon.delivery.threads} ranges of clients sent side by side by
	 * this process (the manager of a distributed close too: it holds the SMTP settings). A restart
	 * runs every range again, the completed ones too: each reads its clients anew and the delivery
	 * log leaves out those reached, so that the clients not reached are tried again.
	 */
	@Bean
	Step deliveryStep(JobRepository jobRepository, ReconProperties properties,
			ClientRangePartitioner deliveryClientsPartitioner, Step deliveryWorkerStep, DeliveryLog deliveries,
			PartitionHandlers partitions) {
		SimpleStepExecutionSplitter splitter = new SimpleStepExecutionSplitter(jobRepository, "deliveryStep",
				deliveryClientsPartitioner);
		splitter.setAllowStartIfComplete(true);
		int threads = properties.delivery().threads();
		return new StepBuilder("deliveryStep", jobRepository).partitioner("deliveryStep", deliveryClientsPartitioner)
			.splitter(splitter)
			.partitionHandler(partitions.local(deliveryWorkerStep, threads, threads))
			.listener(new DeliveryReport(deliveries))
			.build();
	}

}
