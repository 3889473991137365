package com.wabarecon.launch;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.YearMonth;
import java.util.Properties;

import javax.sql.DataSource;

import com.wabarecon.support.bulk.DatabaseProduct;
import com.zaxxer.hikari.HikariDataSource;

import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.jdbc.support.MetaDataAccessException;
import org.springframework.stereotype.Component;

/**
 * One close of a month at a time, whole or by client: the month's lock in the database, taken
 * before a close starts (or restarts) and held for as long as it runs, on a connection of its
 * own outside the pool the close works with. PostgreSQL: a session advisory lock keyed by the
 * schema and the month. H2: the month's row of {@code close_lock} locked {@code FOR UPDATE
 * NOWAIT} in a transaction left open. Either lock goes with its connection, so a close releases
 * it however it ends: closing the lock, or the process dying (its connection dies with it).
 */
@Component
class MonthLocks {

	/** H2's "timeout trying to lock": NOWAIT found the row locked. */
	private static final int H2_LOCK_TIMEOUT = 50200;

	/** H2's unique key violation: a close of the same month added its row at the same moment. */
	private static final int H2_DUPLICATE_KEY = 23505;

	private final DataSource dataSource;

	private final DatabaseProduct product;

	MonthLocks(DataSource dataSource) throws MetaDataAccessException {
		this.dataSource = dataSource;
		this.product = DatabaseProduct.of(dataSource);
	}

	/**
	 * Takes the month's lock without waiting.
	 * @return the lock, to be closed when the close ends; {@code null} when another close holds it
	 */
	MonthLock tryLock(YearMonth month) {
		Connection connection = null;
		try {
			connection = connection();
			boolean locked = product == DatabaseProduct.POSTGRESQL ? advisoryLock(connection, month)
					: rowLock(connection, month);
			if (locked) {
				return new MonthLock(connection);
			}
			connection.close();
			return null;
		}
		catch (SQLException ex) {
			closeQuietly(connection, ex);
			throw new DataAccessResourceFailureException("cannot take the lock of " + month + ": " + ex.getMessage(), ex);
		}
	}

	/** Keyed by the schema too: closes in other schemas of the database are other closes. */
	private static boolean advisoryLock(Connection connection, YearMonth month) throws SQLException {
		try (PreparedStatement lock = connection.prepareStatement(
				"SELECT pg_try_advisory_lock(hashtext('recon close ' || COALESCE(current_schema(), '')), ?)")) {
			lock.setInt(1, month.getYear() * 100 + month.getMonthValue());
			try (ResultSet rs = lock.executeQuery()) {
				rs.next();
				return rs.getBoolean(1);
			}
		}
	}

	private static boolean rowLock(Connection connection, YearMonth month) throws SQLException {
		try (PreparedStatement add = connection.prepareStatement("INSERT INTO close_lock (billing_month) "
				+ "SELECT CAST(? AS VARCHAR(7)) WHERE NOT EXISTS (SELECT 1 FROM close_lock WHERE billing_month = ?)")) {
			add.setString(1, month.toString());
			add.setString(2, month.toString());
			add.executeUpdate();
		}
		catch (SQLException ex) {
			if (ex.getErrorCode() != H2_DUPLICATE_KEY) {
				throw ex;
			}
		}
		connection.setAutoCommit(false);
		try (PreparedStatement lock = connection
			.prepareStatement("SELECT billing_month FROM close_lock WHERE billing_month = ? FOR UPDATE NOWAIT")) {
			lock.setString(1, month.toString());
			lock.executeQuery().close();
			return true;
		}
		catch (SQLException ex) {
			if (ex.getErrorCode() == H2_LOCK_TIMEOUT) {
				return false;
			}
			throw ex;
		}
	}

	/**
	 * A connection of its own, beside the pool's: the close may need every pooled connection
	 * (usage shares, statement threads), and a pool may retire its connections.
	 */
	private Connection connection() throws SQLException {
		if (dataSource instanceof HikariDataSource hikari) {
			Properties properties = new Properties();
			properties.putAll(hikari.getDataSourceProperties());
			if (hikari.getUsername() != null) {
				properties.setProperty("user", hikari.getUsername());
			}
			if (hikari.getPassword() != null) {
				properties.setProperty("password", hikari.getPassword());
			}
			if (product == DatabaseProduct.POSTGRESQL) {
				// the lock is seen in pg_stat_activity under this name; keepalives let this side
				// notice a server that went away (the server notices a client that went away by
				// its own tcp_keepalives_* settings)
				properties.setProperty("ApplicationName", "recon close lock");
				properties.setProperty("tcpKeepAlive", "true");
			}
			return DriverManager.getConnection(hikari.getJdbcUrl(), properties);
		}
		return dataSource.getConnection();
	}

	private static void closeQuietly(Connection connection, SQLException failure) {
		if (connection != null) {
			try {
				connection.close();
			}
			catch (SQLException ex) {
				failure.addSuppressed(ex);
			}
		}
	}

	/** A month's lock, held until closed. */
	static final class MonthLock implements AutoCloseable {

		private final Connection connection;

		private MonthLock(Connection connection) {
			this.connection = connection;
		}

		/** Releases the lock: the advisory lock ends with its session, the row lock with its transaction. */
		@Override
		public void close() {
			try {
				if (!connection.getAutoCommit()) {
					connection.rollback();
				}
				connection.close();
			}
			catch (SQLException ex) {
				// the connection is gone already, and its lock with it
			}
		}

	}

}
