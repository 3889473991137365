package com.wabarecon.delivery;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetupTest;
import com.wabarecon.CloseJobParameters;
import com.wabarecon.CloseJobRuns;
import com.wabarecon.Stage;
import com.wabarecon.TestInbox;

import jakarta.mail.Address;
import jakarta.mail.BodyPart;
import jakarta.mail.Message;
import jakarta.mail.Multipart;
import jakarta.mail.internet.MimeMessage;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.job.parameters.JobParametersBuilder;
import org.springframework.batch.test.JobOperatorTestUtils;
import org.springframework.batch.test.JobRepositoryTestUtils;
import org.springframework.batch.test.context.SpringBatchTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mail.MailSendException;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.JavaMailSenderImpl;

/**
 * Delivery through a real SMTP server (GreenMail on a loopback port), after the real close of
 * the sample month: one email per client, to its addresses only, with its own two files.
 */
@SpringBatchTest
@SpringBootTest(properties = { "spring.datasource.url=jdbc:h2:mem:delivery;MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;"
		+ "DEFAULT_NULL_ORDERING=HIGH;DB_CLOSE_DELAY=-1", "recon.delivery.backoff=10ms",
		"recon.delivery.from=billing@bsp.example" })
class DeliveryFunctionalTests {

	/** One server for the class, on a free port: a fixed one may be taken by another run on the machine. */
	@RegisterExtension
	static GreenMailExtension smtp = new GreenMailExtension(ServerSetupTest.SMTP.dynamicPort())
		.withPerMethodLifecycle(false);

	/** Clients whose sends fail, and how many more times. */
	static final Map<String, Integer> FAILURES = new ConcurrentHashMap<>();

	@TestConfiguration
	static class FlakySmtp {

		/** The real SMTP sender, failing for the clients the test names. */
		@Bean
		JavaMailSender mailSender() {
			JavaMailSenderImpl sender = new JavaMailSenderImpl() {
				@Override
				public void send(MimeMessage... messages) {
					for (MimeMessage message : messages) {
						String subject = subject(message);
						FAILURES.forEach((client, left) -> {
							if (subject.contains(client) && left > 0) {
								FAILURES.put(client, left - 1);
								throw new MailSendException("connection reset (injected for " + client + ")");
							}
						});
					}
					super.send(messages);
				}
			};
			sender.setHost("127.0.0.1");
			sender.setPort(smtp.getSmtp().getPort());
			return sender;
		}

	}

	@Autowired
	JobOperatorTestUtils jobOperatorTestUtils;

	@Autowired
	JobRepositoryTestUtils jobRepositoryTestUtils;

	@Autowired
	JdbcClient jdbc;

	@TempDir
	Path out;

	@BeforeEach
	void reset() throws Exception {
		smtp.purgeEmailFromAllMailboxes();
		jobRepositoryTestUtils.removeJobExecutions();
		jdbc.sql("DELETE FROM delivery_log").update();
		jdbc.sql("DELETE FROM statement_file").update();
		FAILURES.clear();
	}

	@Test
	void eachClientGetsOneEmailWithItsOwnFilesAtItsOwnAddresses() throws Exception {
		// when
		JobExecution execution = CloseJobRuns.start(jobOperatorTestUtils, closeParameters(null));

		// then
		assertThat(execution.getStatus()).isEqualTo(BatchStatus.COMPLETED);
		Map<String, List<MimeMessage>> bySubject = bySubject();
		assertThat(bySubject).hasSize(6);
		Map<String, Set<String>> addresses = Map.of("c_001",
				Set.of("buchhaltung@mueller-feinkost.example", "finanzen@mueller-feinkost.example"), "c_002",
				Set.of("accounts@bharat-retail.example"), "c_005", Set.of("logistirio@papadopoulos-wines.example"));
		// each in the client's language (clients.csv's locale), with the month's name in it
		Map<String, String> subjects = Map.of("c_001", "Müller Feinkost GmbH: WhatsApp-Abrechnung September 2025", "c_002",
				"Bharat Retail Pvt Ltd: WhatsApp statement September 2025", "c_003",
				"Loja Exemplo Ltda: extrato do WhatsApp setembro 2025", "c_004",
				"Acme Logistics Inc: WhatsApp statement September 2025", "c_005",
				"Οινοποιία Παπαδόπουλος Α.Ε.: κατάσταση WhatsApp Σεπτέμβριος 2025", "c_006",
				"ООО «Ромашка»: отчёт WhatsApp за сентябрь 2025");
		for (List<MimeMessage> copies : bySubject.values()) {
			MimeMessage message = copies.get(0);
			String client = clientOf(message);
			assertThat(message.getSubject()).isEqualTo(subjects.get(client));
			assertThat(message.getFrom()[0].toString()).isEqualTo("billing@bsp.example");
			assertThat(attachments(message)).containsExactlyInAnyOrder("statement-" + client + "-2025-09.pdf",
					"statement-" + client + "-2025-09.xlsx");
			assertThat(attachmentTypes(message)).containsExactlyInAnyOrder("application/pdf",
					"application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
			if (addresses.containsKey(client)) {
				assertThat(recipients(message)).containsExactlyInAnyOrderElementsOf(addresses.get(client));
			}
			assertThat(copies).as("one copy per recipient, no more").hasSize(recipients(message).size());
		}
		MimeMessage mueller = bySubject.keySet().stream().filter(s -> s.startsWith("Müller")).map(bySubject::get)
			.findFirst().orElseThrow().get(0);
		assertThat(text(mueller)).contains("Sehr geehrte Damen und Herren,",
				"Ihre WhatsApp-Business-Abrechnung für September 2025 (Müller Feinkost GmbH)",
				"Von Meta berechnet: 880,80 EUR (geschätzt 855,54 EUR)", "Mit freundlichen Grüßen");
		MimeMessage papadopoulos = bySubject.keySet().stream().filter(s -> s.startsWith("Οινοποιία")).map(bySubject::get)
			.findFirst().orElseThrow().get(0);
		assertThat(text(papadopoulos)).contains("Αξιότιμε/η Οινοποιία Παπαδόπουλος Α.Ε.,",
				"την κατάσταση χρήσης WhatsApp Business για τον μήνα Σεπτέμβριος 2025", "Τιμολογήθηκε από τη Meta: 47,36 USD (εκτίμηση: 47,36 USD)");
	}

	@Test
	void closingAgainSendsNothingUnlessAskedToResend() throws Exception {
		CloseJobRuns.start(jobOperatorTestUtils, closeParameters(null));
		int first = smtp.getReceivedMessages().length;

		CloseJobRuns.start(jobOperatorTestUtils, closeParameters(new JobParametersBuilder().addLong(CloseJobParameters.RERUN, 1L)));
		assertThat(smtp.getReceivedMessages()).hasSize(first);

		CloseJobRuns.start(jobOperatorTestUtils, closeParameters(new JobParametersBuilder().addLong(CloseJobParameters.RERUN, 2L)
			.addString(CloseJobParameters.RESEND, "true", false)));
		assertThat(smtp.getReceivedMessages()).hasSize(2 * first);
	}

	@Test
	void aDryRunRendersEverythingAndSendsNothing() throws Exception {
		JobExecution execution = CloseJobRuns.start(jobOperatorTestUtils, closeParameters(new JobParametersBuilder().addString(CloseJobParameters.DRY_RUN, "true", false)));

		assertThat(execution.getStatus()).isEqualTo(BatchStatus.COMPLETED);
		assertThat(smtp.getReceivedMessages()).isEmpty();
		assertThat(out.resolve("2025-09/c_001/statement-c_001-2025-09.pdf")).exists();
		assertThat(jdbc.sql("SELECT COUNT(*) FROM delivery_log").query(Long.class).single()).isZero();
	}

	@Test
	void aFailedSendIsRetriedAndAClientNotReachedIsReportedWhileTheOthersGetTheirs() throws Exception {
		// given: c_002's first attempt fails; c_003's every attempt fails
		FAILURES.put("Bharat", 1);
		FAILURES.put("Loja", 99);

		// when
		JobExecution execution = CloseJobRuns.start(jobOperatorTestUtils, closeParameters(null));

		// then
		assertThat(execution.getStatus()).isEqualTo(BatchStatus.FAILED);
		assertThat(execution.getAllFailureExceptions()).extracting(Throwable::getMessage)
			.anySatisfy(message -> assertThat(message).contains("not delivered to 1 client(s): c_003",
					"injected for Loja", "(5 delivered)"));
		assertThat(bySubject()).hasSize(5).noneSatisfy((subject, copies) -> assertThat(subject).startsWith("Loja"));
		assertThat(jdbc.sql("SELECT client_id || ' ' || status || ' ' || attempts FROM delivery_log ORDER BY client_id")
			.query(String.class)
			.list()).contains("c_002 SENT 2", "c_003 FAILED 3");

		// and when the cause is gone, the restart sends to c_003 only
		FAILURES.clear();
		JobExecution restarted = jobOperatorTestUtils.getJobOperator().restart(execution);
		assertThat(restarted.getStatus()).isEqualTo(BatchStatus.COMPLETED);
		assertThat(bySubject()).hasSize(6).allSatisfy((subject, copies) -> assertThat(copies)
			.hasSize(recipients(copies.get(0)).size()));
	}

	@Test
	void aCloseThatFailsInTheMiddleOfTheStatementsEndsAfterRestartWithOneEmailAndOneSetOfFilesPerClient()
			throws Exception {
		// given: the statements step fails after some clients, as the database refuses the fourth
		jdbc.sql("ALTER TABLE statement_file ADD CONSTRAINT injected_failure CHECK (client_id <> 'c_004')").update();
		JobExecution failed = CloseJobRuns.start(jobOperatorTestUtils, closeParameters(null));
		assertThat(failed.getStatus()).isEqualTo(BatchStatus.FAILED);
		assertThat(smtp.getReceivedMessages()).isEmpty();

		// when
		jdbc.sql("ALTER TABLE statement_file DROP CONSTRAINT injected_failure").update();
		JobExecution restarted = jobOperatorTestUtils.getJobOperator().restart(failed);

		// then
		assertThat(restarted.getStatus()).isEqualTo(BatchStatus.COMPLETED);
		assertThat(bySubject()).hasSize(6).allSatisfy((subject, copies) -> assertThat(copies)
			.hasSize(recipients(copies.get(0)).size()));
		for (String client : List.of("c_001", "c_002", "c_003", "c_004", "c_005", "c_006")) {
			try (var files = Files.list(out.resolve("2025-09").resolve(client))) {
				assertThat(files.map(file -> file.getFileName().toString()).sorted().toList())
					.containsExactly("statement-" + client + "-2025-09.pdf", "statement-" + client + "-2025-09.xlsx");
			}
		}
	}

	JobParametersBuilder closeParameters(JobParametersBuilder extra) {
		var parameters = new JobParametersBuilder().addString(CloseJobParameters.MONTH, "2025-09")
			.addString(CloseJobParameters.INBOX, TestInbox.SAMPLE.toAbsolutePath().toString(), false)
			.addString(CloseJobParameters.OUT, out.toString(), false)
			.addString(CloseJobParameters.UNTIL, Stage.DELIVERY.id(), false);
		if (extra != null) {
			parameters.addJobParameters(extra.toJobParameters());
		}
		return parameters;
	}

	private static Map<String, List<MimeMessage>> bySubject() {
		Map<String, List<MimeMessage>> messages = new HashMap<>();
		for (MimeMessage message : smtp.getReceivedMessages()) {
			messages.computeIfAbsent(subject(message), s -> new ArrayList<>()).add(message);
		}
		return messages;
	}

	static String subject(MimeMessage message) {
		try {
			return message.getSubject();
		}
		catch (Exception ex) {
			throw new IllegalStateException(ex);
		}
	}

	private static String clientOf(MimeMessage message) throws Exception {
		return attachments(message).get(0).replaceAll("statement-(.*)-2025-09\\..*", "$1");
	}

	private static Set<String> recipients(MimeMessage message) {
		try {
			Set<String> all = new java.util.HashSet<>();
			for (Address address : message.getRecipients(Message.RecipientType.TO)) {
				all.add(address.toString());
			}
			return all;
		}
		catch (Exception ex) {
			throw new IllegalStateException(ex);
		}
	}

	/** Each attachment's MIME type, without its parameters. */
	private static List<String> attachmentTypes(MimeMessage message) throws Exception {
		List<String> types = new ArrayList<>();
		for (BodyPart part : attachmentParts(message)) {
			types.add(part.getContentType().split(";")[0].strip());
		}
		return types;
	}

	private static List<String> attachments(MimeMessage message) throws Exception {
		List<String> names = new ArrayList<>();
		for (BodyPart part : attachmentParts(message)) {
			names.add(part.getFileName());
		}
		return names;
	}

	private static List<BodyPart> attachmentParts(MimeMessage message) throws Exception {
		List<BodyPart> attached = new ArrayList<>();
		Multipart parts = (Multipart) message.getContent();
		for (int i = 0; i < parts.getCount(); i++) {
			if (parts.getBodyPart(i).getFileName() != null) {
				attached.add(parts.getBodyPart(i));
			}
		}
		return attached;
	}

	/** The plain-text body, decoded. */
	private static String text(MimeMessage message) throws Exception {
		return textOf(message.getContent());
	}

	private static String textOf(Object content) throws Exception {
		if (content instanceof String text) {
			return text;
		}
		if (content instanceof Multipart parts) {
			for (int i = 0; i < parts.getCount(); i++) {
				BodyPart part = parts.getBodyPart(i);
				if (part.getFileName() == null) {
					String text = textOf(part.getContent());
					if (text != null) {
						return text;
					}
				}
			}
		}
		return null;
	}

}
