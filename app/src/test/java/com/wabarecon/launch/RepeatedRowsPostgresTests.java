package com.wabarecon.launch;

import static com.wabarecon.RepeatedRowsFiles.MONTH;
import static com.wabarecon.RepeatedRowsFiles.OCT_3;
import static com.wabarecon.RepeatedRowsFiles.OCT_4;
import static com.wabarecon.RepeatedRowsFiles.OCT_5;
import static com.wabarecon.RepeatedRowsFiles.USAGE;
import static com.wabarecon.RepeatedRowsFiles.balance;
import static com.wabarecon.RepeatedRowsFiles.fiveDays;
import static com.wabarecon.RepeatedRowsFiles.period;
import static com.wabarecon.RepeatedRowsFiles.threeOfThemAndAnother;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

import com.wabarecon.EstimateSums;
import com.wabarecon.PostgresDatabase;
import com.wabarecon.RepeatedRowsFiles;
import com.wabarecon.TestInbox;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * Rows repeated from another file on PostgreSQL, where the exports load by COPY into the month's
 * partition without an index and the rows to reject are found and removed there: the same cases
 * and figures as {@code RepeatedRowsTests} on H2, and a restart after a later failure. Each test
 * closes the month in a schema of its own.
 */
@ExtendWith(PostgresDatabase.class)
class RepeatedRowsPostgresTests {

	static final String REPEATS = ", DE MARKETING REGULAR 0:MAX): the same usage counts once";

	@TempDir
	Path dir;

	@TempDir
	Path out;

	String schema;

	TestInbox inbox;

	@BeforeEach
	void schemaAndInbox() throws Exception {
		schema = PostgresDatabase.createSchema();
		inbox = TestInbox.withSampleReferenceData(dir);
	}

	@AfterEach
	void dropSchema() throws SQLException {
		PostgresDatabase.dropSchema(schema);
	}

	@Test
	void aSecondFileRepeatingThreeRowsOfAnotherHasThoseRowsRejectedOnPostgres() throws Exception {
		// given
		inbox.write(USAGE + "a-ch_001.json", fiveDays());
		inbox.write(USAGE + "b-resent.json", threeOfThemAndAnother());
		RepeatedRowsFiles.invoice(inbox, 157, "21.4305");

		// when
		CliRun close = close("--until", "reconcile");

		// then
		assertThat(close.exitCode()).as(close.err()).isZero();
		assertThat(rejects()).containsExactly(
				USAGE + "b-resent.json 2 usageExportsStep repeats the row of " + USAGE
						+ "a-ch_001.json line 5, column 2, usage[3] (ch_001, start " + OCT_5 + REPEATS,
				USAGE + "b-resent.json 4 usageExportsStep repeats the row of " + USAGE
						+ "a-ch_001.json line 3, column 2, usage[1] (ch_001, start " + OCT_3 + REPEATS,
				USAGE + "b-resent.json 5 usageExportsStep repeats the row of " + USAGE
						+ "a-ch_001.json line 4, column 2, usage[2] (ch_001, start " + OCT_4 + REPEATS);
		assertThat(files()).containsExactly(USAGE + "a-ch_001.json 5 5 0 0", USAGE + "b-resent.json 4 1 3 0");
		assertEstimated("157 21.430500");
		assertThat(query("SELECT COUNT(*) FROM usage_estimate_2025_10_other")).as("in the month's partition")
			.containsExactly("6");
		assertThat(reconciled()).containsExactly("106540352242922 MARKETING 157 157 MATCHED");
		assertThat(close.out()).contains("repeatedRowsStep: usage export rows of 1 channel came from more than one file: "
				+ "3 rows repeating another file's rejected (in 1 file)");
		assertThat(Files.readAllLines(out.resolve(MONTH + "/rejects-" + MONTH + ".csv"))).hasSize(4);
	}

	@Test
	void aSecondFileSortingFirstKeepsItsRowsAndTheRepeatsOfTheOtherFileAreRejectedOnPostgres() throws Exception {
		// given: the repeating file named first
		inbox.write(USAGE + "a-resent.json", threeOfThemAndAnother());
		inbox.write(USAGE + "b-ch_001.json", fiveDays());
		RepeatedRowsFiles.invoice(inbox, 157, "21.4305");

		// when
		CliRun close = close("--until", "reconcile");

		// then
		assertThat(close.exitCode()).as(close.err()).isZero();
		assertThat(rejects()).containsExactly(
				USAGE + "b-ch_001.json 3 usageExportsStep repeats the row of " + USAGE
						+ "a-resent.json line 4, column 2, usage[2] (ch_001, start " + OCT_3 + REPEATS,
				USAGE + "b-ch_001.json 4 usageExportsStep repeats the row of " + USAGE
						+ "a-resent.json line 5, column 2, usage[3] (ch_001, start " + OCT_4 + REPEATS,
				USAGE + "b-ch_001.json 5 usageExportsStep repeats the row of " + USAGE
						+ "a-resent.json line 2, column 2, usage[0] (ch_001, start " + OCT_5 + REPEATS);
		assertThat(files()).containsExactly(USAGE + "a-resent.json 4 4 0 0", USAGE + "b-ch_001.json 5 2 3 0");
		assertEstimated("157 21.430500");
		assertThat(reconciled()).containsExactly("106540352242922 MARKETING 157 157 MATCHED");
	}

	@Test
	void aBalancePeriodRepeatedInAnotherFileIsRejectedOnPostgres() throws Exception {
		// given
		inbox.write(USAGE + "ch_001.balance.json",
				balance(period("2025-10-02", 10), period("2025-10-03", 20), period("2025-10-04", 30)));
		inbox.write(USAGE + "resent.balance.json", balance(period("2025-10-03", 20), period("2025-10-05", 4)));
		RepeatedRowsFiles.invoice(inbox, 64, "8.736");

		// when
		CliRun close = close("--until", "reconcile");

		// then
		assertThat(close.exitCode()).as(close.err()).isZero();
		assertThat(rejects()).containsExactly(USAGE + "resent.balance.json 2 balanceExportsStep repeats the period of "
				+ USAGE + "ch_001.balance.json line 3, column 2, usage[1] (ch_001, 2025-10-03): the same usage counts once");
		assertThat(files()).containsExactly(USAGE + "ch_001.balance.json 3 3 0 0", USAGE + "resent.balance.json 2 1 1 0");
		assertEstimated("84 8.736000");
		assertThat(reconciled()).containsExactly("106540352242922 MARKETING 64 64 MATCHED",
				"106540352242922 SERVICE 0 0 MATCHED");
	}

	@Test
	void twoFilesOfDifferentChannelsRejectNothingAndTheRepeatStepComparesNothingOnPostgres() throws Exception {
		// given
		inbox.write(USAGE + "a-ch_001.json", fiveDays());
		inbox.write(USAGE + "b-ch_002.json", fiveDays().replace("ch_001", "ch_002"));

		// when
		CliRun close = close("--until", "import");

		// then
		assertThat(close.exitCode()).as(close.err()).isZero();
		assertThat(rejects()).isEmpty();
		assertThat(files()).containsExactly(USAGE + "a-ch_001.json 5 5 0 0", USAGE + "b-ch_002.json 5 5 0 0");
		assertThat(query("SELECT COUNT(*) FROM repeat_channel")).containsExactly("0");
		assertThat(query("SELECT read_count || ' ' || read_skip_count || ' ' || exit_message FROM batch_step_execution "
				+ "WHERE step_name = 'repeatedRowsStep'"))
			.containsExactly("0 0 every channel's rows came from one file: no row compared");
	}

	@Test
	void aCloseRestartedAfterAFailureInALaterStepKeepsTheRepeatsRejectedOnPostgres() throws Exception {
		// given: a close that failed in the reconciliation, after the repeats were rejected
		inbox.write(USAGE + "a-ch_001.json", fiveDays());
		inbox.write(USAGE + "b-resent.json", threeOfThemAndAnother());
		RepeatedRowsFiles.invoice(inbox, 157, "21.4305");
		assertThat(close("--until", "import").exitCode()).isZero();
		execute("ALTER TABLE recon_line ADD CONSTRAINT injected_failure CHECK (status <> 'MATCHED')");
		CliRun failed = close("--until", "reconcile", "--rerun");
		assertThat(failed.exitCode()).as(failed.out()).isEqualTo(1);
		assertThat(failed.err()).contains("injected_failure");
		List<String> rejected = rejects();
		assertThat(rejected).hasSize(3);

		// when
		execute("ALTER TABLE recon_line DROP CONSTRAINT injected_failure");
		CliRun restarted = CliRun.of("restart", Long.toString(RepeatedRowsRestartTests.executionId(failed.out())),
				"--db-url", PostgresDatabase.urlFor(schema));

		// then: the import is not run again, and what it rejected stands
		assertThat(restarted.exitCode()).as(restarted.err()).isZero();
		assertThat(restarted.out()).contains("resumed and stopped after reconcile as asked").doesNotContain("repeatedRowsStep", "usageExportsStep");
		assertThat(rejects()).isEqualTo(rejected);
		assertThat(files()).containsExactly(USAGE + "a-ch_001.json 5 5 0 0", USAGE + "b-resent.json 4 1 3 0");
		assertEstimated("157 21.430500");
		assertThat(reconciled()).containsExactly("106540352242922 MARKETING 157 157 MATCHED");
	}

	private CliRun close(String... options) {
		List<String> args = new ArrayList<>(List.of("close", "--month", MONTH, "--inbox", inbox.root().toString(), "--out",
				out.toString(), "--db-url", PostgresDatabase.urlFor(schema), "--max-reject-pct", "100"));
		args.addAll(List.of(options));
		return CliRun.of(args.toArray(String[]::new));
	}

	private List<String> rejects() throws SQLException {
		return query("SELECT source_file || ' ' || line || ' ' || step_name || ' ' || reason FROM import_reject "
				+ "WHERE billing_month = '" + MONTH + "' ORDER BY source_file, line");
	}

	private List<String> files() throws SQLException {
		return query("SELECT source_file || ' ' || rows_read || ' ' || rows_loaded || ' ' || rows_rejected || ' ' || "
				+ "rows_skipped FROM input_file WHERE billing_month = '" + MONTH + "' AND source_file LIKE '%/usage/%' "
				+ "ORDER BY source_file");
	}

	/** ch_001's estimate (volume and cost) in the rows and in their sums, and the sums equal to the rows. */
	private void assertEstimated(String volumeAndCost) throws SQLException {
		assertThat(query("SELECT SUM(volume) || ' ' || SUM(cost) FROM usage_estimate WHERE billing_month = '" + MONTH
				+ "' AND channel_id = 'ch_001'")).containsExactly(volumeAndCost);
		assertThat(query("SELECT SUM(volume) || ' ' || SUM(cost) FROM estimate_summary WHERE billing_month = '" + MONTH
				+ "' AND channel_id = 'ch_001'")).containsExactly(volumeAndCost);
		assertThat(query(EstimateSums.fromSummary(MONTH))).isEqualTo(query(EstimateSums.fromEstimates(MONTH)));
	}

	private List<String> reconciled() throws SQLException {
		return query("SELECT phone_number_id || ' ' || category || ' ' || estimated_volume || ' ' || invoiced_volume "
				+ "|| ' ' || status FROM recon_line WHERE billing_month = '" + MONTH + "' ORDER BY 1");
	}

	private List<String> query(String sql) throws SQLException {
		return PostgresDatabase.query(PostgresDatabase.urlFor(schema), sql);
	}

	private void execute(String sql) throws SQLException {
		try (var connection = java.sql.DriverManager.getConnection(PostgresDatabase.urlFor(schema));
				var statement = connection.createStatement()) {
			statement.execute(sql);
		}
	}

}
