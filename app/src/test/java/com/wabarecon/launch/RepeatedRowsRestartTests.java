package com.wabarecon.launch;

import static com.wabarecon.RepeatedRowsFiles.MONTH;
import static com.wabarecon.RepeatedRowsFiles.USAGE;
import static com.wabarecon.RepeatedRowsFiles.fiveDays;
import static com.wabarecon.RepeatedRowsFiles.threeOfThemAndAnother;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.wabarecon.EstimateSums;
import com.wabarecon.RepeatedRowsFiles;
import com.wabarecon.TestInbox;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Rows repeated from another file stay rejected once, whatever fails after them, and are found
 * again when the step that rejects them fails and restarts in a new process (which no longer has
 * the loading steps' memory of which channel came from which file): the close as a person runs
 * it, on an embedded database in a file.
 */
class RepeatedRowsRestartTests {

	/** What a close left of the repeats: rejects, file counts, ch_001's estimate and its sums. */
	static final List<String> REJECTED_ONCE = List.of(
			"reject " + USAGE + "b-resent.json 2 usageExportsStep",
			"reject " + USAGE + "b-resent.json 4 usageExportsStep",
			"reject " + USAGE + "b-resent.json 5 usageExportsStep",
			"file " + USAGE + "a-ch_001.json 5 5 0 0",
			"file " + USAGE + "b-resent.json 4 1 3 0",
			"estimate 157 21.430500",
			"sums 157 21.430500");

	@TempDir
	Path dir;

	String dbUrl;

	TestInbox inbox;

	@BeforeEach
	void databaseAndInbox() throws Exception {
		dbUrl = "jdbc:h2:file:" + dir.resolve("db/recon") + ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH";
		inbox = TestInbox.withSampleReferenceData(dir.resolve("inbox"));
		inbox.write(USAGE + "a-ch_001.json", fiveDays());
		inbox.write(USAGE + "b-resent.json", threeOfThemAndAnother());
		RepeatedRowsFiles.invoice(inbox, 157, "21.4305");
	}

	@Test
	void aCloseRestartedAfterAFailureInALaterStepKeepsTheRepeatsRejected() throws Exception {
		// given: a close that failed in the reconciliation, after the repeats were rejected
		assertThat(close("--until", "import").exitCode()).isZero();
		sql("ALTER TABLE recon_line ADD CONSTRAINT injected_failure CHECK (status <> 'MATCHED')");
		CliRun failed = close("--until", "reconcile", "--rerun");
		assertThat(failed.exitCode()).isEqualTo(1);
		assertThat(failed.err()).contains("injected_failure");
		assertThat(outcome()).isEqualTo(REJECTED_ONCE);

		// when
		sql("ALTER TABLE recon_line DROP CONSTRAINT injected_failure");
		CliRun restarted = CliRun.of("restart", Long.toString(executionId(failed.out())), "--db-url", dbUrl);

		// then
		assertThat(restarted.exitCode()).as(restarted.err()).isZero();
		assertThat(restarted.out()).contains("resumed and stopped after reconcile as asked", "reconcileLinesStep")
			.doesNotContain("usageExportsStep", "repeatedRowsStep");
		assertThat(outcome()).isEqualTo(REJECTED_ONCE);
		assertThat(list("SELECT status FROM recon_line")).containsExactly("MATCHED");
	}

	@Test
	void aRepeatedRowsStepThatFailedFindsTheSameRowsWhenRestartedInANewProcess() throws Exception {
		// given: a close whose repeated rows step failed (its rejects refused), after the exports loaded
		assertThat(close("--until", "import").exitCode()).isZero();
		sql("DELETE FROM import_reject"); // the rerun rejects them again: they would stop the constraint
		sql("ALTER TABLE import_reject ADD CONSTRAINT injected_failure CHECK (reason NOT LIKE 'repeats%')");
		CliRun failed = close("--until", "import", "--rerun");
		assertThat(failed.exitCode()).isEqualTo(1);
		assertThat(failed.err()).contains("injected_failure");
		assertThat(list("SELECT COUNT(*) FROM usage_estimate WHERE channel_id = 'ch_001'"))
			.as("nothing removed: the step's one transaction rolled back").containsExactly("9");

		// when
		sql("ALTER TABLE import_reject DROP CONSTRAINT injected_failure");
		CliRun restarted = CliRun.of("restart", Long.toString(executionId(failed.out())), "--db-url", dbUrl);

		// then: the exports are not loaded again; the rows that repeat are found from what the load noted
		assertThat(restarted.exitCode()).as(restarted.err()).isZero();
		assertThat(restarted.out()).contains("resumed and stopped after import as asked", "repeatedRowsStep").doesNotContain("usageExportsStep");
		assertThat(outcome()).isEqualTo(REJECTED_ONCE);
	}

	private CliRun close(String... options) {
		List<String> args = new ArrayList<>(List.of("close", "--month", MONTH, "--inbox", inbox.root().toString(), "--out",
				dir.resolve("out").toString(), "--db-url", dbUrl, "--max-reject-pct", "100"));
		args.addAll(List.of(options));
		return CliRun.of(args.toArray(String[]::new));
	}

	private List<String> outcome() throws Exception {
		List<String> outcome = new ArrayList<>();
		outcome.addAll(list("SELECT 'reject ' || source_file || ' ' || line || ' ' || step_name FROM import_reject "
				+ "ORDER BY source_file, line"));
		outcome.addAll(list("SELECT 'file ' || source_file || ' ' || rows_read || ' ' || rows_loaded || ' ' || "
				+ "rows_rejected || ' ' || rows_skipped FROM input_file WHERE source_file LIKE '%/usage/%' ORDER BY source_file"));
		outcome.addAll(list("SELECT 'estimate ' || SUM(volume) || ' ' || SUM(cost) FROM usage_estimate WHERE channel_id = 'ch_001'"));
		outcome.addAll(list("SELECT 'sums ' || SUM(volume) || ' ' || SUM(cost) FROM estimate_summary WHERE channel_id = 'ch_001'"));
		assertThat(list(EstimateSums.fromSummary(MONTH))).isEqualTo(list(EstimateSums.fromEstimates(MONTH)));
		return outcome;
	}

	static long executionId(String summary) {
		Matcher matcher = Pattern.compile("execution (\\d+) ·").matcher(summary);
		assertThat(matcher.find()).as(summary).isTrue();
		return Long.parseLong(matcher.group(1));
	}

	private void sql(String sql) throws Exception {
		try (Connection connection = DriverManager.getConnection(dbUrl); Statement statement = connection.createStatement()) {
			statement.execute(sql);
		}
	}

	private List<String> list(String sql) throws Exception {
		List<String> rows = new ArrayList<>();
		try (Connection connection = DriverManager.getConnection(dbUrl); Statement statement = connection.createStatement();
				var rs = statement.executeQuery(sql)) {
			while (rs.next()) {
				rows.add(rs.getString(1));
			}
		}
		return rows;
	}

}
