package com.wabarecon.launch;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import com.wabarecon.Stage;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * One close of a month at a time, whole or by client, on H2 (the month's row of
 * {@code close_lock} locked by the close that runs): a second close of the month is refused,
 * naming the one that runs, whether started by hand, restarted or fired by the schedule; a close
 * of another month runs beside it; a close that failed lets the month go. Each close that must
 * be running while the test starts another waits in its clientsStep ({@link HeldClientRow}).
 * Each test closes months of its own: they share the database.
 */
@LauncherTest
class ConcurrentCloseTests {

	static final String URL = LauncherTest.URL;

	static final Duration A_WHILE = Duration.ofSeconds(60);

	@Autowired
	CloseLauncher launcher;

	@Autowired
	ScheduledClose scheduledClose;

	@TempDir
	Path out;

	@Test
	void aClientCloseOfAMonthWhoseWholeCloseRunsIsRefusedNamingIt() throws Exception {
		// given: the whole close of September running
		CompletableFuture<CloseOutcome> whole;
		try (HeldClientRow row = HeldClientRow.hold(URL)) {
			whole = CompletableFuture.supplyAsync(() -> launcher.launch(request("2025-09", null)));
			row.awaitCloseWaiting("2025-09", null, A_WHILE);
			long running = lastExecutionId();

			// when: one client's close of September, and the scheduled close of September
			CloseOutcome client = launcher.launch(request("2025-09", "c_001"));
			CloseOutcome scheduled = scheduledClose.fire(Clock.fixed(Instant.parse("2025-10-03T06:00:00Z"), ZoneOffset.UTC));

			// then: both refused, naming the close that runs; neither recorded a run
			assertThat(client.kind()).as(client.message()).isEqualTo(CloseOutcome.Kind.REFUSED);
			assertThat(client.kind().exitCode).isEqualTo(3);
			assertThat(client.message()).startsWith("a close of 2025-09 is running: execution " + running
					+ " (all clients), started ")
				.endsWith("; this one was not started (one close of a month at a time, whole or by client)");
			assertThat(scheduled.kind()).as(scheduled.message()).isEqualTo(CloseOutcome.Kind.REFUSED);
			assertThat(scheduled.message()).startsWith("a close of 2025-09 is running: execution " + running);
			assertThat(lastExecutionId()).isEqualTo(running);
		}
		// and the whole close goes on to the end
		CloseOutcome outcome = whole.get(120, TimeUnit.SECONDS);
		assertThat(outcome.kind()).as(outcome.message()).isEqualTo(CloseOutcome.Kind.STOPPED);
	}

	@Test
	void aWholeCloseOfAMonthWhoseClientCloseRunsIsRefusedNamingIt() throws Exception {
		// given: client c_001's close of October running
		CompletableFuture<CloseOutcome> client;
		try (HeldClientRow row = HeldClientRow.hold(URL)) {
			client = CompletableFuture.supplyAsync(() -> launcher.launch(request("2025-10", "c_001")));
			row.awaitCloseWaiting("2025-10", "c_001", A_WHILE);
			long running = lastExecutionId();

			// when
			CloseOutcome whole = launcher.launch(request("2025-10", null));

			// then
			assertThat(whole.kind()).as(whole.message()).isEqualTo(CloseOutcome.Kind.REFUSED);
			assertThat(whole.message()).startsWith("a close of 2025-10 is running: execution " + running
					+ " (client c_001), started ");
			assertThat(lastExecutionId()).isEqualTo(running);
		}
		CloseOutcome outcome = client.get(120, TimeUnit.SECONDS);
		assertThat(outcome.kind()).as(outcome.message()).isEqualTo(CloseOutcome.Kind.STOPPED);
	}

	@Test
	void aRestartOfAFailedCloseOfAMonthWhoseCloseRunsIsRefused() throws Exception {
		// given: client c_001's close of June failed (its clients.csv lacks a column) ...
		CloseOutcome failed = launcher.launch(new CloseRequest(YearMonth.parse("2025-06"), "c_001", false,
				Path.of("app/src/test/resources/inboxes/missing-column"), out, true, false, null, null, null, null, null, null, null));
		assertThat(failed.kind()).as(failed.message()).isEqualTo(CloseOutcome.Kind.FAILED);
		CompletableFuture<CloseOutcome> whole;
		try (HeldClientRow row = HeldClientRow.hold(URL)) {
			// ... and the whole close of June runs
			whole = CompletableFuture.supplyAsync(() -> launcher.launch(request("2025-06", null)));
			row.awaitCloseWaiting("2025-06", null, A_WHILE);
			long running = lastExecutionId();

			// when
			CloseOutcome restart = launcher.restart(failed.execution().getId());

			// then
			assertThat(restart.kind()).as(restart.message()).isEqualTo(CloseOutcome.Kind.REFUSED);
			assertThat(restart.message()).startsWith("a close of 2025-06 is running: execution " + running + " (all clients)");
			assertThat(lastExecutionId()).isEqualTo(running);
		}
		CloseOutcome outcome = whole.get(120, TimeUnit.SECONDS);
		assertThat(outcome.kind()).as(outcome.message()).isEqualTo(CloseOutcome.Kind.STOPPED);
	}

	@Test
	void closesOfTwoMonthsRunSideBySide() throws Exception {
		// given: July's close running
		CompletableFuture<CloseOutcome> july;
		CompletableFuture<CloseOutcome> august;
		try (HeldClientRow row = HeldClientRow.hold(URL)) {
			july = CompletableFuture.supplyAsync(() -> launcher.launch(request("2025-07", null)));
			row.awaitCloseWaiting("2025-07", null, A_WHILE);

			// when: August's close starts
			august = CompletableFuture.supplyAsync(() -> launcher.launch(request("2025-08", null)));

			// then: it runs while July's does
			row.awaitCloseWaiting("2025-08", null, A_WHILE);
			assertThat(july).isNotDone();
		}
		CloseOutcome julyOutcome = july.get(120, TimeUnit.SECONDS);
		CloseOutcome augustOutcome = august.get(120, TimeUnit.SECONDS);
		assertThat(julyOutcome.kind()).as(julyOutcome.message()).isEqualTo(CloseOutcome.Kind.STOPPED);
		assertThat(augustOutcome.kind()).as(augustOutcome.message()).isEqualTo(CloseOutcome.Kind.STOPPED);
	}

	@Test
	void aCloseThatFailedLetsItsMonthGo() throws Exception {
		// given: May's close failed, its inbox's directory lacking a column
		Path inbox = out.resolve("inbox");
		copy(Path.of("sample-invoices"), inbox);
		copy(Path.of("app/src/test/resources/inboxes/missing-column/directory"), inbox.resolve("directory"));
		CloseOutcome failed = launcher.launch(new CloseRequest(YearMonth.parse("2025-05"), null, false, inbox, out, true,
				false, Stage.IMPORT, null, null, null, null, null, null));
		assertThat(failed.kind()).as(failed.message()).isEqualTo(CloseOutcome.Kind.FAILED);

		// when: the file is put right and the close started again
		copy(Path.of("sample-invoices/directory"), inbox.resolve("directory"));
		CloseOutcome again = launcher.launch(new CloseRequest(YearMonth.parse("2025-05"), null, false, inbox, out, true,
				false, Stage.IMPORT, null, null, null, null, null, null));

		// then: the month was free; the close resumed the failed run
		assertThat(again.kind()).as(again.message()).isEqualTo(CloseOutcome.Kind.STOPPED);
		assertThat(again.execution().getJobInstanceId()).isEqualTo(failed.execution().getJobInstanceId());
	}

	private CloseRequest request(String month, String client) {
		// empty months: the close stops after its import, before the guard that would refuse it
		return new CloseRequest(YearMonth.parse(month), client, false, Path.of("sample-invoices"), out, true, false,
				Stage.IMPORT, null, null, null, null, null, null);
	}

	private static long lastExecutionId() throws Exception {
		try (Connection connection = HeldClientRow.connect(URL); Statement statement = connection.createStatement();
				ResultSet rs = statement.executeQuery("SELECT MAX(job_execution_id) FROM batch_job_execution")) {
			rs.next();
			return rs.getLong(1);
		}
	}

	private static void copy(Path from, Path to) throws Exception {
		try (Stream<Path> files = Files.walk(from)) {
			for (Path file : files.filter(Files::isRegularFile).toList()) {
				Path target = to.resolve(from.relativize(file).toString());
				Files.createDirectories(target.getParent());
				Files.copy(file, target, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
			}
		}
	}

}
