package com.wabarecon.launch;

import java.sql.SQLException;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.Set;

import org.springframework.transaction.TransactionSystemException;

/**
 * Tells a lost database connection from the other failures of a close, by the JDBC errors among
 * its causes: SQLState class {@code 08} (connection exception) or {@code 57P} (the server shut
 * down or restarted under the close). A person then reads that the database went away, rather
 * than a driver's or a pool's words ("Connection is closed", "terminating connection due to
 * administrator command").
 */
final class DatabaseFailures {

	static final String CONNECTION_LOST = "the database connection was lost";

	private DatabaseFailures() {
	}

	static boolean connectionLost(Throwable failure) {
		return connectionLost(failure, Collections.newSetFromMap(new IdentityHashMap<>()));
	}

	/**
	 * Looks through the causes, the suppressed exceptions, a JDBC batch's next exceptions, and the
	 * failure a rollback that failed in turn hides (its own message is the pool's "Connection is
	 * closed", without a SQLState).
	 */
	private static boolean connectionLost(Throwable failure, Set<Throwable> seen) {
		if (failure == null || !seen.add(failure)) {
			return false;
		}
		if (failure instanceof SQLException sql) {
			if (isConnectionState(sql.getSQLState()) || connectionLost(sql.getNextException(), seen)) {
				return true;
			}
		}
		if (failure instanceof TransactionSystemException rollback
				&& connectionLost(rollback.getApplicationException(), seen)) {
			return true;
		}
		for (Throwable suppressed : failure.getSuppressed()) {
			if (connectionLost(suppressed, seen)) {
				return true;
			}
		}
		return connectionLost(failure.getCause(), seen);
	}

	/** One line: that the connection was lost, why, and how to go on. */
	static String lost(String reason) {
		return CONNECTION_LOST + " (" + reason + "); run the same close again once the database is back: it resumes "
				+ "where it stopped";
	}

	private static boolean isConnectionState(String sqlState) {
		return sqlState != null && (sqlState.startsWith("08") || sqlState.startsWith("57P"));
	}

}
