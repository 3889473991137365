package com.wabarecon.delivery;

import java.util.HashMap;
import java.util.Map;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.batch.infrastructure.item.ItemProcessor;

/**
 * Emails a client's statement, to its billing addresses and nobody else. A statement already
 * delivered is filtered out (the delivery log is the record), and a dry run filters every one.
 * Each call is one attempt: the step calls again for a failure worth retrying
 * ({@link DeliveryFailures}). One instance per step execution, which counts the attempts per
 * client.
 */
class StatementSender implements ItemProcessor<StatementToDeliver, Delivery> {

	private static final Logger log = LoggerFactory.getLogger(StatementSender.class);

	private final boolean dryRun;

	private final RunDeliveryLog deliveries;

	private final StatementEmails emails;

	private final StatementMailer mailer;

	/** Attempts per client in this step execution. */
	private final Map<String, Integer> attempts = new HashMap<>();

	StatementSender(boolean dryRun, RunDeliveryLog deliveries, StatementEmails emails, StatementMailer mailer) {
		this.dryRun = dryRun;
		this.deliveries = deliveries;
		this.emails = emails;
		this.mailer = mailer;
	}

	@Override
	public Delivery process(StatementToDeliver statement) throws Exception {
		if (dryRun || deliveries.delivered(statement.clientId())) {
			return null;
		}
		StatementEmail email = emails.compose(statement);
		int attempt = attempts.merge(statement.clientId(), 1, Integer::sum);
		try {
			StatementMailer.Receipt receipt = mailer.send(email);
			return new Delivery(statement.clientId(), receipt.status(), statement.emails(), attempt, receipt.detail());
		}
		catch (Exception ex) {
			log.warn("Statement of {} for {}: attempt {} failed: {}", statement.clientId(), email.month(), attempt,
					DeliveryFailures.reason(ex));
			throw ex;
		}
	}

	/** How many times the client's email was handed to the mailer; 0 when it never was. */
	int attempts(String clientId) {
		return attempts.getOrDefault(clientId, 0);
	}

}
