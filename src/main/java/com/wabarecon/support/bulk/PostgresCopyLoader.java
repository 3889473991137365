package com.wabarecon.support.bulk;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
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

	private static final String NULL = "\\N";

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
		StringBuilder text = new StringBuilder(items.size() * 160);
		for (T item : items) {
			Object[] values = table.values().apply(item);
			for (int i = 0; i < values.length; i++) {
				if (i > 0) {
					text.append('\t');
				}
				append(text, values[i]);
			}
			text.append('\n');
		}
		String sql = "COPY " + table.name() + " (" + table.columnList() + ") FROM STDIN";
		Connection connection = DataSourceUtils.getConnection(dataSource);
		try {
			connection.unwrap(PGConnection.class)
				.getCopyAPI()
				.copyIn(sql, new ByteArrayInputStream(text.toString().getBytes(StandardCharsets.UTF_8)));
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

	/** COPY's text format: {@code \N} for null, backslash escapes for the separators. */
	static void append(StringBuilder text, Object value) {
		if (value == null) {
			text.append(NULL);
		}
		else if (value instanceof BigDecimal decimal) {
			text.append(decimal.toPlainString());
		}
		else if (value instanceof Boolean bool) {
			text.append(bool ? 't' : 'f');
		}
		else if (value instanceof Number || value instanceof java.time.temporal.TemporalAccessor) {
			text.append(value);
		}
		else {
			escape(text, value.toString());
		}
	}

	private static void escape(StringBuilder text, String value) {
		for (int i = 0; i < value.length(); i++) {
			char c = value.charAt(i);
			switch (c) {
				case '\\' -> text.append("\\\\");
				case '\t' -> text.append("\\t");
				case '\n' -> text.append("\\n");
				case '\r' -> text.append("\\r");
				case '\0' -> {
					// PostgreSQL text cannot hold NUL; the INSERT path would refuse the row too
					throw new org.springframework.dao.DataIntegrityViolationException(
							"a value contains a NUL character, which PostgreSQL text cannot hold");
				}
				default -> text.append(c);
			}
		}
	}

	@Override
	public String method() {
		return METHOD;
	}

}
