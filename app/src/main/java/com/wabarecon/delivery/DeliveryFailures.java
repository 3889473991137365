package com.wabarecon.delivery;

import java.io.IOException;

import com.wabarecon.ReconProperties;

import jakarta.mail.MessagingException;

import org.springframework.batch.core.step.skip.SkipPolicy;
import org.springframework.core.retry.RetryPolicy;
import org.springframework.mail.MailException;
import org.springframework.mail.MailSendException;

/**
 * How the delivery step treats a failed send. A failure the next attempt may not meet (the SMTP
 * server unreachable or refusing the message, the outbox not writable) is tried again, up to
 * {@code recon.delivery.attempts} in all, waiting {@code recon.delivery.backoff} and then twice
 * as long before each next attempt. A failure that would repeat (the SMTP login refused, a
 * message that cannot be built, a statement refused) is not. Either way a client still not
 * reached is skipped, its failure recorded, and the other clients' emails go out. Any other
 * failure (the database) stops the step: a restart resumes it.
 */
final class DeliveryFailures {

	private DeliveryFailures() {
	}

	static RetryPolicy retryPolicy(ReconProperties.Delivery settings) {
		return RetryPolicy.builder()
			.predicate(DeliveryFailures::worthRetrying)
			.maxRetries(settings.attempts() - 1)
			.delay(settings.backoff())
			.multiplier(2)
			.build();
	}

	/** Skips the client whose email could not go out, with no limit: each is recorded and reported. */
	static SkipPolicy skipPolicy() {
		return (failure, skipCount) -> clientNotReached(failure);
	}

	/** The failure itself, not its causes: a database error caused by a socket's is not the mail's. */
	static boolean worthRetrying(Throwable failure) {
		return failure instanceof MailSendException || failure instanceof IOException;
	}

	static boolean clientNotReached(Throwable failure) {
		return failure instanceof MailException || failure instanceof MessagingException
				|| failure instanceof IOException || failure instanceof StatementRefused;
	}

	/** The innermost cause's message, on one line: what the log and the run summary say. */
	static String reason(Throwable failure) {
		Throwable cause = failure;
		while (cause.getCause() != null && cause.getCause() != cause) {
			cause = cause.getCause();
		}
		return String.valueOf(cause.getMessage()).lines().findFirst().orElse(cause.getClass().getSimpleName());
	}

}
