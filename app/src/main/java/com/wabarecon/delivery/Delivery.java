package com.wabarecon.delivery;

import java.util.List;

/**
 * One client's entry in the delivery log.
 *
 * @param status {@code SENT} (SMTP), {@code WRITTEN} (outbox {@code .eml}) or {@code FAILED}
 * @param attempts how many times the email was handed to the mailer; 0 when it never was
 * @param detail the message id, the outbox file, or why the client was not reached
 */
record Delivery(String clientId, String status, List<String> recipients, int attempts, String detail) {

	static final String FAILED = "FAILED";

}
