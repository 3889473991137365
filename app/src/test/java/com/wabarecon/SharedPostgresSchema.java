package com.wabarecon;

import java.sql.SQLException;

import org.springframework.context.annotation.Bean;
import org.springframework.test.context.DynamicPropertyRegistrar;

/**
 * The one schema on the local PostgreSQL of the close job's PostgreSQL tests
 * ({@link PostgresCloseJobTest}), whose application context they share: created when the first
 * of them starts it, dropped when the JVM ends, after the last. Imported by the annotation, never
 * scanned (it is no component): the in-process CLI runs of other tests scan this package.
 */
public class SharedPostgresSchema {

	private static String name;

	/** The schema's URL as {@code spring.datasource.url}. */
	@Bean
	static DynamicPropertyRegistrar sharedPostgresSchemaUrl() {
		return registry -> registry.add("spring.datasource.url", SharedPostgresSchema::url);
	}

	/** A JDBC URL whose connections work in the schema, created the first time it is asked for. */
	public static synchronized String url() {
		if (name == null) {
			try {
				name = PostgresDatabase.createSchema();
			}
			catch (SQLException ex) {
				throw new IllegalStateException("cannot create a test schema on the local PostgreSQL", ex);
			}
			String schema = name;
			Runtime.getRuntime().addShutdownHook(new Thread(() -> {
				try {
					PostgresDatabase.dropSchema(schema);
				}
				catch (SQLException ex) {
					System.err.println("the test schema " + schema + " could not be dropped: " + ex.getMessage());
				}
			}, "drop-" + schema));
		}
		return PostgresDatabase.urlFor(name);
	}

}
