package com.wabarecon.delivery;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The delivery log ({@code delivery_log}): per month and client, its last delivery and how it
 * went. Entries are written in the caller's transaction: the delivery step's, which commits each
 * client's entry before the next client's email is sent.
 */
@Repository
class DeliveryLog {

	private static final String DELIVERED = "status IN ('SENT', 'WRITTEN')";

	private final JdbcClient jdbc;

	DeliveryLog(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/** True when the client's statement of the month has gone out (sent or written), in any run. */
	boolean delivered(String month, String clientId) {
		return jdbc.sql("SELECT COUNT(*) FROM delivery_log WHERE billing_month = ? AND client_id = ? AND " + DELIVERED)
			.params(month, clientId)
			.query(Long.class)
			.single() > 0;
	}

	/** True when one of these job executions delivered the client's statement of the month. */
	boolean deliveredBy(String month, String clientId, Collection<Long> jobExecutionIds) {
		return jdbc.sql("SELECT COUNT(*) FROM delivery_log WHERE billing_month = :month AND client_id = :client AND "
				+ DELIVERED + " AND job_execution_id IN (:executions)")
			.param("month", month)
			.param("client", clientId)
			.param("executions", jobExecutionIds)
			.query(Long.class)
			.single() > 0;
	}

	/** Replaces the client's entry of the month. */
	void record(String month, Delivery delivery, long jobExecutionId) {
		jdbc.sql("DELETE FROM delivery_log WHERE billing_month = ? AND client_id = ?")
			.params(month, delivery.clientId())
			.update();
		String detail = delivery.detail();
		jdbc.sql("""
				INSERT INTO delivery_log (billing_month, client_id, status, recipients, attempts, detail,
				    job_execution_id, updated_at)
				VALUES (?, ?, ?, ?, ?, ?, ?, CURRENT_TIMESTAMP)""")
			.params(month, delivery.clientId(), delivery.status(), String.join(";", delivery.recipients()),
					delivery.attempts(), detail == null ? null : detail.substring(0, Math.min(detail.length(), 2000)),
					jobExecutionId)
			.update();
	}

	/** How many entries of the month the job execution left, per status. */
	Map<String, Long> outcomes(String month, long jobExecutionId) {
		Map<String, Long> counts = new TreeMap<>();
		jdbc.sql("SELECT status, COUNT(*) FROM delivery_log WHERE billing_month = ? AND job_execution_id = ? GROUP BY status")
			.params(month, jobExecutionId)
			.query(rs -> {
				counts.put(rs.getString(1), rs.getLong(2));
			});
		return counts;
	}

	/** The clients the job execution did not reach, in id order, each with why: {@code c_003 (...)}. */
	List<String> notReached(String month, long jobExecutionId) {
		return jdbc.sql("SELECT client_id, detail FROM delivery_log WHERE billing_month = ? AND job_execution_id = ? "
				+ "AND status = '" + Delivery.FAILED + "' ORDER BY client_id")
			.params(month, jobExecutionId)
			.query((rs, n) -> rs.getString(1) + " (" + rs.getString(2) + ")")
			.list();
	}

}
