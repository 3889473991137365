package com.wabarecon.launch;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetupTest;
import com.wabarecon.BusyMonth;
import com.wabarecon.PostgresDatabase;
import com.wabarecon.RabbitBroker;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 26's distributed close, every part a real process: a manager ({@code close
 * --distributed}) and two workers ({@code recon worker}) on one PostgreSQL schema and the local
 * RabbitMQ, each test with a queue of its own. The result must be a local close's: the same
 * reconciliation CSV and rejects byte for byte, the same files, the same counts and exactly one
 * email per client, also when a worker is killed in the middle of a partition.
 * <p>
 * The inbox is {@link BusyMonth}: the sample month and {@value #CLIENTS} generated clients, in two
 * statement partitions of 8 clients committed 2 at a time, so that a kill can land between two
 * commits of one partition.
 */
@ExtendWith({ PostgresDatabase.class, RabbitBroker.class })
class DistributedCloseTests {

	static final int CLIENTS = 10;

	static final Duration A_CLOSE = Duration.ofSeconds(240);

	static final Pattern RUNNING = Pattern.compile("Running partition (statementsStep:partition\\d+) of execution");

	@TempDir
	static Path dir;

	static Path inbox;

	static GreenMail smtp;

	static final List<String> SCHEMAS = new ArrayList<>();

	static final List<String> ENVIRONMENTS = new ArrayList<>();

	/** What a close on this machine's threads gave. */
	static Close local;

	static Map<String, Integer> localEmails;

	final List<ChildClose> workers = new ArrayList<>();

	@BeforeAll
	static void closeLocally() throws Exception {
		inbox = BusyMonth.write(dir.resolve("inbox"), CLIENTS);
		smtp = new GreenMail(ServerSetupTest.SMTP.dynamicPort());
		smtp.start();
		local = new Close("local", RabbitBroker.environment());
		ChildClose close = local.start();
		assertThat(close.waitForExit(A_CLOSE)).as(close.describe()).isZero();
		localEmails = emailsPerClient();
		assertThat(localEmails).as("one email per client").hasSize(CLIENTS + 6)
			.allSatisfy((client, emails) -> assertThat(emails).isOne());
	}

	@AfterAll
	static void cleanUp() throws Exception {
		if (smtp != null) {
			smtp.stop();
		}
		for (String schema : SCHEMAS) {
			PostgresDatabase.dropSchema(schema);
		}
		RabbitBroker.deleteQueues(ENVIRONMENTS);
	}

	@BeforeEach
	void noEmailYet() throws Exception {
		smtp.purgeEmailFromAllMailboxes();
	}

	@AfterEach
	void stopWorkers() throws Exception {
		for (ChildClose worker : workers) {
			worker.kill();
		}
	}

	@Test
	void aCloseRunByTwoWorkersGivesWhatALocalCloseGives() throws Exception {
		// given: two workers waiting for partitions
		Close distributed = new Close("two-workers", RabbitBroker.environment());
		ChildClose first = distributed.startWorker(workers);
		ChildClose second = distributed.startWorker(workers);

		// when: the month is closed with its partitions sent to them
		ChildClose close = distributed.start("--distributed");

		// then: both took partitions, and the result is the local close's
		assertThat(close.waitForExit(A_CLOSE)).as(close.describe()).isZero();
		assertThat(close.out()).contains("usageExportsStep", "statementsStep", "2025-09, all clients closed");
		assertThat(first.log()).as("the first worker's log").contains("Running partition");
		assertThat(second.log()).as("the second worker's log").contains("Running partition");
		assertThat(distributed.query("SELECT COUNT(*) FROM batch_step_execution WHERE step_name LIKE '%:%' "
				+ "AND status <> 'COMPLETED'")).containsExactly("0");
		assertSameResultAsLocal(distributed);
	}

	@Test
	void aWorkerKilledInThePartitionItRunsLeavesItToTheOtherWhichRendersOnlyItsUnfinishedClients() throws Exception {
		// given: a distributed close, one of whose workers is killed when its statements partition
		// has committed some clients and not all
		Close distributed = new Close("worker-killed", RabbitBroker.environment());
		ChildClose first = distributed.startWorker(workers);
		ChildClose second = distributed.startWorker(workers);
		ChildClose close = distributed.start("--distributed");
		String[] killed = killInAStatementsPartition(close, distributed, List.of(first, second));

		// then: the other worker resumes that partition after its last commit, and the close
		// completes with a local close's result
		assertThat(close.waitForExit(A_CLOSE)).as(close.describe()).isZero();
		ChildClose survivor = first.isRunning() ? first : second;
		assertThat(survivor.log()).contains("Running partition " + killed[0] + " of execution");
		assertThat(distributed.query("SELECT status || ' ' || write_count FROM batch_step_execution WHERE step_name = '"
				+ killed[0] + "'")).as("one execution of the killed partition, each of its clients written once")
			.containsExactly("COMPLETED 8");
		assertThat(distributed.query("SELECT SUM(write_count) FROM batch_step_execution WHERE step_name LIKE "
				+ "'statementsStep:%'")).as("statements committed over all partitions").containsExactly("16");
		assertSameResultAsLocal(distributed);
	}

	@Test
	void aPartitionWhoseOnlyWorkerWasKilledFailsTheCloseAndTheRestartRendersOnlyItsUnfinishedClients() throws Exception {
		// given: a distributed close whose only worker is killed in a statements partition; the
		// manager waits 20 s for it, a partition unrecorded for 3 s is taken for abandoned
		Close distributed = new Close("only-worker-killed", RabbitBroker.environment(), "RECON_DISTRIBUTION_TIMEOUT",
				"20s", "RECON_DISTRIBUTION_STALEAFTER", "3s");
		ChildClose worker = distributed.startWorker(workers);
		ChildClose close = distributed.start("--distributed");
		String[] killed = killInAStatementsPartition(close, distributed, List.of(worker));

		// then: the close fails, the partition stays as the worker left it
		assertThat(close.waitForExit(A_CLOSE)).as(close.describe()).isOne();
		assertThat(close.err()).contains("statementsStep: ", " partitions did not end within 20 s (recon.distribution.timeout): ",
				killed[0] + " (STARTED)");
		assertThat(distributed.query("SELECT status FROM batch_step_execution WHERE step_name = '" + killed[0] + "'"))
			.containsExactly("STARTED");
		long executionId = Long.parseLong(distributed.query("SELECT MAX(job_execution_id) FROM batch_job_execution").get(0));

		// when: a new worker starts (it discards the failed close's requests) and the close is restarted
		ChildClose newWorker = distributed.startWorker(workers);
		ChildClose restart = ChildClose.start(dir, distributed.environment(), "restart", Long.toString(executionId),
				"--db-url", distributed.url, "--distributed");

		// then: the killed partition goes on after its last commit; the result is a local close's
		assertThat(restart.waitForExit(A_CLOSE)).as(restart.describe()).isZero();
		assertThat(newWorker.log()).contains("the request is discarded");
		int committed = Integer.parseInt(killed[1]);
		assertThat(distributed.query("SELECT status || ' ' || write_count FROM batch_step_execution WHERE step_name = '"
				+ killed[0] + "' ORDER BY step_execution_id"))
			.as("the killed execution, marked failed, and the one that rendered the rest of its clients")
			.containsExactly("FAILED " + committed, "COMPLETED " + (8 - committed));
		assertSameResultAsLocal(distributed);
	}

	@Test
	void aManagerKilledWhileWorkersRunIsNotStartedAgainUntilTheyHaveEndedAndThenRunsNothingTwice() throws Exception {
		// given: a distributed close whose manager is killed while the workers render statements,
		// the workers held still (SIGSTOP) until the close has been started again
		Close distributed = new Close("manager-killed", RabbitBroker.environment());
		ChildClose first = distributed.startWorker(workers);
		ChildClose second = distributed.startWorker(workers);
		ChildClose close = distributed.start("--distributed");
		close.awaitWhileRunning("both statements partitions running on the workers", A_CLOSE,
				() -> running(first).size() + running(second).size() == 2);
		first.pause();
		second.pause();
		close.kill();

		// when: the close is started again at once
		ChildClose again = distributed.start("--distributed");

		// then: it is refused, naming the partitions the workers still run
		assertThat(again.waitForExit(A_CLOSE)).as(again.describe()).isEqualTo(3);
		assertThat(again.err()).contains("workers still run partitions of a close of 2025-09 (statementsStep:partition0 "
				+ "of execution 1 on worker", "statementsStep:partition1 of execution 1 on worker", "nothing was run");

		// and so is a close of one client of the month, which would load the month under them
		ChildClose oneClient = distributed.start("--distributed", "--client", "c_001");
		assertThat(oneClient.waitForExit(A_CLOSE)).as(oneClient.describe()).isEqualTo(3);
		assertThat(oneClient.err()).contains("workers still run partitions of a close of 2025-09");

		// when: the workers have ended their partitions, and the close is started again
		first.resume();
		second.resume();
		awaitQuery(distributed, "SELECT COUNT(*) FROM batch_step_execution WHERE step_name LIKE 'statementsStep:%' "
				+ "AND status = 'COMPLETED'", "2");
		ChildClose last = distributed.start("--distributed");

		// then: it goes on from the statements, which the workers completed, and no partition ran twice
		assertThat(last.waitForExit(A_CLOSE)).as(last.describe()).isZero();
		assertThat(distributed.query("SELECT COUNT(*) FROM batch_step_execution WHERE step_name LIKE 'statementsStep:%'"))
			.as("statements partitions run, over both executions").containsExactly("2");
		assertSameResultAsLocal(distributed);
	}

	@Test
	void aUsageShareWhoseWorkerWasKilledIsNotLoadedTwiceButFailsTheCloseWhichARestartLoadsAnew() throws Exception {
		// given: a distributed close, one of whose workers is killed when its usage share has
		// committed some rows and not all
		Close distributed = new Close("share-killed", RabbitBroker.environment());
		ChildClose first = distributed.startWorker(workers);
		ChildClose second = distributed.startWorker(workers);
		ChildClose close = distributed.start("--distributed");
		String[] killed = new String[1];
		close.awaitWhileRunning("a usage share half loaded on a worker", A_CLOSE, () -> {
			for (ChildClose worker : List.of(first, second)) {
				Matcher started = Pattern.compile("Running partition (usageExportsStep:share\\d+) of execution").matcher(worker.log());
				while (started.find()) {
					List<String> written = distributed.query("SELECT write_count FROM batch_step_execution WHERE "
							+ "step_name = '" + started.group(1) + "' AND status = 'STARTED'");
					if (!written.isEmpty() && Integer.parseInt(written.get(0)) > 0) {
						worker.kill();
						killed[0] = started.group(1);
						return true;
					}
				}
			}
			return false;
		});

		// then: the other worker, given the share again, fails it instead of loading its committed
		// rows a second time, and the close fails naming it
		assertThat(close.waitForExit(A_CLOSE)).as(close.describe()).isOne();
		ChildClose survivor = first.isRunning() ? first : second;
		assertThat(survivor.log()).contains("Partition " + killed[0] + " of execution 1 not run again: its worker");
		long executionId = Long.parseLong(distributed.query("SELECT MAX(job_execution_id) FROM batch_job_execution").get(0));

		// when: the close is restarted
		ChildClose restart = ChildClose.start(dir, distributed.environment(), "restart", Long.toString(executionId),
				"--db-url", distributed.url, "--distributed");

		// then: the month is loaded anew, once: the local close's result, its usage sums included
		assertThat(restart.waitForExit(A_CLOSE)).as(restart.describe()).isZero();
		assertSameResultAsLocal(distributed);
	}

	/**
	 * Kills the worker running a statements partition once it has committed some of its clients
	 * and not all. @return the partition's name and the clients it had committed
	 */
	private static String[] killInAStatementsPartition(ChildClose close, Close distributed, List<ChildClose> workers)
			throws Exception {
		String[] killed = new String[2];
		close.awaitWhileRunning("a statements partition half written on a worker", A_CLOSE, () -> {
			for (ChildClose worker : workers) {
				for (String partition : running(worker)) {
					List<String> written = distributed.query("SELECT write_count FROM batch_step_execution WHERE "
							+ "step_name = '" + partition + "' AND status = 'STARTED'");
					if (!written.isEmpty() && Integer.parseInt(written.get(0)) > 0) {
						worker.kill();
						killed[0] = partition;
						killed[1] = distributed.query("SELECT write_count FROM batch_step_execution WHERE step_name = '"
								+ partition + "'").get(0);
						return true;
					}
				}
			}
			return false;
		});
		assertThat(Integer.parseInt(killed[1])).as("clients committed when the worker was killed").isBetween(1, 7);
		return killed;
	}

	private static void awaitQuery(Close close, String sql, String expected) throws Exception {
		long deadline = System.nanoTime() + A_CLOSE.toNanos();
		while (!close.query(sql).equals(List.of(expected))) {
			assertThat(System.nanoTime()).as("%s gives %s in time", sql, expected).isLessThan(deadline);
			Thread.sleep(100);
		}
	}

	/** The statements partitions the worker's log says it started and not ended. */
	private static Set<String> running(ChildClose worker) {
		String log = worker.log();
		Set<String> partitions = new TreeSet<>();
		Matcher started = RUNNING.matcher(log);
		while (started.find()) {
			if (!log.contains("Partition " + started.group(1) + " of execution")) {
				partitions.add(started.group(1));
			}
		}
		return partitions;
	}

	private static void assertSameResultAsLocal(Close close) throws Exception {
		CloseResults.assertSame(close.result(), local.result());
		assertThat(emailsPerClient()).isEqualTo(localEmails);
	}

	private static java.util.Map<String, Integer> emailsPerClient() throws Exception {
		return CloseResults.emailsPerClient(smtp);
	}

	/** One close of the busy month: its schema, its output folder, its queue. */
	static final class Close {

		final String url;

		final Path out;

		final String environment;

		final Map<String, String> settings = new HashMap<>();

		/** @param settings more environment variables of its processes: name, value, ... */
		Close(String name, String environment, String... settings) throws Exception {
			for (int i = 0; i < settings.length; i += 2) {
				this.settings.put(settings[i], settings[i + 1]);
			}
			String schema = PostgresDatabase.createSchema();
			SCHEMAS.add(schema);
			this.url = PostgresDatabase.urlFor(schema);
			this.out = dir.resolve(name);
			this.environment = environment;
			ENVIRONMENTS.add(environment);
		}

		ChildClose start(String... more) throws Exception {
			List<String> args = new ArrayList<>(List.of("close", "--month", BusyMonth.MONTH, "--inbox", inbox.toString(),
					"--out", out.toString(), "--db-url", url));
			args.addAll(List.of(more));
			return ChildClose.start(dir, environment(), args.toArray(String[]::new));
		}

		/** A worker of this close's queue and database, once it takes partitions. */
		ChildClose startWorker(List<ChildClose> workers) throws Exception {
			ChildClose worker = ChildClose.start(dir, environment(), "worker", "--db-url", url);
			workers.add(worker);
			worker.awaitWhileRunning("the worker taking partitions", Duration.ofSeconds(120),
					() -> worker.out().contains("worker: taking partitions from recon.partitions." + environment));
			return worker;
		}

		/**
		 * SMTP to this JVM's server; two statement partitions committed two clients at a time, usage
		 * rows committed 1,000 at a time; the manager reads the partitions' state every half second.
		 */
		Map<String, String> environment() {
			Map<String, String> environment = new HashMap<>(Map.of("SPRING_MAIL_HOST", "127.0.0.1", "SPRING_MAIL_PORT",
					Integer.toString(smtp.getSmtp().getPort()), "RECON_STATEMENT_CHUNKSIZE", "2",
					"RECON_IMPORT_BULKCHUNKSIZE", "1000",
					"RECON_STATEMENT_PARTITIONS", "2", "RECON_DISTRIBUTION_ENVIRONMENT", this.environment,
					"RECON_DISTRIBUTION_POLLINTERVAL", "500ms"));
			environment.putAll(settings);
			return environment;
		}

		List<String> query(String sql) throws Exception {
			return PostgresDatabase.query(url, sql);
		}

		CloseResults.Result result() {
			return new CloseResults.Result(out, url);
		}

	}

}
