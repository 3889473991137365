package com.wabarecon.distribution;

import java.util.List;

import com.wabarecon.ReconProperties;

import org.springframework.amqp.core.Queue;
import org.springframework.amqp.rabbit.connection.CachingConnectionFactory;
import org.springframework.amqp.rabbit.core.RabbitAdmin;
import org.springframework.amqp.rabbit.core.RabbitTemplate;
import org.springframework.amqp.support.converter.SimpleMessageConverter;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.integration.partition.StepExecutionRequest;
import org.springframework.boot.autoconfigure.condition.ConditionalOnExpression;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.integration.amqp.dsl.Amqp;
import org.springframework.integration.channel.DirectChannel;
import org.springframework.integration.config.EnableIntegration;
import org.springframework.integration.core.MessagingTemplate;
import org.springframework.integration.dsl.IntegrationFlow;

/**
 * The broker side of a distributed close, in a manager ({@code recon.distribution.enabled}) or
 * a worker ({@code recon.worker.enabled}, set by {@code recon worker}); a local close has none
 * of it. Partition requests are Spring Batch's {@link StepExecutionRequest}, Java-serialized, on
 * one durable queue per environment; a worker deserializes that type and no other, takes one
 * request at a time per consumer (prefetch 1, so long partitions spread evenly) and
 * acknowledges it when the partition has ended, so that the broker gives the request of a
 * worker that died to another.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnExpression("${recon.distribution.enabled:false} or ${recon.worker.enabled:false}")
@EnableIntegration
public class DistributionConfiguration {

	/** The bean name of a worker's receiving end, which {@code recon worker} starts. */
	public static final String RECEIVER = "partitionRequestReceiver";

	@Bean
	Broker broker(ReconProperties properties) {
		return new Broker(properties.distribution());
	}

	@Bean
	CachingConnectionFactory brokerConnectionFactory(Broker broker) {
		return broker.connectionFactory();
	}

	@Bean
	Queue partitionRequestQueue(ReconProperties properties) {
		return new Queue(properties.distribution().queue(), true);
	}

	@Bean
	RabbitAdmin brokerAdmin(CachingConnectionFactory brokerConnectionFactory) {
		return new RabbitAdmin(brokerConnectionFactory);
	}

	/** Only Spring Batch's partition request is deserialized. */
	static SimpleMessageConverter requestConverter() {
		SimpleMessageConverter converter = new SimpleMessageConverter();
		converter.setAllowedListPatterns(List.of(StepExecutionRequest.class.getName()));
		return converter;
	}

	@Configuration(proxyBeanMethods = false)
	@ConditionalOnProperty(name = "recon.distribution.enabled", havingValue = "true")
	static class Manager {

		@Bean
		DirectChannel partitionRequestChannel() {
			return new DirectChannel();
		}

		@Bean
		MessagingTemplate partitionRequests(DirectChannel partitionRequestChannel) {
			return new MessagingTemplate(partitionRequestChannel);
		}

		@Bean
		IntegrationFlow partitionRequestsToBroker(DirectChannel partitionRequestChannel,
				CachingConnectionFactory brokerConnectionFactory, ReconProperties properties) {
			RabbitTemplate template = new RabbitTemplate(brokerConnectionFactory);
			template.setMessageConverter(requestConverter());
			return IntegrationFlow.from(partitionRequestChannel)
				.handle(Amqp.outboundAdapter(template).routingKey(properties.distribution().queue()))
				.get();
		}

	}

	@Configuration(proxyBeanMethods = false)
	@ConditionalOnProperty(name = "recon.worker.enabled", havingValue = "true")
	static class Worker {

		@Bean
		IntegrationFlow partitionRequestsFromBroker(CachingConnectionFactory brokerConnectionFactory,
				ReconProperties properties, JobRepository jobRepository, WorkerSteps workerSteps) {
			ReconProperties.Distribution settings = properties.distribution();
			return IntegrationFlow
				.from(Amqp.inboundAdapter(brokerConnectionFactory, settings.queue())
					.id(RECEIVER)
					// started by recon worker once the database and the broker are checked
					.autoStartup(false)
					.messageConverter(requestConverter())
					.configureContainer(container -> container.prefetchCount(1)
						.concurrentConsumers(settings.concurrency())
						// a request that cannot be handled is dropped, not given back forever
						.defaultRequeueRejected(false)))
				.handle(new PartitionRequestHandler(jobRepository, workerSteps), "handle")
				.get();
		}

	}

}
