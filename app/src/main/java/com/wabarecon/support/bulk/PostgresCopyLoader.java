package com.wabarecon.support.bulk;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.function.Function;

import javax.sql.DataSource;

import org.postgresql.PGConnection;
import org.postgresql.copy.CopyIn;

import org.springframework.batch.infrastructure.item.ItemWriter;
import org.springframework.jdbc.datasource.DataSourceUtils;
import org.springframework.jdbc.support.SQLExceptionTranslator;
import org.springframework.jdbc.support.SQLStateSQLExceptionTranslator;

/**
 * PostgreSQL's fastest way in: each chunk goes as one {@code COPY ... FROM STDIN} in text
 * format, through the driver's {@code CopyManager} on the chunk's own connection, so it commits
 * or rolls back with the chunk. The rows are sent as they are encoded, a few dozen kilobytes at
 * a time, so the server takes in the first rows while the last are still being encoded.
 * <p>
 * The chunk's transaction commits without waiting for its WAL to reach the disk
 * ({@code SET LOCAL synchronous_commit = off}): a month's usage is hundreds of commits, each of
 * which would wait for the disk. Nothing is put at risk: a crash can lose only the last
 * chunks committed so, together with the step's own record of them (same transaction), and the
 * next commit that waits (any other step's) makes them durable; a load step that did not
 * complete reads its inputs again from the top.
 */
class PostgresCopyLoader implements BulkLoader {

	static final String METHOD = "copy";

	static final String ASYNC_COMMIT = "SET LOCAL synchronous_commit = off";

	/** How much text is sent at a time. */
	private static final int SEND_BYTES = 1 << 16;

	private final DataSource dataSource;

	private final SQLExceptionTranslator translator = new SQLStateSQLExceptionTranslator();

	PostgresCopyLoader(DataSource dataSource) {
		this.dataSource = dataSource;
	}

	@Override
	public <T> void load(BulkTable<T> table, List<? extends T> items) {
		if (items.isEmpty()) {
			return;
		}
		copy(table, copy -> {
			CopyText text = new CopyText();
			for (T item : items) {
				text.row(table.values().apply(item));
				if (text.length() >= SEND_BYTES) {
					text.sendTo(copy);
				}
			}
			text.sendTo(copy);
		});
	}

	/** What is sent into an open COPY. */
	@FunctionalInterface
	private interface Sender {

		void send(CopyIn copy) throws SQLException;

	}

	/** One {@code COPY ... FROM STDIN} on the chunk's connection, committed without waiting for the disk. */
	private void copy(BulkTable<?> table, Sender sender) {
		String sql = "COPY " + table.name() + " (" + table.columnList() + ") FROM STDIN";
		Connection connection = DataSourceUtils.getConnection(dataSource);
		CopyIn copy = null;
		try {
			try (Statement statement = connection.createStatement()) {
				statement.execute(ASYNC_COMMIT);
			}
			copy = connection.unwrap(PGConnection.class).getCopyAPI().copyIn(sql);
			sender.send(copy);
			copy.endCopy();
		}
		catch (SQLException ex) {
			cancel(copy);
			throw translator.translate("COPY into " + table.name(), sql, ex);
		}
		catch (RuntimeException ex) {
			cancel(copy); // a value that cannot be encoded: the connection must leave COPY mode
			throw ex;
		}
		finally {
			DataSourceUtils.releaseConnection(connection, dataSource);
		}
	}

	private static void cancel(CopyIn copy) {
		try {
			if (copy != null && copy.isActive()) {
				copy.cancelCopy();
			}
		}
		catch (SQLException ex) {
			// the COPY failed already; its own error is the one to report
		}
	}

	@Override
	public String method() {
		return METHOD;
	}

}
