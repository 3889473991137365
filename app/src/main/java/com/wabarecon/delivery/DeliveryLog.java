package com.wabarecon.delivery;

import java.util.List;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The delivery log ({@code delivery_log}). Each entry is committed on its own, right after the
 * send: an email that went out must stay recorded whatever happens to the rest of the run, or a
 * restart would send it twice.
 */
@Repository
class DeliveryLog {

	private final JdbcClient jdbc;

	private final TransactionTemplate ownTransaction;

	DeliveryLog(JdbcClient jdbc, PlatformTransactionManager transactionManager) {
		this.jdbc = jdbc;
		this.ownTransaction = new TransactionTemplate(transactionManager);
		this.ownTransaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
	}

	/** True when the client's statement of the month has gone out (sent or written). */
	boolean delivered(String month, String clientId) {
		return jdbc.sql("SELECT COUNT(*) FROM delivery_log WHERE billing_month = ? AND client_id = ? "
				+ "AND status IN ('SENT', 'WRITTEN')").params(month, clientId).query(Long.class).single() > 0;
	}

	void record(String month, String clientId, String status, List<String> recipients, int attempts, String detail,
			long jobExecutionId) {
		ownTransaction.executeWithoutResult(transaction -> {
			jdbc.sql("DELETE FROM delivery_log WHERE billing_month = ? AND client_id = ?").params(month, clientId).update();
			jdbc.sql("""
					INSERT INTO delivery_log (billing_month, client_id, status, recipients, attempts, detail,
					    job_execution_id, updated_at)
					VALUES (?, ?, ?, ?, ?, ?, ?, CURRENT_TIMESTAMP)""")
				.params(month, clientId, status, String.join(";", recipients), attempts,
						detail == null ? null : detail.substring(0, Math.min(detail.length(), 2000)), jobExecutionId)
				.update();
		});
	}

}
