package com.wabarecon.support.bulk;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.function.Function;

import javax.sql.DataSource;

import com.wabarecon.support.reject.SourcedItem;

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
 * ({@code SET LOCAL synchronous_commit = off}): a month's usage is some 300 commits, and the
 * waits cost the usage import 2 to 8 s. Nothing is put at risk: a crash can lose only the last
 * chunks committed so, together with the step's own record of them (same transaction), and the
 * next commit that waits (any other step's) makes them durable; a load step that did not
 * complete reads its inputs again from the top.
 */
class PostgresCopyLoader implements BulkLoader {

	static final String METHOD = "copy";

	static final String ASYNC_COMMIT = "SET LOCAL synchronous_commit = off";

	/** How much encoded text is sent at a time. */
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
			CopyText text = new CopyText(SEND_BYTES + 4096);
			for (T item : items) {
				text.row(table.values().apply(item));
				if (text.length() >= SEND_BYTES) {
					copy.writeToCopy(text.bytes(), 0, text.length());
					text.clear();
				}
			}
			if (text.length() > 0) {
				copy.writeToCopy(text.bytes(), 0, text.length());
			}
		});
	}

	/**
	 * Encodes each row into a buffer of about {@value #SEND_BYTES} bytes, then into a fresh one:
	 * the rows of a buffer lie one after the other, and the writer sends them in one piece.
	 */
	@Override
	public <T extends SourcedItem> Function<T, PreparedRow<T>> preparer(BulkTable<T> table) {
		return new Function<>() {

			private CopyText text = new CopyText(SEND_BYTES + 4096);

			@Override
			public PreparedRow<T> apply(T item) {
				if (text.length() >= SEND_BYTES) {
					text = new CopyText(SEND_BYTES + 4096); // the rows in the last one keep it
				}
				int start = text.length();
				text.row(table.values().apply(item));
				return new PreparedRow<>(item, text.bytes(), start, text.length() - start);
			}

		};
	}

	@Override
	public <T extends SourcedItem> ItemWriter<PreparedRow<T>> preparedWriter(BulkTable<T> table) {
		return chunk -> {
			if (chunk.isEmpty()) {
				return;
			}
			if (chunk.getItems().get(0).text() == null) { // prepared by another loader
				load(table, chunk.getItems().stream().map(PreparedRow::item).toList());
				return;
			}
			copy(table, copy -> {
				// consecutive rows of one buffer go as one piece
				byte[] run = null;
				int from = 0;
				int to = 0;
				for (PreparedRow<T> row : chunk) {
					if (row.text() == run && row.offset() == to) {
						to += row.length();
						continue;
					}
					if (run != null) {
						copy.writeToCopy(run, from, to - from);
					}
					run = row.text();
					from = row.offset();
					to = from + row.length();
				}
				copy.writeToCopy(run, from, to - from);
			});
		};
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
