package com.wabarecon.delivery;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import com.wabarecon.ReconProperties;

import jakarta.mail.MessagingException;
import org.junit.jupiter.api.Test;
import org.springframework.core.retry.RetryException;
import org.springframework.core.retry.RetryTemplate;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.mail.MailAuthenticationException;
import org.springframework.mail.MailSendException;

/**
 * Which failed sends are tried again, and how often; which leave the client recorded as not
 * reached; which stop the step. The retry policy runs in Spring's own {@link RetryTemplate}, as
 * the step runs it.
 */
class DeliveryFailuresTests {

	static final ReconProperties.Delivery SETTINGS = new ReconProperties.Delivery("billing@bsp.example", "", "s", "b", 3,
			Duration.ofMillis(1), 1);

	@Test
	void aSendTheServerRefusedIsTriedThreeTimesInAll() {
		List<String> attempts = new ArrayList<>();
		RetryTemplate retry = new RetryTemplate(DeliveryFailures.retryPolicy(SETTINGS));

		assertThatThrownBy(() -> retry.execute(() -> {
			attempts.add("attempt " + (attempts.size() + 1));
			throw new MailSendException("421 try again later");
		})).isInstanceOf(RetryException.class).cause().hasMessage("421 try again later");
		assertThat(attempts).containsExactly("attempt 1", "attempt 2", "attempt 3");
	}

	@Test
	void aSendThatWouldFailTheSameIsNotTriedAgain() {
		List<Exception> permanent = List.of(new MailAuthenticationException("535 authentication failed"),
				new StatementRefused("statement file x.pdf is missing"), new MessagingException("bad address"));
		for (Exception failure : permanent) {
			List<String> attempts = new ArrayList<>();
			RetryTemplate retry = new RetryTemplate(DeliveryFailures.retryPolicy(SETTINGS));
			assertThatThrownBy(() -> retry.execute(() -> {
				attempts.add("attempt");
				throw failure;
			})).isInstanceOf(RetryException.class);
			assertThat(attempts).as(failure.toString()).hasSize(1);
		}
	}

	@Test
	void aClientNotReachedIsSkippedAndRecordedButADatabaseFailureStopsTheStep() throws Exception {
		var skip = DeliveryFailures.skipPolicy();

		assertThat(skip.shouldSkip(new MailSendException("421"), 1000)).isTrue();
		assertThat(skip.shouldSkip(new MailAuthenticationException("535"), 0)).isTrue();
		assertThat(skip.shouldSkip(new IOException("disk full"), 0)).isTrue();
		assertThat(skip.shouldSkip(new StatementRefused("missing"), 0)).isTrue();
		assertThat(skip.shouldSkip(new DataAccessResourceFailureException("connection lost", new IOException("EOF")), 0))
			.isFalse();
		assertThat(DeliveryFailures.worthRetrying(new DataAccessResourceFailureException("lost", new IOException("EOF"))))
			.as("a database failure caused by a socket's is not the mail's").isFalse();
	}

}
