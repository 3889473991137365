package com.wabarecon.launch;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A close that resumes a failed run keeps that run's options, and refuses other ones; {@code
 * --rerun} is the new close with new options; {@code restart} keeps the execution's options; an
 * unknown {@code --client} is refused before anything runs. The command line on an embedded H2
 * file database.
 * <p>
 * The failed run is a close of the sample month given {@code --amount-tolerance-abs 30} whose
 * {@code clients.csv} lacks a column; the file is then put right. The tolerance shows in the
 * result: c_001's UTILITY line on channel ch_003 is invoiced 300.00 EUR for 275.00 estimated, the
 * same 5,000 messages. With an amount tolerance of 30, |25.00| <= max(30, 0.5 % of 300.00 = 1.50)
 * and the volumes agree: WITHIN_TOLERANCE. With the configuration's (1.00 and 0.5 %):
 * 25.00 > max(1.00, 1.50): OVER_INVOICED.
 */
class ResumedCloseTests {

	@TempDir
	Path dir;

	String dbUrl;

	Path inbox;

	Path out;

	@BeforeEach
	void database() throws Exception {
		dbUrl = "jdbc:h2:file:" + dir.resolve("db/recon") + ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH";
		inbox = dir.resolve("inbox");
		out = dir.resolve("out");
		copy(Path.of("sample-invoices"), inbox);
	}

	@Test
	void aResumedCloseGivenOtherOptionsIsRefusedNamingThem() throws Exception {
		// given
		long failed = failedCloseWithAToleranceOf30();

		// when: resumed with another tolerance, with a tolerance it was not given, with another inbox
		CliRun otherTolerance = close("--amount-tolerance-abs", "25");
		CliRun newTolerance = close("--volume-tolerance-pct", "1");
		CliRun otherInbox = CliRun.of("close", "--month", "2025-09", "--inbox", "sample-invoices", "--dry-run", "--db-url",
				dbUrl);

		// then: each refused, naming the option, both values and --rerun; nothing ran
		assertThat(otherTolerance.exitCode()).as(otherTolerance.err()).isEqualTo(2);
		assertThat(otherTolerance.err().lines().toList()).singleElement(org.assertj.core.api.InstanceOfAssertFactories.STRING)
			.isEqualTo("close 2025-09, all clients: it would resume execution " + failed + ", which did not complete, with "
					+ "the options that run started with, and these options differ: --amount-tolerance-abs 25 "
					+ "(recorded: 30); nothing was run. Give the same options (or none) to resume it, or add --rerun to "
					+ "close the month again from the start with the new ones");
		assertThat(newTolerance.exitCode()).isEqualTo(2);
		assertThat(newTolerance.err())
			.contains("--volume-tolerance-pct 1 (recorded: not given, the configuration's tolerances)");
		assertThat(otherInbox.exitCode()).isEqualTo(2);
		assertThat(otherInbox.err()).contains("--inbox " + Path.of("sample-invoices").toAbsolutePath() + " (recorded: "
				+ inbox.toAbsolutePath() + ")").doesNotContain("--dry-run");
		assertThat(count("SELECT COUNT(*) FROM batch_job_execution")).as("no run recorded").isEqualTo(1);

		// and when: resumed with the same options (the tolerance written otherwise)
		CliRun same = close("--amount-tolerance-abs", "30.00", "--dry-run");

		// then: it resumes the failed run with them
		assertThat(same.exitCode()).as(same.err()).isZero();
		assertThat(same.out()).contains("2025-09, all clients · COMPLETED").doesNotContain("rerun");
		assertThat(utilityLineOfC001()).isEqualTo("WITHIN_TOLERANCE");
	}

	@Test
	void aResumedCloseGivenNoOptionsKeepsTheRecordedOnes() throws Exception {
		// given
		long failed = failedCloseWithAToleranceOf30();

		// when: the same close, without its options
		CliRun resumed = CliRun.of("close", "--month", "2025-09", "--db-url", dbUrl);

		// then: resumed in its own inbox and output folder, with its tolerance, as a dry run
		assertThat(resumed.exitCode()).as(resumed.err()).isZero();
		assertThat(resumed.out()).contains("2025-09, all clients · COMPLETED", "clientsStep");
		assertThat(count("SELECT COUNT(DISTINCT job_instance_id) FROM batch_job_execution")).isEqualTo(1);
		assertThat(parameters(lastExecution())).contains("amountToleranceAbs=30", "inbox=" + inbox.toAbsolutePath(),
				"out=" + out.toAbsolutePath(), "dryRun=true");
		assertThat(lastExecution()).isGreaterThan(failed);
		assertThat(utilityLineOfC001()).isEqualTo("WITHIN_TOLERANCE");
		assertThat(out.resolve("2025-09/outbox")).as("a dry run emails nothing").doesNotExist();
	}

	@Test
	void aRerunAfterAFailedCloseIsANewCloseWithTheNewOptions() throws Exception {
		// given
		failedCloseWithAToleranceOf30();

		// when: a new close, without the tolerance
		CliRun rerun = close("--rerun", "--dry-run");

		// then: run from the start with the configuration's tolerances
		assertThat(rerun.exitCode()).as(rerun.err()).isZero();
		assertThat(rerun.out()).contains("2025-09, all clients, rerun 1 · COMPLETED", "clientsStep");
		assertThat(parameters(lastExecution())).doesNotContain("amountToleranceAbs");
		assertThat(utilityLineOfC001()).isEqualTo("OVER_INVOICED");
		// and the month is closed by it
		assertThat(close().out()).contains("already closed by execution " + lastExecution());
	}

	@Test
	void aRestartKeepsTheOptionsOfTheExecutionItResumes() throws Exception {
		// given
		long failed = failedCloseWithAToleranceOf30();

		// when
		CliRun restart = CliRun.of("restart", Long.toString(failed), "--db-url", dbUrl);

		// then
		assertThat(restart.exitCode()).as(restart.err()).isZero();
		assertThat(restart.out()).contains("execution " + failed + " resumed and completed");
		assertThat(parameters(lastExecution())).contains("amountToleranceAbs=30", "inbox=" + inbox.toAbsolutePath());
		assertThat(utilityLineOfC001()).isEqualTo("WITHIN_TOLERANCE");
	}

	@Test
	void anUnknownClientIsRefusedBeforeAnythingRuns() throws Exception {
		// when
		CliRun nobody = close("--client", "nobody");

		// then: exit 2, naming the client and where it was looked for; no run recorded
		assertThat(nobody.exitCode()).as(nobody.err()).isEqualTo(2);
		assertThat(nobody.err().lines().toList()).singleElement(org.assertj.core.api.InstanceOfAssertFactories.STRING)
			.isEqualTo("close 2025-09, client nobody: client 'nobody' is unknown: it is neither in "
					+ inbox.toAbsolutePath().resolve("directory/clients.csv") + " nor in the database's client table "
					+ "(the clients of earlier closes); nothing was run");
		assertThat(count("SELECT COUNT(*) FROM batch_job_instance")).isZero();
		assertThat(count("SELECT COUNT(*) FROM batch_job_execution")).isZero();
		assertThat(out).doesNotExist();
	}

	@Test
	void aClientWhoseRowIsRejectedIsRefusedBeforeItsReconciliationNamingTheRow() throws Exception {
		// given: c_009 in clients.csv, with an address that is none
		Files.writeString(inbox.resolve("directory/clients.csv"), "c_009,Bad Email Ltd,not-an-email,EUR,de-DE\n",
				StandardOpenOption.APPEND);

		// when: its close, allowing any share of rejects
		CliRun close = close("--client", "c_009", "--max-reject-pct", "100");

		// then: not an empty close that exits 0, but refused, naming the row and why
		assertThat(close.exitCode()).as(close.out()).isEqualTo(1);
		assertThat(close.err()).contains("the close of 2025-09 is refused before its reconciliation: client c_009 is not "
				+ "in the directory as loaded: its row is rejected (directory/clients.csv line 8: billing_emails has an "
				+ "invalid address 'not-an-email')");
		assertThat(out.resolve("2025-09/reconciliation-2025-09-c_009.csv")).doesNotExist();
	}

	@Test
	void aClientInTheInboxOrOnlyInTheDatabaseIsClosed() throws Exception {
		// given: c_003 in the inbox's clients.csv, not yet in the database
		CliRun fromTheInbox = close("--client", "c_003", "--until", "import", "--dry-run");
		assertThat(fromTheInbox.exitCode()).as(fromTheInbox.err()).isZero();
		// and then an inbox whose clients.csv no longer lists c_003 (the directory is cumulative)
		List<String> clients = Files.readAllLines(inbox.resolve("directory/clients.csv"));
		Files.write(inbox.resolve("directory/clients.csv"), clients.stream().filter(line -> !line.startsWith("c_003,")).toList());

		// when
		CliRun fromTheDatabase = close("--client", "c_003", "--until", "import", "--dry-run", "--rerun");

		// then
		assertThat(fromTheDatabase.exitCode()).as(fromTheDatabase.err()).isZero();
		assertThat(fromTheDatabase.out()).contains("2025-09, client c_003, rerun 1 · STOPPED after import");
	}

	@Test
	void aResumedCloseReadsAFileThatArrivedForAStepStillToRun() throws Exception {
		// given: ch_001's usage export arrives after a close failed on clients.csv (before any usage was read)
		Path export = inbox.resolve("2025-09/usage/ch_001-2025-09.json");
		Path late = dir.resolve("ch_001-2025-09.json");
		Files.move(export, late);
		failedCloseWithAToleranceOf30();
		Files.move(late, export);

		// when
		CliRun resumed = close();

		// then: the resumed run read it with the other exports
		assertThat(resumed.exitCode()).as(resumed.err()).isZero();
		assertThat(resumed.out()).containsPattern("2025-09/usage/ch_001-2025-09.json +120 +120 +0 +0");
	}

	@Test
	void aResumedCloseIsRefusedWhenAFileAStepHadAlreadyReadChanged() throws Exception {
		// given: a close that read clients.csv, then failed on channels.csv without its waba_currency column
		Path channels = inbox.resolve("directory/channels.csv");
		String good = Files.readString(channels);
		Files.writeString(channels, good.lines()
			.map(ResumedCloseTests::withoutItsWabaCurrency)
			.collect(java.util.stream.Collectors.joining("\n", "", "\n")));
		CliRun failed = close("--dry-run");
		assertThat(failed.exitCode()).as(failed.out()).isEqualTo(1);
		assertThat(failed.out()).containsPattern("clientsStep +COMPLETED")
			.as("the files of the steps that did not run are listed as not read")
			.contains("note: not read: usageExportsStep did not complete")
			.doesNotContain("no rows in it");
		// and then channels.csv put right, and a client added to clients.csv
		Files.writeString(channels, good);
		Path clients = inbox.resolve("directory/clients.csv");
		long before = Files.size(clients);
		Files.writeString(clients, "c_007,Late GmbH,late@seven.example,EUR,de-DE\n", StandardOpenOption.APPEND);

		// when
		CliRun resumed = close();

		// then: refused, naming the file, the step that read it and --rerun; no channel loaded
		assertThat(resumed.exitCode()).as(resumed.out()).isEqualTo(1);
		assertThat(resumed.err()).contains("the inbox changed after steps of this close had read it: "
				+ "directory/clients.csv changed in size (" + before + " bytes, now " + Files.size(clients) + ") after "
				+ "clientsStep had read its files; those steps do not run again when it resumes: close the month "
				+ "again with --rerun to read its files as they are now, or put the files back to resume it");
		assertThat(count("SELECT COUNT(*) FROM channel")).isZero();

		// and when the month is closed again from the start
		CliRun rerun = close("--rerun", "--dry-run");
		assertThat(rerun.exitCode()).as(rerun.err()).isZero();
		assertThat(count("SELECT COUNT(*) FROM client WHERE client_id = 'c_007'")).isEqualTo(1);
	}

	/** A row of channels.csv without its seventh field, waba_currency. */
	private static String withoutItsWabaCurrency(String line) {
		java.util.List<String> fields = new java.util.ArrayList<>(java.util.Arrays.asList(line.split(",", -1)));
		fields.remove(6);
		return String.join(",", fields);
	}

	/** A close given --amount-tolerance-abs 30 that fails on clients.csv, which is then put right. */
	private long failedCloseWithAToleranceOf30() throws Exception {
		Path clients = inbox.resolve("directory/clients.csv");
		Path good = dir.resolve("clients.csv");
		Files.copy(clients, good);
		Files.writeString(clients, "client_id,name,billing_emails,statement_currency\nc_001,A,a@one.example,EUR\n",
				StandardCharsets.UTF_8);
		CliRun failed = close("--amount-tolerance-abs", "30", "--dry-run");
		assertThat(failed.exitCode()).as(failed.out()).isEqualTo(1);
		assertThat(failed.err()).contains("missing required column(s) locale");
		Files.copy(good, clients, StandardCopyOption.REPLACE_EXISTING);
		return lastExecution();
	}

	/** The status of c_001's UTILITY line whose amounts differ by 25.00, in the close's CSV. */
	private String utilityLineOfC001() throws Exception {
		List<String> statuses = new ArrayList<>();
		for (String line : Files.readAllLines(out.resolve("2025-09/reconciliation-2025-09.csv"))) {
			String[] fields = line.split(",");
			if (fields.length > 13 && fields[1].equals("c_001") && fields[4].equals("UTILITY") && fields[11].equals("25.00")) {
				statuses.add(fields[13]);
			}
		}
		assertThat(statuses).hasSize(1);
		return statuses.get(0);
	}

	private CliRun close(String... options) {
		List<String> args = new ArrayList<>(List.of("close", "--month", "2025-09", "--inbox", inbox.toString(), "--out",
				out.toString(), "--db-url", dbUrl));
		args.addAll(List.of(options));
		return CliRun.of(args.toArray(String[]::new));
	}

	private long lastExecution() throws Exception {
		return count("SELECT MAX(job_execution_id) FROM batch_job_execution");
	}

	/** The execution's parameters, "name=value". */
	private List<String> parameters(long execution) throws Exception {
		List<String> parameters = new ArrayList<>();
		try (Connection connection = DriverManager.getConnection(dbUrl); Statement statement = connection.createStatement();
				ResultSet rs = statement.executeQuery("SELECT parameter_name || '=' || parameter_value "
						+ "FROM batch_job_execution_params WHERE job_execution_id = " + execution)) {
			while (rs.next()) {
				parameters.add(rs.getString(1));
			}
		}
		return parameters;
	}

	private long count(String sql) throws Exception {
		try (Connection connection = DriverManager.getConnection(dbUrl); Statement statement = connection.createStatement();
				ResultSet rs = statement.executeQuery(sql)) {
			rs.next();
			return rs.getLong(1);
		}
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
