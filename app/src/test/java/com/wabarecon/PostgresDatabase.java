package com.wabarecon;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

import org.junit.jupiter.api.extension.ConditionEvaluationResult;
import org.junit.jupiter.api.extension.ExecutionCondition;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * The real PostgreSQL the tests that need it run against ({@code recon.test.pg.url}, by
 * default the local server's {@code test} database as {@code postgres}). When it cannot be
 * reached those tests are skipped with a message saying so, except on CI ({@code CI=true}),
 * where they run and fail: CI must prove the product on PostgreSQL.
 * <p>
 * Each test class gets a schema of its own ({@link #createSchema()}), so runs never see each
 * other's data.
 */
public class PostgresDatabase implements ExecutionCondition {

	public static final String URL = System.getProperty("recon.test.pg.url", "jdbc:postgresql://127.0.0.1:5432/test");

	public static final String USER = System.getProperty("recon.test.pg.user", "postgres");

	@Override
	public ConditionEvaluationResult evaluateExecutionCondition(ExtensionContext context) {
		String problem = reachability();
		if (problem == null) {
			return ConditionEvaluationResult.enabled("PostgreSQL reachable at " + URL);
		}
		if ("true".equalsIgnoreCase(System.getenv("CI"))) {
			return ConditionEvaluationResult.enabled("CI=true: PostgreSQL tests run even though " + problem);
		}
		String message = "SKIPPED PostgreSQL tests: " + problem + " (start PostgreSQL, or set CI=true to make this a failure)";
		System.err.println(message);
		return ConditionEvaluationResult.disabled(message);
	}

	private static String reachability() {
		DriverManager.setLoginTimeout(3);
		try (Connection ignored = DriverManager.getConnection(URL, USER, "")) {
			return null;
		}
		catch (SQLException ex) {
			return "PostgreSQL is not reachable at " + URL + ": " + ex.getMessage();
		}
	}

	/** Creates an empty schema and returns its name. */
	public static String createSchema() throws SQLException {
		String schema = "recon_it_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12).toLowerCase(Locale.ROOT);
		execute("CREATE SCHEMA " + schema);
		return schema;
	}

	public static void dropSchema(String schema) throws SQLException {
		execute("DROP SCHEMA IF EXISTS " + schema + " CASCADE");
	}

	/** A JDBC URL whose connections work in the given schema. */
	public static String urlFor(String schema) {
		return URL + (URL.contains("?") ? "&" : "?") + "user=" + USER + "&currentSchema=" + schema;
	}

	/** The first column of every row of a query, as text. */
	public static List<String> query(String url, String sql) throws SQLException {
		try (Connection connection = DriverManager.getConnection(url);
				Statement statement = connection.createStatement();
				ResultSet rs = statement.executeQuery(sql)) {
			List<String> values = new ArrayList<>();
			while (rs.next()) {
				values.add(rs.getString(1));
			}
			return values;
		}
	}

	private static void execute(String sql) throws SQLException {
		try (Connection connection = DriverManager.getConnection(URL, USER, "");
				Statement statement = connection.createStatement()) {
			statement.execute(sql);
		}
	}

}
