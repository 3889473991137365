package com.wabarecon.launch;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;

import static org.assertj.core.api.Assertions.fail;

/**
 * Keeps a close running for as long as a test needs, on H2 and PostgreSQL alike: the row of
 * client {@code c_001} (added if the database has no such client yet) locked by a transaction of
 * the test's own, so that a close waits in its {@code clientsStep}, which upserts that client,
 * until the row is let go. The close has taken its month's lock and recorded its run by then.
 * On H2 the database URL must give a lock timeout longer than the test holds the row
 * ({@code LOCK_TIMEOUT=120000}).
 */
final class HeldClientRow implements AutoCloseable {

	private final Connection connection;

	private final String url;

	private HeldClientRow(String url, Connection connection) {
		this.url = url;
		this.connection = connection;
	}

	static HeldClientRow hold(String url) throws SQLException {
		Connection connection = connect(url);
		try (Statement statement = connection.createStatement()) {
			statement.executeUpdate("INSERT INTO client (client_id, name, billing_emails, statement_currency, locale, "
					+ "source_file, source_line, updated_at) SELECT 'c_001', 'held by the test', 'held@example.com', "
					+ "'EUR', 'de-DE', 'test', 0, CURRENT_TIMESTAMP WHERE NOT EXISTS "
					+ "(SELECT 1 FROM client WHERE client_id = 'c_001')");
			connection.setAutoCommit(false);
			statement.executeQuery("SELECT client_id FROM client WHERE client_id = 'c_001' FOR UPDATE").close();
		}
		return new HeldClientRow(url, connection);
	}

	/**
	 * Waits until a close of the month (a run of the given client, or of all clients when
	 * {@code null}) waits in its clientsStep; fails the test after the timeout.
	 */
	void awaitCloseWaiting(String month, String client, Duration timeout) throws Exception {
		long deadline = System.nanoTime() + timeout.toNanos();
		while (!closeWaiting(month, client)) {
			if (System.nanoTime() > deadline) {
				fail("no close of " + month + (client == null ? "" : " for " + client) + " reached its clientsStep within "
						+ timeout.toSeconds() + " s");
			}
			Thread.sleep(20);
		}
	}

	/** True when a close of the month (a run of the client, or of all clients when {@code null}) waits in its clientsStep. */
	boolean closeWaiting(String month, String client) throws SQLException {
		String sql = "SELECT COUNT(*) FROM batch_step_execution s WHERE s.step_name = 'clientsStep' AND s.status = 'STARTED' "
				+ "AND EXISTS (SELECT 1 FROM batch_job_execution_params p WHERE p.job_execution_id = s.job_execution_id "
				+ "AND p.parameter_name = 'month' AND p.parameter_value = ?) AND "
				+ (client == null ? "NOT " : "") + "EXISTS (SELECT 1 FROM batch_job_execution_params p "
				+ "WHERE p.job_execution_id = s.job_execution_id AND p.parameter_name = 'client'"
				+ (client == null ? "" : " AND p.parameter_value = ?") + ")";
		try (Connection reader = connect(url); PreparedStatement query = reader.prepareStatement(sql)) {
			query.setString(1, month);
			if (client != null) {
				query.setString(2, client);
			}
			try (ResultSet rs = query.executeQuery()) {
				rs.next();
				return rs.getLong(1) > 0;
			}
		}
	}

	/** A connection to the database; Spring Boot names the user of an in-memory H2 database {@code sa}. */
	static Connection connect(String url) throws SQLException {
		return url.startsWith("jdbc:h2:mem:") ? DriverManager.getConnection(url, "sa", "") : DriverManager.getConnection(url);
	}

	/** Lets the row go: the waiting closes go on. */
	@Override
	public void close() throws SQLException {
		connection.rollback();
		connection.close();
	}

}
