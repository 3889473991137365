package com.wabarecon.launch;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.assertj.core.api.InstanceOfAssertFactories;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Closes as processes of their own on the embedded H2 file database, which one process at a time
 * can open: a second close started while one runs is refused with exit code 3 and says why; a
 * close killed with {@code kill -9} lets the database and its month go, and the same close
 * started again resumes it. The running close is held still with SIGSTOP while the test starts
 * the second (it keeps the database open meanwhile).
 */
class EmbeddedDatabaseProcessTests {

	static final Duration A_WHILE = Duration.ofSeconds(120);

	@TempDir
	Path dir;

	String dbUrl;

	@BeforeEach
	void database() {
		dbUrl = "jdbc:h2:file:" + dir.resolve("db/recon") + ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH";
	}

	@Test
	void aClientCloseStartedWhileTheWholeCloseRunsOnTheEmbeddedDatabaseIsRefusedWithExitCode3() throws Exception {
		// given: the whole close of September running, held still
		ChildClose whole = close("--until", "import");
		whole.awaitWhileRunning("the close's first step", A_WHILE,
				() -> whole.log().contains("Executing step: [clientsStep]"));
		whole.pause();

		// when: client c_001's close of September, in another process
		ChildClose client;
		int exitCode;
		try {
			client = close("--until", "import", "--client", "c_001");
			exitCode = client.waitForExit(A_WHILE);
		}
		finally {
			whole.resume();
		}

		// then: refused with exit code 3 and one line saying why
		assertThat(exitCode).as(client.describe()).isEqualTo(3);
		assertThat(client.err().lines().toList()).as(client.describe()).singleElement(InstanceOfAssertFactories.STRING)
			.isEqualTo("recon close: refused: the embedded database " + dir.resolve("db/recon.mv.db") + " is open in "
					+ "another recon process, and one process at a time can open it: wait for the other to end, or use "
					+ "PostgreSQL (--db-url), where closes of different months run side by side");
		// and the whole close goes on to the end
		assertThat(whole.waitForExit(A_WHILE)).as(whole.describe()).isZero();
		assertThat(whole.out()).contains("2025-09, all clients · STOPPED after import");
	}

	@Test
	void aCloseKilledWithKill9OnTheEmbeddedDatabaseLetsItsMonthGo() throws Exception {
		// given: a close killed in its usage import, a second after it began (H2 has written the
		// run's records to its file by then: it writes committed changes within half a second)
		ChildClose killed = close();
		long[] seen = { 0 };
		killed.awaitWhileRunning("a second into the usage import", A_WHILE, () -> {
			if (seen[0] == 0 && killed.log().contains("Executing step: [usageImportStep]")) {
				seen[0] = System.nanoTime();
			}
			return seen[0] != 0 && System.nanoTime() - seen[0] > Duration.ofSeconds(1).toNanos();
		});
		killed.kill();

		// when: the same close again
		ChildClose again = close();

		// then: the database and the month were free; the killed run is resumed
		assertThat(again.waitForExit(A_WHILE)).as(again.describe()).isZero();
		assertThat(again.out()).contains("left running by a process that is gone", "2025-09, all clients · COMPLETED")
			.doesNotContain("clientsStep");
	}

	/** A close of the sample month as a process of its own, emailing nothing. */
	private ChildClose close(String... options) throws Exception {
		List<String> args = new ArrayList<>(List.of("close", "--month", "2025-09", "--dry-run", "--inbox",
				"sample-invoices", "--out", dir.resolve("out").toString(), "--db-url", dbUrl));
		args.addAll(List.of(options));
		return ChildClose.start(dir, Map.of(), args.toArray(String[]::new));
	}

}
