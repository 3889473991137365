package com.wabarecon.launch;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import com.wabarecon.PostgresDatabase;

import org.assertj.core.api.InstanceOfAssertFactories;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * One close of a month at a time on PostgreSQL (a session advisory lock of the close's own
 * connection), with each close a process of its own, as two people or a person and the schedule
 * would start them: a second close of the month is refused with exit code 3, naming the one that
 * runs; a close of another month runs beside it; a close killed with {@code kill -9}, and one that
 * failed, let the month go. A close that must be running while the test starts another waits in
 * its clientsStep ({@link HeldClientRow}). Each test has a schema of its own.
 */
@ExtendWith(PostgresDatabase.class)
class MonthLockPostgresTests {

	static final Duration A_WHILE = Duration.ofSeconds(120);

	@TempDir
	Path dir;

	String url;

	final List<String> created = new ArrayList<>();

	@BeforeEach
	void schema() throws Exception {
		String schema = PostgresDatabase.createSchema();
		created.add(schema);
		url = PostgresDatabase.urlFor(schema);
		CliRun migrated = CliRun.of("status", "--db-url", url);
		assertThat(migrated.exitCode()).as(migrated.err()).isZero();
	}

	@org.junit.jupiter.api.AfterEach
	void dropSchema() throws Exception {
		for (String schema : created) {
			PostgresDatabase.dropSchema(schema);
		}
	}

	@Test
	void aClientCloseStartedWhileTheWholeCloseOfItsMonthRunsIsRefusedWithExitCode3() throws Exception {
		// given: the whole close of September running in a process
		ChildClose whole;
		try (HeldClientRow row = HeldClientRow.hold(url)) {
			whole = close("2025-09");
			whole.awaitWhileRunning("the whole close in its clientsStep", A_WHILE, () -> row.closeWaiting("2025-09", null));

			// when: client c_001's close of September, in another process
			ChildClose client = close("2025-09", "--client", "c_001");

			// then: refused with exit code 3 and one line naming the close that runs
			assertThat(client.waitForExit(A_WHILE)).as(client.describe()).isEqualTo(3);
			assertThat(client.err().lines().toList()).as(client.describe()).singleElement(InstanceOfAssertFactories.STRING)
				.startsWith("close 2025-09, client c_001: a close of 2025-09 is running: execution 1 (all clients), started ")
				.contains(", process " + whole.pid() + " on host ")
				.endsWith("; this one was not started (one close of a month at a time, whole or by client)");
			assertThat(PostgresDatabase.query(url, "SELECT COUNT(*) FROM batch_job_execution")).containsExactly("1");
		}
		// and the whole close goes on to the end
		assertThat(whole.waitForExit(A_WHILE)).as(whole.describe()).isZero();
	}

	@Test
	void closesOfTwoMonthsInTwoProcessesRunSideBySide() throws Exception {
		ChildClose september;
		ChildClose june;
		try (HeldClientRow row = HeldClientRow.hold(url)) {
			// given: September's close running
			september = close("2025-09");
			september.awaitWhileRunning("September's close in its clientsStep", A_WHILE, () -> row.closeWaiting("2025-09", null));

			// when: June's close starts in another process
			june = close("2025-06");

			// then: it runs while September's does
			june.awaitWhileRunning("June's close in its clientsStep", A_WHILE, () -> row.closeWaiting("2025-06", null));
			assertThat(september.isRunning()).isTrue();
		}
		assertThat(september.waitForExit(A_WHILE)).as(september.describe()).isZero();
		assertThat(june.waitForExit(A_WHILE)).as(june.describe()).isZero();
	}

	@Test
	void aCloseKilledWithKill9LetsItsMonthGo() throws Exception {
		// given: September's close killed while it runs
		try (HeldClientRow row = HeldClientRow.hold(url)) {
			ChildClose killed = close("2025-09");
			killed.awaitWhileRunning("the close in its clientsStep", A_WHILE, () -> row.closeWaiting("2025-09", null));
			killed.kill();
		}

		// when: client c_001's close of September, then the whole close again
		ChildClose client = close("2025-09", "--client", "c_001");
		int clientExit = client.waitForExit(A_WHILE);
		ChildClose again = close("2025-09");

		// then: the month was free for both; the killed run is resumed
		assertThat(clientExit).as(client.describe()).isZero();
		assertThat(again.waitForExit(A_WHILE)).as(again.describe()).isZero();
		assertThat(again.out()).contains("left running by a process that is gone", "2025-09, all clients · STOPPED after import");
	}

	@Test
	void aCloseThatFailedLetsItsMonthGo() throws Exception {
		// given: September's close failed on a clients.csv without its locale column
		Path inbox = dir.resolve("inbox");
		copy(Path.of("sample-invoices"), inbox);
		Path clients = inbox.resolve("directory/clients.csv");
		Files.copy(clients, dir.resolve("clients.csv"));
		Files.writeString(clients, "client_id,name,billing_emails,statement_currency\nc_001,A,a@one.example,EUR\n",
				StandardCharsets.UTF_8);
		CliRun failed = CliRun.of("close", "--month", "2025-09", "--until", "import", "--inbox", inbox.toString(), "--out",
				dir.resolve("out").toString(), "--db-url", url);
		assertThat(failed.exitCode()).as(failed.out()).isEqualTo(1);

		// when: the file is put right and the close started again
		Files.copy(dir.resolve("clients.csv"), clients, StandardCopyOption.REPLACE_EXISTING);
		CliRun again = CliRun.of("close", "--month", "2025-09", "--db-url", url);

		// then: the month was free; the failed run resumed
		assertThat(again.exitCode()).as(again.err()).isZero();
		assertThat(again.out()).contains("execution 2 · 2025-09, all clients · STOPPED after import");
	}

	/** A close of the sample inbox's month, up to the import, as a process of its own. */
	private ChildClose close(String month, String... options) throws Exception {
		List<String> args = new ArrayList<>(List.of("close", "--month", month, "--until", "import", "--inbox",
				"sample-invoices", "--out", dir.resolve("out").toString(), "--db-url", url));
		args.addAll(List.of(options));
		return ChildClose.start(dir, Map.of(), args.toArray(String[]::new));
	}

	private static void copy(Path from, Path to) throws Exception {
		try (Stream<Path> files = Files.walk(from)) {
			for (Path file : files.filter(Files::isRegularFile).toList()) {
				Path target = to.resolve(from.relativize(file).toString());
				Files.createDirectories(target.getParent());
				Files.copy(file, target);
			}
		}
	}

}
