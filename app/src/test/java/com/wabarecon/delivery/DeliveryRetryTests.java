package com.wabarecon.delivery;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetupTest;
import com.wabarecon.CloseJobParameters;
import com.wabarecon.CloseJobRuns;
import com.wabarecon.Stage;
import com.wabarecon.StepExecutions;
import com.wabarecon.TestInbox;

import jakarta.mail.Multipart;
import jakarta.mail.internet.MimeMessage;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.job.parameters.JobParametersBuilder;
import org.springframework.batch.core.step.StepExecution;
import org.springframework.batch.test.JobOperatorTestUtils;
import org.springframework.batch.test.JobRepositoryTestUtils;
import org.springframework.batch.test.context.SpringBatchTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Delivery through a real SMTP server on loopback (GreenMail) that is busy for a while: the
 * close's own mail sender (Spring Boot's, from {@code spring.mail.host} and {@code port}) meets
 * a {@code 421} refusal on its first connections. The sample month has six clients, c_001 to
 * c_006, in that order; c_001 has two addresses, the others one: seven copies of six emails.
 * Three attempts per client ({@code recon.delivery.attempts}, the default).
 */
@SpringBatchTest
@SpringBootTest(properties = { "spring.datasource.url=jdbc:h2:mem:delivery-retry;MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;"
		+ "DEFAULT_NULL_ORDERING=HIGH;DB_CLOSE_DELAY=-1", "recon.delivery.backoff=10ms",
		"spring.mail.properties.mail.smtp.connectiontimeout=10000", "spring.mail.properties.mail.smtp.timeout=10000" })
class DeliveryRetryTests {

	static final String[] CLIENTS = { "c_001", "c_002", "c_003", "c_004", "c_005", "c_006" };

	static final GreenMail smtp = new GreenMail(ServerSetupTest.SMTP.dynamicPort());

	static final RefusingSmtpFront front;

	static {
		smtp.start();
		try {
			front = new RefusingSmtpFront(smtp.getSmtp().getPort());
		}
		catch (Exception ex) {
			throw new ExceptionInInitializerError(ex);
		}
	}

	@DynamicPropertySource
	static void mailServer(DynamicPropertyRegistry registry) {
		registry.add("spring.mail.host", () -> "127.0.0.1");
		registry.add("spring.mail.port", front::port);
	}

	@AfterAll
	static void stopServers() throws Exception {
		front.close();
		smtp.stop();
	}

	@Autowired
	JobOperatorTestUtils jobOperatorTestUtils;

	@Autowired
	JobRepositoryTestUtils jobRepositoryTestUtils;

	@Autowired
	JdbcClient jdbc;

	@TempDir
	Path out;

	int connectionsBefore;

	@BeforeEach
	void reset() throws Exception {
		jobRepositoryTestUtils.removeJobExecutions();
		jdbc.sql("DELETE FROM delivery_log").update();
		jdbc.sql("DELETE FROM statement_file").update();
		smtp.purgeEmailFromAllMailboxes();
		front.refuseNext(0);
		connectionsBefore = front.connections();
	}

	@Test
	void aServerBusyForTwoAttemptsGetsTheFirstClientsEmailOnTheThirdAndEveryEmailExactlyOnce() throws Exception {
		// given: the first two connections refused, both c_001's (the first client read)
		front.refuseNext(2);

		// when
		JobExecution execution = CloseJobRuns.start(jobOperatorTestUtils, closeParameters(null));

		// then: c_001 on its third attempt, the five others on their first; nothing skipped
		assertThat(execution.getStatus()).isEqualTo(BatchStatus.COMPLETED);
		assertThat(log()).containsExactly("c_001 SENT 3", "c_002 SENT 1", "c_003 SENT 1", "c_004 SENT 1",
				"c_005 SENT 1", "c_006 SENT 1");
		assertThat(front.connections() - connectionsBefore).as("2 refused + 6 relayed").isEqualTo(8);
		assertThat(emailsPerClient()).as("distinct emails per client").containsOnlyKeys(CLIENTS).allSatisfy((client, emails) -> assertThat(emails).isOne());
		assertThat(smtp.getReceivedMessages()).as("one copy per address: 2 + 5 x 1").hasSize(7);
		StepExecution delivery = StepExecutions.named(execution, "deliveryStep");
		assertThat(List.of(delivery.getReadCount(), delivery.getWriteCount(), delivery.getFilterCount(),
				delivery.getSkipCount(), delivery.getCommitCount(), delivery.getRollbackCount()))
			.as("read, written, filtered, skipped, commits (one per client), rollbacks")
			.containsExactly(6L, 6L, 0L, 0L, 6L, 0L);
		assertThat(delivery.getExitStatus().getExitDescription()).isEqualTo("6 statements delivered: 6 sent by SMTP");
	}

	@Test
	void aServerBusyForAllThreeAttemptsLeavesThatClientReportedAndTheRestartSendsItsEmailOnly() throws Exception {
		// given: c_001's three attempts refused
		front.refuseNext(3);

		// when
		JobExecution failed = CloseJobRuns.start(jobOperatorTestUtils, closeParameters(null));

		// then: the five others got theirs, c_001 is recorded as not reached and named
		assertThat(failed.getStatus()).isEqualTo(BatchStatus.FAILED);
		assertThat(failed.getAllFailureExceptions()).extracting(Throwable::getMessage)
			.anySatisfy(message -> assertThat(message).contains("not delivered to 1 client(s): c_001", "421 4.3.2",
					"(5 delivered)"));
		assertThat(log()).containsExactly("c_001 FAILED 3", "c_002 SENT 1", "c_003 SENT 1", "c_004 SENT 1",
				"c_005 SENT 1", "c_006 SENT 1");
		assertThat(emailsPerClient()).containsOnlyKeys("c_002", "c_003", "c_004", "c_005", "c_006");
		StepExecution delivery = StepExecutions.named(failed, "deliveryStep");
		assertThat(List.of(delivery.getReadCount(), delivery.getWriteCount(), delivery.getProcessSkipCount()))
			.containsExactly(6L, 5L, 1L);

		// when: restarted, the server no longer busy
		JobExecution restarted = jobOperatorTestUtils.getJobOperator().restart(failed);

		// then: c_001's email only, on the first attempt; every client has exactly one
		assertThat(restarted.getStatus()).isEqualTo(BatchStatus.COMPLETED);
		assertThat(log()).containsExactly("c_001 SENT 1", "c_002 SENT 1", "c_003 SENT 1", "c_004 SENT 1",
				"c_005 SENT 1", "c_006 SENT 1");
		assertThat(emailsPerClient()).containsOnlyKeys(CLIENTS).allSatisfy((client, emails) -> assertThat(emails).isOne());
		assertThat(front.connections() - connectionsBefore).as("3 refused + 5 relayed, then 1 relayed").isEqualTo(9);
		StepExecution again = StepExecutions.named(restarted, "deliveryStep");
		assertThat(List.of(again.getReadCount(), again.getWriteCount(), again.getFilterCount()))
			.as("read, written, already delivered").containsExactly(6L, 1L, 5L);
		assertThat(again.getExitStatus().getExitDescription())
			.isEqualTo("1 statements delivered: 1 sent by SMTP; 5 already delivered before");
	}

	@Test
	void theRestartOfAResendSendsOnlyWhatTheResendHasNotSent() throws Exception {
		// given: the month closed, each client emailed once
		CloseJobRuns.start(jobOperatorTestUtils, closeParameters(null));
		// and a resend whose c_001 is refused three times
		front.refuseNext(3);
		JobExecution resend = CloseJobRuns.start(jobOperatorTestUtils, closeParameters(new JobParametersBuilder()
			.addLong(CloseJobParameters.RERUN, 1L)
			.addString(CloseJobParameters.RESEND, "true", false)));
		assertThat(resend.getStatus()).isEqualTo(BatchStatus.FAILED);

		// when
		JobExecution restarted = jobOperatorTestUtils.getJobOperator().restart(resend);

		// then: c_001 resent by the restart, the others by the resend, none a third time
		assertThat(restarted.getStatus()).isEqualTo(BatchStatus.COMPLETED);
		assertThat(emailsPerClient()).containsOnlyKeys(CLIENTS).allSatisfy((client, emails) -> assertThat(emails).isEqualTo(2));
		assertThat(log()).containsExactly("c_001 SENT 1", "c_002 SENT 1", "c_003 SENT 1", "c_004 SENT 1",
				"c_005 SENT 1", "c_006 SENT 1");
	}

	private JobParametersBuilder closeParameters(JobParametersBuilder extra) {
		var parameters = new JobParametersBuilder().addString(CloseJobParameters.MONTH, "2025-09")
			.addString(CloseJobParameters.INBOX, TestInbox.SAMPLE.toAbsolutePath().toString(), false)
			.addString(CloseJobParameters.OUT, out.toString(), false)
			.addString(CloseJobParameters.UNTIL, Stage.DELIVERY.id(), false);
		if (extra != null) {
			parameters.addJobParameters(extra.toJobParameters());
		}
		return parameters;
	}

	/** "client status attempts", per client of the month. */
	private List<String> log() {
		return jdbc.sql("SELECT client_id || ' ' || status || ' ' || attempts FROM delivery_log ORDER BY client_id")
			.query(String.class)
			.list();
	}

	/** Per client (named by its PDF attachment), how many distinct emails (by Message-ID) arrived. */
	private static Map<String, Integer> emailsPerClient() throws Exception {
		Map<String, Set<String>> ids = new TreeMap<>();
		for (MimeMessage message : smtp.getReceivedMessages()) {
			ids.computeIfAbsent(clientOf(message), c -> new TreeSet<>()).add(message.getMessageID());
		}
		Map<String, Integer> counts = new TreeMap<>();
		ids.forEach((client, messageIds) -> counts.put(client, messageIds.size()));
		return counts;
	}

	private static String clientOf(MimeMessage message) throws Exception {
		Multipart parts = (Multipart) message.getContent();
		for (int i = 0; i < parts.getCount(); i++) {
			String name = parts.getBodyPart(i).getFileName();
			if (name != null && name.endsWith(".pdf")) {
				return name.replaceAll("statement-(.*)-2025-09\\.pdf", "$1");
			}
		}
		throw new AssertionError("no PDF attached to " + message.getSubject());
	}

}
