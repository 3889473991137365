package com.wabarecon.launch;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetupTest;
import com.wabarecon.BusyMonth;
import com.wabarecon.PostgresDatabase;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 9's interruptions of a real close, each a child process on PostgreSQL with its own
 * schema and output folder, sending its emails to an SMTP server in this JVM: killed with
 * {@code kill -9} in the middle of the usage import, and in the middle of the statements. After
 * the close is started again, its result is the uninterrupted close's: the same reconciliation
 * CSV byte for byte, the same rejects, the same files, the same input file counts and
 * estimates, and exactly one email per client.
 * <p>
 * The inbox is {@link BusyMonth}: the sample month plus {@value #CLIENTS} generated clients,
 * enough for the usage import and the statements to take seconds, so that the kill lands inside
 * them. When it does not (the step ended before the kill), the test fails and says so.
 */
@ExtendWith(PostgresDatabase.class)
class InterruptedCloseTests {

	static final int CLIENTS = 10;

	static final Duration A_CLOSE = Duration.ofSeconds(180);

	@TempDir
	static Path dir;

	static Path inbox;

	static GreenMail smtp;

	static final List<String> SCHEMAS = new ArrayList<>();

	/** What the uninterrupted close gave. */
	static Close reference;

	static Map<String, Integer> referenceEmails;

	@BeforeAll
	static void closeWithoutInterruption() throws Exception {
		inbox = BusyMonth.write(dir.resolve("inbox"), CLIENTS);
		smtp = new GreenMail(ServerSetupTest.SMTP.dynamicPort());
		smtp.start();
		reference = new Close("uninterrupted");
		ChildClose close = reference.start();
		assertThat(close.waitForExit(A_CLOSE)).as(close.describe()).isZero();
		referenceEmails = emailsPerClient();
		assertThat(referenceEmails).as("one email per client").hasSize(CLIENTS + 6).allSatisfy((client, emails) -> assertThat(emails).isOne());
	}

	@AfterAll
	static void cleanUp() throws Exception {
		if (smtp != null) {
			smtp.stop();
		}
		for (String schema : SCHEMAS) {
			PostgresDatabase.dropSchema(schema);
		}
	}

	@BeforeEach
	void noEmailYet() throws Exception {
		smtp.purgeEmailFromAllMailboxes();
	}

	@Test
	void aCloseKilledDuringTheUsageImportEndsAsIfUninterruptedWhenStartedAgain() throws Exception {
		// given: a close killed while it loads the usage exports
		Close interrupted = new Close("killed-in-usage-import");
		ChildClose close = interrupted.start();
		close.awaitWhileRunning("usage rows loaded while usageExportsStep runs", A_CLOSE,
				() -> interrupted.stepRunning("usageExportsStep") && interrupted.count("SELECT COUNT(*) FROM usage_estimate") > 0);
		close.kill();
		assertThat(interrupted.query("SELECT status FROM batch_step_execution WHERE step_name = 'usageExportsStep'"))
			.as("the kill landed in the usage import").containsExactly("STARTED");
		assertThat(interrupted.count("SELECT COUNT(*) FROM usage_estimate"))
			.as("the kill landed in the usage import: part of the rows loaded")
			.isBetween(1L, reference.count("SELECT COUNT(*) FROM usage_estimate") - 1);

		// when: the same close again
		ChildClose again = interrupted.start();

		// then: the killed run is recognised, marked failed and resumed at the usage import
		assertThat(again.waitForExit(A_CLOSE)).as(again.describe()).isZero();
		assertThat(again.out()).contains("left running by a process that is gone", "usageExportsStep", "deliveryStep")
			.doesNotContain("clientsStep");
		assertSameResultAsUninterrupted(interrupted);
	}

	@Test
	void aCloseKilledWhileItWritesTheStatementsEndsAsIfUninterruptedWhenRestarted() throws Exception {
		// given: a close killed when some clients' statements are written and others not yet
		Close interrupted = new Close("killed-in-statements");
		ChildClose close = interrupted.start();
		close.awaitWhileRunning("statements written while statementsStep runs", A_CLOSE,
				() -> interrupted.stepRunning("statementsStep") && interrupted.count("SELECT COUNT(*) FROM statement_file") > 0);
		close.kill();
		assertThat(interrupted.query("SELECT status FROM batch_step_execution WHERE step_name = 'statementsStep'"))
			.as("the kill landed in the statements").containsExactly("STARTED");
		assertThat(interrupted.count("SELECT COUNT(*) FROM statement_file"))
			.as("the kill landed in the statements: some clients' written, not all").isBetween(1L, CLIENTS + 5L);
		long executionId = Long.parseLong(interrupted.query("SELECT MAX(job_execution_id) FROM batch_job_execution").get(0));

		// when: that execution is restarted
		ChildClose restart = ChildClose.start(dir, interrupted.environment(), "restart", Long.toString(executionId),
				"--db-url", interrupted.url);

		// then: it resumes at the statements
		assertThat(restart.waitForExit(A_CLOSE)).as(restart.describe()).isZero();
		assertThat(restart.out()).contains("resumed and completed", "statementsStep", "deliveryStep")
			.doesNotContain("usageExportsStep", "reconcileLinesStep");
		assertSameResultAsUninterrupted(interrupted);
	}

	@Test
	void aCloseWhosePostgresRestartsFailsSayingSoAndEndsAsIfUninterruptedWhenStartedAgain() throws Exception {
		assumePostgresCanBeRestarted();
		// given: a close loading the usage exports
		Close interrupted = new Close("database-restarted");
		ChildClose close = interrupted.start();
		close.awaitWhileRunning("usage rows loaded while usageExportsStep runs", A_CLOSE,
				() -> interrupted.stepRunning("usageExportsStep") && interrupted.count("SELECT COUNT(*) FROM usage_estimate") > 0);

		// when: the PostgreSQL server restarts under it
		restartPostgres();

		// then: the close fails, saying in one line that it lost its database, with no stack trace
		assertThat(close.waitForExit(A_CLOSE)).as(close.describe()).isEqualTo(1);
		assertThat(close.err().lines().toList()).as(close.describe())
			.singleElement(org.assertj.core.api.InstanceOfAssertFactories.STRING)
			.startsWith("close 2025-09, all clients: the database connection was lost (");
		assertThat(close.out() + close.err()).as("no stack trace").doesNotContainPattern("\\n\\s+at [\\w$.]+\\(")
			.doesNotContain("Caused by:");

		// and when: the same close again
		ChildClose again = interrupted.start();

		// then: resumed in the usage import, whichever of its steps the restart landed in (the
		// usage exports may end while PostgreSQL shuts down, and the statistics beside the webhook
		// count then lose their ending: UNKNOWN, marked failed before resuming)
		assertThat(again.waitForExit(A_CLOSE)).as(again.describe()).isZero();
		assertThat(again.out()).contains("usageImportStep", "deliveryStep").doesNotContain("clientsStep");
		assertSameResultAsUninterrupted(interrupted);
	}

	private static void assertSameResultAsUninterrupted(Close close) throws Exception {
		CloseResults.assertSame(close.result(), reference.result());
		assertThat(emailsPerClient()).isEqualTo(referenceEmails);
	}

	private static java.util.Map<String, Integer> emailsPerClient() throws Exception {
		return CloseResults.emailsPerClient(smtp);
	}

	/**
	 * Restarts the local PostgreSQL server (fast shutdown: the sessions are cut off), then waits
	 * until it accepts connections again, starting it if the restart left it down: the tests
	 * after this one need it.
	 */
	private static void restartPostgres() throws Exception {
		String startedBefore = postgresStartTime();
		String output = "";
		try {
			output = pgCtlCluster("restart");
		}
		finally {
			if (!postgresAccepts(Duration.ofSeconds(30))) {
				pgCtlCluster("start");
				assertThat(postgresAccepts(Duration.ofSeconds(60))).as("PostgreSQL accepts connections again").isTrue();
			}
		}
		assertThat(postgresStartTime()).as("PostgreSQL restarted: " + output).isNotEqualTo(startedBefore);
	}

	private static String postgresStartTime() throws Exception {
		return PostgresDatabase.query(PostgresDatabase.urlFor("public"), "SELECT pg_postmaster_start_time()").get(0);
	}

	private static boolean postgresAccepts(Duration timeout) throws InterruptedException {
		long deadline = System.nanoTime() + timeout.toNanos();
		while (System.nanoTime() < deadline) {
			try (var connection = java.sql.DriverManager.getConnection(PostgresDatabase.URL, PostgresDatabase.USER, "")) {
				if (connection.isValid(2)) {
					return true;
				}
			}
			catch (java.sql.SQLException ex) {
				// not yet
			}
			Thread.sleep(200);
		}
		return false;
	}

	private static String pgCtlCluster(String action) throws Exception {
		Process process = new ProcessBuilder("pg_ctlcluster", "--skip-systemctl-redirect", postgresVersion(), "main", action)
			.redirectErrorStream(true)
			.start();
		String output = new String(process.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
		process.waitFor();
		return output;
	}

	private static String postgresVersion() throws Exception {
		try (Stream<Path> versions = Files.list(Path.of("/etc/postgresql"))) {
			return versions.map(version -> version.getFileName().toString()).sorted().findFirst().orElseThrow();
		}
	}

	/**
	 * Restarting the server takes root, Debian's pg_ctlcluster and the server being this machine's
	 * (as on CI). Without them the test is skipped with a message, except with {@code CI=true},
	 * where it fails: CI must prove it.
	 */
	private static void assumePostgresCanBeRestarted() {
		String problem = null;
		if (!"root".equals(System.getProperty("user.name"))) {
			problem = "the tests do not run as root";
		}
		else if (!Files.isDirectory(Path.of("/etc/postgresql")) || !Files.isExecutable(Path.of("/usr/bin/pg_ctlcluster"))) {
			problem = "there is no pg_ctlcluster and /etc/postgresql";
		}
		else if (!PostgresDatabase.URL.matches("jdbc:postgresql://(127\\.0\\.0\\.1|localhost):5432/.*")) {
			problem = "the test database " + PostgresDatabase.URL + " is not this machine's server on port 5432";
		}
		if (problem == null) {
			return;
		}
		String message = "PostgreSQL cannot be restarted by the test: " + problem;
		if ("true".equalsIgnoreCase(System.getenv("CI"))) {
			org.assertj.core.api.Assertions.fail("CI=true: " + message);
		}
		System.err.println("SKIPPED " + message);
		org.junit.jupiter.api.Assumptions.abort(message);
	}

	/** One close of the busy month: its schema, its output folder. */
	static final class Close {

		final String url;

		final Path out;

		Close(String name) throws Exception {
			String schema = PostgresDatabase.createSchema();
			SCHEMAS.add(schema);
			this.url = PostgresDatabase.urlFor(schema);
			this.out = dir.resolve(name);
		}

		ChildClose start() throws Exception {
			return ChildClose.start(dir, environment(), "close", "--month", BusyMonth.MONTH, "--inbox", inbox.toString(),
					"--out", out.toString(), "--db-url", url);
		}

		/**
		 * SMTP to this JVM's server; statements committed two clients at a time and usage rows
		 * 1,000 at a time, so that a kill finds some written and some not.
		 */
		Map<String, String> environment() {
			return Map.of("SPRING_MAIL_HOST", "127.0.0.1", "SPRING_MAIL_PORT", Integer.toString(smtp.getSmtp().getPort()),
					"RECON_STATEMENT_CHUNKSIZE", "2", "RECON_IMPORT_BULKCHUNKSIZE", "1000");
		}

		boolean stepRunning(String step) throws Exception {
			return query("SELECT status FROM batch_step_execution WHERE step_name = '" + step + "'").contains("STARTED");
		}

		long count(String sql) throws Exception {
			return Long.parseLong(query(sql).get(0));
		}

		List<String> query(String sql) throws Exception {
			return PostgresDatabase.query(url, sql);
		}

		CloseResults.Result result() {
			return new CloseResults.Result(out, url);
		}

	}

}
