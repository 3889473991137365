package com.wabarecon.delivery;

import java.nio.file.Path;

import com.wabarecon.ReconProperties;

import org.springframework.batch.core.configuration.annotation.StepScope;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.core.step.Step;
import org.springframework.batch.core.step.builder.StepBuilder;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.transaction.PlatformTransactionManager;

/**
 * The delivery stage: each client's statement emailed once. SMTP when {@code spring.mail.host}
 * is set (Spring Boot then provides the mail sender), else an {@code .eml} per client in the
 * month's outbox folder.
 */
@Configuration
class DeliveryStepConfiguration {

	@Bean
	@StepScope
	DeliveryTasklet deliveryTasklet(JdbcClient jdbc, DeliveryLog deliveries, ObjectProvider<JavaMailSender> smtp,
			ReconProperties properties, @Value("#{jobParameters['out']}") String out) {
		JavaMailSender sender = smtp.getIfAvailable();
		StatementMailer mailer = sender != null ? new SmtpStatementMailer(sender, properties.delivery())
				: new OutboxStatementMailer(Path.of(out), properties.delivery());
		return new DeliveryTasklet(jdbc, deliveries, mailer, properties.delivery());
	}

	@Bean
	Step deliveryStep(JobRepository jobRepository, PlatformTransactionManager transactionManager,
			DeliveryTasklet deliveryTasklet) {
		return new StepBuilder("deliveryStep", jobRepository).tasklet(deliveryTasklet, transactionManager).build();
	}

}
