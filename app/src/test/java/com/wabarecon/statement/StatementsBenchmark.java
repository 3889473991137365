package com.wabarecon.statement;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Date;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import com.wabarecon.PostgresDatabase;
import com.wabarecon.ReconProperties;
import com.wabarecon.usage.MonthPartitions;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.step.StepExecution;
import org.springframework.batch.test.JobOperatorTestUtils;
import org.springframework.batch.test.context.SpringBatchTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.util.FileSystemUtils;

/**
 * Renders a generated month of {@code benchmark.clients} clients (1,000 by default; 3 channels,
 * 4 categories, a day of estimates per channel and category, an adjustment and a tax each, and a
 * previous month) through the real statements step, and prints the clients, the seconds,
 * statements (PDF + XLSX) per second, the peak heap used and the threads. The database is an H2
 * file; {@code -Dbenchmark.db=postgres} a schema of its own on the test PostgreSQL
 * ({@link PostgresDatabase}), or {@code benchmark.db-url} any JDBC URL. Not part of the normal
 * suite:
 *
 * <pre>
 * ./mvnw -B test -Dtest=StatementsBenchmark -Dbenchmark=true
 * ./mvnw -B test -Dtest=StatementsBenchmark -Dbenchmark=true -Dbenchmark.db=postgres -Dbenchmark.clients=13000 -DargLine=-Xmx1g
 * </pre>
 */
@EnabledIfSystemProperty(named = "benchmark", matches = "true")
@SpringBatchTest
@SpringBootTest
class StatementsBenchmark {

	static final String MONTH = "2025-09";

	static final int CLIENTS = Integer.getInteger("benchmark.clients", 1_000);

	/** Clients generated per batch of inserts: the rows of all 13,000 would not fit a 1 GB heap. */
	static final int CLIENTS_PER_BATCH = 250;

	static final String[] CATEGORIES = { "MARKETING", "UTILITY", "AUTHENTICATION", "SERVICE" };

	static final String[] STATUSES = { "MATCHED", "MATCHED", "WITHIN_TOLERANCE", "OVER_INVOICED" };

	static final Path WORK = temporaryFolder();

	static final boolean POSTGRES = "postgres".equals(System.getProperty("benchmark.db"));

	static String schema;

	@Autowired
	JobOperatorTestUtils jobOperatorTestUtils;

	@Autowired
	JdbcTemplate jdbc;

	@Autowired
	MonthPartitions months;

	@Autowired
	ReconProperties properties;

	@DynamicPropertySource
	static void database(DynamicPropertyRegistry registry) {
		registry.add("spring.datasource.url", () -> {
			if (System.getProperty("benchmark.db-url") != null) {
				return System.getProperty("benchmark.db-url");
			}
			if (POSTGRES) {
				try {
					schema = schema != null ? schema : PostgresDatabase.createSchema();
				}
				catch (SQLException ex) {
					throw new IllegalStateException(ex);
				}
				return PostgresDatabase.urlFor(schema) + "&reWriteBatchedInserts=true";
			}
			return "jdbc:h2:file:" + WORK.resolve("db/recon").toAbsolutePath()
					+ ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH";
		});
	}

	@AfterAll
	static void deleteGeneratedData() throws Exception {
		FileSystemUtils.deleteRecursively(WORK);
		if (schema != null) {
			PostgresDatabase.dropSchema(schema);
		}
	}

	@Test
	void rendersAMonthOfStatements() throws Exception {
		generate();
		Path out = WORK.resolve("out");
		System.gc();
		HeapPeak heap = HeapPeak.start();
		var os = (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
		long cpu = os.getProcessCpuTime();

		long start = System.nanoTime();
		StepExecution step = StatementStepRuns.render(jobOperatorTestUtils, out, MONTH, null);
		double seconds = (System.nanoTime() - start) / 1e9;
		long peak = heap.stop();
		double cpuSeconds = (os.getProcessCpuTime() - cpu) / 1e9;

		assertThat(step.getStatus()).isEqualTo(BatchStatus.COMPLETED);
		assertThat(step.getWriteCount()).isEqualTo(CLIENTS);
		long bytes;
		try (var files = Files.walk(out)) {
			bytes = files.filter(Files::isRegularFile).mapToLong(path -> path.toFile().length()).sum();
		}
		System.out.printf("statements benchmark (%s): %,d clients (PDF + XLSX each) in %.1f s: %.1f statements/s; "
				+ "process CPU %.1f ms per statement; peak heap used %,d MB of max %,d MB; %d threads, %d partitions, "
				+ "%d cores; %,d MB written%n",
				POSTGRES ? "PostgreSQL" : "H2 file", CLIENTS, seconds, CLIENTS / seconds, cpuSeconds * 1000 / CLIENTS,
				peak / (1024 * 1024),
				Runtime.getRuntime().maxMemory() / (1024 * 1024), properties.statement().threads(),
				properties.statement().partitions(), Runtime.getRuntime().availableProcessors(),
				bytes / (1024 * 1024));
	}

	/** The most heap used while it runs, sampled every 20 ms (garbage not yet collected included). */
	private static final class HeapPeak implements Runnable {

		private final MemoryMXBean memory = ManagementFactory.getMemoryMXBean();

		private final Thread thread = new Thread(this, "heap-peak");

		private volatile boolean running = true;

		private volatile long peak;

		static HeapPeak start() {
			HeapPeak sampler = new HeapPeak();
			sampler.thread.setDaemon(true);
			sampler.thread.start();
			return sampler;
		}

		@Override
		public void run() {
			while (running) {
				peak = Math.max(peak, memory.getHeapMemoryUsage().getUsed());
				try {
					Thread.sleep(20);
				}
				catch (InterruptedException ex) {
					return;
				}
			}
		}

		long stop() throws InterruptedException {
			running = false;
			thread.join();
			return Math.max(peak, memory.getHeapMemoryUsage().getUsed());
		}

	}

	private void generate() {
		for (String table : new String[] { "statement_file", "recon_line", "invoice_line", "usage_estimate", "channel",
				"waba", "client" }) {
			jdbc.update("DELETE FROM " + table);
		}
		months.prepare(MONTH);
		months.dropIndex(MONTH);
		for (int first = 0; first < CLIENTS; first += CLIENTS_PER_BATCH) {
			generate(first, Math.min(CLIENTS, first + CLIENTS_PER_BATCH));
		}
		months.buildIndex(MONTH); // as the usage import leaves it
		jdbc.execute("ANALYZE"); // the planner sees the generated month as it would a real one
	}

	private void generate(int firstClient, int endClient) {
		Timestamp now = Timestamp.from(Instant.now());
		List<Object[]> clients = new ArrayList<>();
		List<Object[]> wabas = new ArrayList<>();
		List<Object[]> channels = new ArrayList<>();
		List<Object[]> lines = new ArrayList<>();
		List<Object[]> charges = new ArrayList<>();
		List<Object[]> days = new ArrayList<>();
		String[] locales = { "de-DE", "en-IN", "pt-BR", "en-US", "el-GR", "ru-RU" };
		for (int c = firstClient; c < endClient; c++) {
			String client = String.format("c_%05d", c);
			String waba = String.valueOf(100_000_000_000_000L + c);
			clients.add(new Object[] { client, "Client " + c + " GmbH", "EUR", locales[c % locales.length], now });
			wabas.add(new Object[] { waba, client, now });
			for (int h = 0; h < 3; h++) {
				String channel = client + "_" + h;
				String phone = String.valueOf(200_000_000_000_000L + c * 10L + h);
				String display = String.valueOf(4930_000_000L + c * 10L + h);
				channels.add(new Object[] { channel, client, waba, phone, display, now });
				for (int k = 0; k < CATEGORIES.length; k++) {
					long volume = 100L * (k + 1) * (h + 1);
					BigDecimal amount = k == 3 ? BigDecimal.ZERO : BigDecimal.valueOf(volume * 55, 3);
					String status = STATUSES[(c + h + k) % STATUSES.length];
					BigDecimal invoiced = status.equals("OVER_INVOICED") ? amount.add(BigDecimal.ONE) : amount;
					for (String month : new String[] { "2025-08", MONTH }) {
						lines.add(new Object[] { month, client, waba, phone, channel, display, CATEGORIES[k], volume,
								volume, amount, invoiced, invoiced.subtract(amount), status,
								status.equals("MATCHED") ? null : "rate differs from the rate card" });
					}
					for (int d = 1; d <= 30; d++) {
						days.add(new Object[] { MONTH, channel, client, Date.valueOf(LocalDate.of(2025, 9, d)),
								CATEGORIES[k], k == 3 ? "FREE_CUSTOMER_SERVICE" : "REGULAR", volume / 30,
								k == 3 ? BigDecimal.ZERO : BigDecimal.valueOf(volume / 30 * 55, 3) });
					}
				}
			}
			charges.add(new Object[] { MONTH, "INV-" + c, waba, "ADJUSTMENT", new BigDecimal("-2.10") });
			charges.add(new Object[] { MONTH, "INV-" + c, waba, "TAX", new BigDecimal("34.00") });
		}
		jdbc.batchUpdate("""
				INSERT INTO client (client_id, name, billing_emails, statement_currency, locale, source_file, source_line, updated_at)
				VALUES (?, ?, 'a@b.example', ?, ?, 'clients.csv', 1, ?)""", clients);
		jdbc.batchUpdate("""
				INSERT INTO waba (waba_id, client_id, waba_timezone, waba_currency, updated_at)
				VALUES (?, ?, 'Europe/Berlin', 'EUR', ?)""", wabas);
		jdbc.batchUpdate("""
				INSERT INTO channel (channel_id, client_id, waba_id, phone_number_id, display_phone_number, waba_timezone,
				    waba_currency, source_file, source_line, updated_at)
				VALUES (?, ?, ?, ?, ?, 'Europe/Berlin', 'EUR', 'channels.csv', 1, ?)""", channels);
		jdbc.batchUpdate("""
				INSERT INTO recon_line (billing_month, client_id, waba_id, phone_number_id, channel_id, display_phone_number,
				    category, currency, estimated_volume, invoiced_volume, volume_delta, estimated_amount, invoiced_amount,
				    amount_delta, estimated_free_volume, invoiced_free_volume, status, reason, invoice_ids)
				VALUES (?, ?, ?, ?, ?, ?, ?, 'EUR', ?, ?, 0, ?, ?, ?, 0, 0, ?, ?, 'INV-1')""", lines);
		jdbc.batchUpdate("""
				INSERT INTO invoice_line (billing_month, invoice_id, period_start, period_end, waba_id, line_type, amount,
				    currency, source_file, source_line)
				VALUES (?, ?, DATE '2025-09-01', DATE '2025-09-30', ?, ?, ?, 'EUR', 'invoice.csv', 1)""", charges);
		jdbc.batchUpdate("""
				INSERT INTO usage_estimate (billing_month, channel_id, client_id, local_date, pricing_category, pricing_type,
				    volume, cost, currency, cost_source, source_kind, counts_as_estimate, source_file)
				VALUES (?, ?, ?, ?, ?, ?, ?, ?, 'EUR', 'SOURCE', 'EXPORT', TRUE, 'usage.json')""", days);
	}

	private static Path temporaryFolder() {
		try {
			return Files.createTempDirectory("statements-benchmark");
		}
		catch (IOException ex) {
			throw new IllegalStateException(ex);
		}
	}

}
