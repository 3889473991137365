package com.wabarecon.distribution;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.HashMap;

import org.junit.jupiter.api.Test;

import org.springframework.amqp.core.Message;
import org.springframework.amqp.core.MessageProperties;
import org.springframework.amqp.support.converter.SimpleMessageConverter;
import org.springframework.batch.integration.partition.StepExecutionRequest;

/**
 * A worker deserializes Spring Batch's partition request and nothing else: a message holding
 * any other serialized class is refused before an object of it is made.
 */
class RequestConverterTests {

	private final SimpleMessageConverter converter = DistributionConfiguration.requestConverter();

	@Test
	void aPartitionRequestIsRead() {
		Message message = converter.toMessage(new StepExecutionRequest("statementsWorkerStep", 42), new MessageProperties());

		StepExecutionRequest request = (StepExecutionRequest) converter.fromMessage(message);

		assertThat(request.getStepName()).isEqualTo("statementsWorkerStep");
		assertThat(request.getStepExecutionId()).isEqualTo(42L);
	}

	@Test
	void anyOtherSerializedClassIsRefused() {
		HashMap<String, String> other = new HashMap<>();
		other.put("step", "statementsWorkerStep");
		Message message = new SimpleMessageConverter().toMessage(other, new MessageProperties());

		assertThatThrownBy(() -> converter.fromMessage(message)).isInstanceOf(SecurityException.class)
			.hasMessageContaining("unauthorized class java.util.HashMap");
	}

}
