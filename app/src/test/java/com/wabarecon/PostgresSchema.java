package com.wabarecon;

import java.sql.SQLException;
import java.util.List;

import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * A schema of the test class's own on the local PostgreSQL, created before its tests and
 * dropped after them. Register it as a static field with {@code @RegisterExtension}, beside
 * {@code @ExtendWith(PostgresDatabase.class)}, which skips the class when PostgreSQL is away.
 * A Spring test gives its {@link #url()} to {@code spring.datasource.url} in a
 * {@code @DynamicPropertySource}: the schema is created when first asked for, whichever of
 * the extensions runs first.
 */
public final class PostgresSchema implements BeforeAllCallback, AfterAllCallback {

	private String name;

	@Override
	public void beforeAll(ExtensionContext context) {
		name();
	}

	@Override
	public synchronized void afterAll(ExtensionContext context) throws SQLException {
		if (name != null) {
			PostgresDatabase.dropSchema(name);
			name = null;
		}
	}

	public synchronized String name() {
		if (name == null) {
			try {
				name = PostgresDatabase.createSchema();
			}
			catch (SQLException ex) {
				throw new IllegalStateException("cannot create a test schema on the local PostgreSQL", ex);
			}
		}
		return name;
	}

	/** A JDBC URL whose connections work in the schema. */
	public String url() {
		return PostgresDatabase.urlFor(name());
	}

	/** The first column of every row of a query in the schema, as text. */
	public List<String> query(String sql) throws SQLException {
		return PostgresDatabase.query(url(), sql);
	}

}
