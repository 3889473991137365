package com.wabarecon.delivery;

/**
 * Sends one statement email. Implementations: {@link SmtpStatementMailer} (through the SMTP
 * server of {@code spring.mail.*}) and {@link OutboxStatementMailer} (an {@code .eml} file per
 * client when no SMTP server is configured).
 */
interface StatementMailer {

	/** What the log keeps of a delivery. */
	record Receipt(String status, String detail) {
	}

	/** Sends it, or throws; the delivery step tries again when {@link DeliveryFailures} says it may help. */
	Receipt send(StatementEmail email) throws Exception;

}
