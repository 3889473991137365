package com.wabarecon.support.bulk;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;

import javax.sql.DataSource;

import org.postgresql.PGConnection;

import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.jdbc.datasource.DataSourceUtils;
import org.springframework.jdbc.support.SQLExceptionTranslator;
import org.springframework.jdbc.support.SQLStateSQLExceptionTranslator;

/**
 * PostgreSQL's fastest way in: each chunk goes as one {@code COPY ... FROM STDIN} in text
 * format, through the driver's {@code CopyManager} on the chunk's own connection, so it commits
 * or rolls back with the chunk.
 */
class PostgresCopyLoader implements BulkLoader {

	static final String METHOD = "copy";

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
		CopyText text = new CopyText(items.size() * 160);
		for (T item : items) {
			text.row(table.values().apply(item));
		}
		String sql = "COPY " + table.name() + " (" + table.columnList() + ") FROM STDIN";
		Connection connection = DataSourceUtils.getConnection(dataSource);
		try {
			connection.unwrap(PGConnection.class)
				.getCopyAPI()
				.copyIn(sql, new ByteArrayInputStream(text.bytes(), 0, text.length()));
		}
		catch (SQLException ex) {
			throw translator.translate("COPY into " + table.name(), sql, ex);
		}
		catch (IOException ex) {
			throw new DataAccessResourceFailureException("COPY into " + table.name() + " failed", ex);
		}
		finally {
			DataSourceUtils.releaseConnection(connection, dataSource);
		}
	}

	@Override
	public String method() {
		return METHOD;
	}

}
