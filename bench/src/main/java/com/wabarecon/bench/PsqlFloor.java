package com.wabarecon.bench;

import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * The floor a close's import and reconciliation are measured against: PostgreSQL on its own,
 * driven by {@code psql}. The rows the close loaded (usage estimates, invoice lines, channels)
 * are written out as COPY files; then, in a schema of their own, tables without indexes are
 * loaded from those files with {@code \copy}, analysed, and reconciled with one
 * aggregate-and-join query.
 * Each of the three is timed as the wall time of its {@code psql} process.
 */
final class PsqlFloor {

	/** What the floor took, in seconds, and how many rows it moved. */
	public record Result(double copyUsageSeconds, long usageRows, double copyInvoiceSeconds, long invoiceRows,
			double querySeconds, long reconciledLines) {

		public double totalSeconds() {
			return copyUsageSeconds + copyInvoiceSeconds + querySeconds;
		}

	}

	static final String USAGE_COLUMNS = "billing_month, channel_id, client_id, usage_start, local_date, country, "
			+ "pricing_category, pricing_type, tier, volume, cost, currency, cost_source, source_kind, "
			+ "counts_as_estimate, source_file, source_line, source_position";

	static final String INVOICE_COLUMNS = "billing_month, invoice_id, invoice_date, period_start, period_end, waba_id, "
			+ "phone_number_id, display_phone_number, market, pricing_category, pricing_type, tier, volume, unit_rate, "
			+ "amount, currency, line_type, source_file, source_line";

	/** Per channel (or WABA) and category: both sides summed, then joined, as reconciliation does. */
	static final String RECONCILE = """
			SELECT COUNT(*) FROM (
			  SELECT c.waba_id, c.phone_number_id, u.pricing_category, SUM(u.volume) AS volume, SUM(u.cost) AS cost
			  FROM floor_usage u JOIN floor_channel c ON c.channel_id = u.channel_id
			  WHERE u.billing_month = '%1$s' AND u.counts_as_estimate AND u.pricing_type = 'REGULAR'
			  GROUP BY c.waba_id, c.phone_number_id, u.pricing_category) e
			FULL OUTER JOIN (
			  SELECT waba_id, phone_number_id, pricing_category, SUM(volume) AS volume, SUM(amount) AS amount
			  FROM floor_invoice WHERE billing_month = '%1$s' AND line_type = 'USAGE'
			  GROUP BY waba_id, phone_number_id, pricing_category) i
			ON i.waba_id = e.waba_id AND i.phone_number_id = e.phone_number_id
			   AND i.pricing_category = e.pricing_category""";

	private final Connection connection;

	private final Path work;

	private PsqlFloor(Connection connection, Path work) {
		this.connection = connection;
		this.work = work;
	}

	/**
	 * @param jdbcUrl the close's database ({@code jdbc:postgresql://host:port/db?user=..&currentSchema=..})
	 * @param work a folder for the COPY files
	 */
	public static PsqlFloor of(String jdbcUrl, Path work) {
		return new PsqlFloor(Connection.parse(jdbcUrl), work);
	}

	public Result measure(String month) throws IOException, InterruptedException {
		Files.createDirectories(work);
		String closeSchema = connection.schema();
		String floor = closeSchema + "_floor";
		Path usage = work.resolve("usage_estimate.copy");
		Path invoice = work.resolve("invoice_line.copy");
		Path channels = work.resolve("channel.copy");
		psql(null, "\\copy (SELECT " + USAGE_COLUMNS + " FROM " + closeSchema + ".usage_estimate WHERE billing_month = '"
				+ month + "') TO '" + usage + "'");
		psql(null, "\\copy (SELECT " + INVOICE_COLUMNS + " FROM " + closeSchema + ".invoice_line WHERE billing_month = '"
				+ month + "') TO '" + invoice + "'");
		psql(null, "\\copy (SELECT channel_id, waba_id, phone_number_id FROM " + closeSchema + ".channel) TO '"
				+ channels + "'");
		psql(null, "DROP SCHEMA IF EXISTS " + floor + " CASCADE; CREATE SCHEMA " + floor + ";"
				+ "CREATE TABLE " + floor + ".floor_usage AS SELECT " + USAGE_COLUMNS + " FROM " + closeSchema
				+ ".usage_estimate WITH NO DATA;"
				+ "CREATE TABLE " + floor + ".floor_invoice AS SELECT " + INVOICE_COLUMNS + " FROM " + closeSchema
				+ ".invoice_line WITH NO DATA;"
				+ "CREATE TABLE " + floor + ".floor_channel AS SELECT channel_id, waba_id, phone_number_id FROM "
				+ closeSchema + ".channel WITH NO DATA;");
		psql(floor, "\\copy floor_channel FROM '" + channels + "'");
		try {
			double copyUsage = timed(() -> psql(floor, "\\copy floor_usage FROM '" + usage + "'"));
			double copyInvoice = timed(() -> psql(floor, "\\copy floor_invoice FROM '" + invoice + "'"));
			List<String> count = new ArrayList<>();
			// statistics first, as the close refreshes them: planned blind, the join runs for minutes
			double query = timed(() -> {
				psql(floor, "ANALYZE floor_usage; ANALYZE floor_invoice; ANALYZE floor_channel");
				count.addAll(psql(floor, RECONCILE.formatted(month)));
			});
			return new Result(copyUsage, lines(usage), copyInvoice, lines(invoice), query,
					Long.parseLong(count.get(count.size() - 1).strip()));
		}
		finally {
			psql(null, "DROP SCHEMA IF EXISTS " + floor + " CASCADE");
			Files.deleteIfExists(usage);
			Files.deleteIfExists(invoice);
			Files.deleteIfExists(channels);
		}
	}

	@FunctionalInterface
	private interface Work {

		void run() throws IOException, InterruptedException;

	}

	private static double timed(Work work) throws IOException, InterruptedException {
		long started = System.nanoTime();
		work.run();
		return (System.nanoTime() - started) / 1e9;
	}

	private static long lines(Path file) throws IOException {
		try (var lines = Files.lines(file, StandardCharsets.UTF_8)) {
			return lines.count();
		}
	}

	/** Runs one psql command in the given schema; returns what it printed. */
	private List<String> psql(String schema, String command) throws IOException, InterruptedException {
		List<String> args = new ArrayList<>(List.of("psql", "-X", "-q", "-t", "-A", "-v", "ON_ERROR_STOP=1", "-h",
				connection.host(), "-p", String.valueOf(connection.port()), "-U", connection.user(), "-d",
				connection.database(), "-c", command));
		ProcessBuilder builder = new ProcessBuilder(args).redirectErrorStream(true);
		Map<String, String> env = builder.environment();
		if (connection.password() != null) {
			env.put("PGPASSWORD", connection.password()); // never on the command line, where ps shows it
		}
		if (schema != null) {
			env.put("PGOPTIONS", "-c search_path=" + schema);
		}
		Process process = builder.start();
		List<String> output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8).lines()
			.toList();
		if (!process.waitFor(1, TimeUnit.HOURS) || process.exitValue() != 0) {
			throw new IOException("psql failed (" + String.join(" ", output) + ") running: " + abbreviate(command));
		}
		return output;
	}

	private static String abbreviate(String command) {
		return command.length() > 200 ? command.substring(0, 200) + "..." : command;
	}

	/** The parts of a PostgreSQL JDBC URL that psql needs. */
	record Connection(String host, int port, String database, String user, String password, String schema) {

		static Connection parse(String jdbcUrl) {
			if (!jdbcUrl.startsWith("jdbc:postgresql://")) {
				throw new IllegalArgumentException("the floor is measured on PostgreSQL, not on " + jdbcUrl.replaceAll("\\?.*", ""));
			}
			URI uri = URI.create(jdbcUrl.substring("jdbc:".length()));
			Map<String, String> query = new LinkedHashMap<>();
			if (uri.getRawQuery() != null) {
				for (String pair : uri.getRawQuery().split("&")) {
					int eq = pair.indexOf('=');
					if (eq > 0) {
						query.put(pair.substring(0, eq),
								java.net.URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
					}
				}
			}
			String user = query.getOrDefault("user", System.getenv().getOrDefault("PGUSER", "postgres"));
			String password = query.getOrDefault("password", System.getenv("PGPASSWORD"));
			return new Connection(uri.getHost(), uri.getPort() < 0 ? 5432 : uri.getPort(), uri.getPath().substring(1),
					user, password, query.getOrDefault("currentSchema", "public"));
		}

	}

}
