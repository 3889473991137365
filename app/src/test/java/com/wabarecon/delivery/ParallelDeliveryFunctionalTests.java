package com.wabarecon.delivery;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.test.context.SpringBatchTest;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;

/**
 * Every delivery test again with four threads sending side by side ({@code recon.delivery.threads}),
 * each on a range of the six sample clients: still one email per client, the retries and the
 * clients not reached as with one.
 */
@SpringBatchTest
@SpringBootTest(properties = { "spring.datasource.url=jdbc:h2:mem:parallel-delivery;MODE=PostgreSQL;"
		+ "DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH;DB_CLOSE_DELAY=-1", "recon.delivery.backoff=10ms",
		"recon.delivery.from=billing@bsp.example", "recon.delivery.threads=4" })
@Import(DeliveryFunctionalTests.FlakySmtp.class)
class ParallelDeliveryFunctionalTests extends DeliveryFunctionalTests {

	@Test
	void theSixClientsAreSentInFourRangesSideBySide() throws Exception {
		JobExecution execution = com.wabarecon.CloseJobRuns.start(jobOperatorTestUtils, closeParameters(null));

		assertThat(execution.getStatus()).isEqualTo(BatchStatus.COMPLETED);
		assertThat(execution.getStepExecutions().stream().filter(step -> step.getStepName().startsWith("deliveryStep:"))
			.map(step -> step.getStepName() + " " + step.getWriteCount()))
			.as("ranges of one or two clients").containsExactlyInAnyOrder("deliveryStep:partition0 2",
					"deliveryStep:partition1 1", "deliveryStep:partition2 2", "deliveryStep:partition3 1");
		assertThat(jdbc.sql("SELECT COUNT(DISTINCT client_id) || ' ' || COUNT(*) FROM delivery_log").query(String.class)
			.single()).as("clients reached, log entries").isEqualTo("6 6");
		assertThat(smtp.getReceivedMessages()).isNotEmpty();
	}

}
