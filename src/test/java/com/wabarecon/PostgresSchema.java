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
 */
public final class PostgresSchema implements BeforeAllCallback, AfterAllCallback {

	private String name;

	@Override
	public void beforeAll(ExtensionContext context) throws SQLException {
		name = PostgresDatabase.createSchema();
	}

	@Override
	public void afterAll(ExtensionContext context) throws SQLException {
		PostgresDatabase.dropSchema(name);
	}

	public String name() {
		return name;
	}

	/** A JDBC URL whose connections work in the schema. */
	public String url() {
		return PostgresDatabase.urlFor(name);
	}

	/** The first column of every row of a query in the schema, as text. */
	public List<String> query(String sql) throws SQLException {
		return PostgresDatabase.query(url(), sql);
	}

}
