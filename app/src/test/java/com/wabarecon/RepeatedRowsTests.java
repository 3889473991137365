package com.wabarecon;

import static com.wabarecon.RepeatedRowsFiles.CH_001;
import static com.wabarecon.RepeatedRowsFiles.MONTH;
import static com.wabarecon.RepeatedRowsFiles.OCT_2;
import static com.wabarecon.RepeatedRowsFiles.OCT_3;
import static com.wabarecon.RepeatedRowsFiles.OCT_4;
import static com.wabarecon.RepeatedRowsFiles.OCT_5;
import static com.wabarecon.RepeatedRowsFiles.USAGE;
import static com.wabarecon.RepeatedRowsFiles.balance;
import static com.wabarecon.RepeatedRowsFiles.export;
import static com.wabarecon.RepeatedRowsFiles.fiveDays;
import static com.wabarecon.RepeatedRowsFiles.period;
import static com.wabarecon.RepeatedRowsFiles.row;
import static com.wabarecon.RepeatedRowsFiles.rowWithoutCost;
import static com.wabarecon.RepeatedRowsFiles.threeOfThemAndAnother;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import com.wabarecon.support.accounting.FileCounts;
import com.wabarecon.support.accounting.InputFileRepository;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.step.StepExecution;
import org.springframework.batch.test.JobOperatorTestUtils;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * A usage or balance row repeated from another file counts once (issue 21): each test writes a
 * month's exports of which one file repeats rows of another, runs the real close, and checks that
 * the rows of the file later in name order are rejected naming the row kept, whichever file the
 * shares loaded first, that the estimate and the reconciliation count each row once (figures
 * worked out by hand), that every file's rows balance and that the rejects file lists them. The
 * same on PostgreSQL: {@code RepeatedRowsPostgresTests}; after a restart: {@code RepeatedRowsRestartTests}.
 */
@CloseJobTest
class RepeatedRowsTests {

	static final String REPEATS = "): the same usage counts once";

	@Autowired
	JobOperatorTestUtils jobOperatorTestUtils;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	InputFileRepository inputFiles;

	@TempDir
	Path dir;

	@TempDir
	Path out;

	TestInbox inbox;

	/** The test's close, once run. */
	JobExecution close;

	@BeforeEach
	void newInbox() throws IOException {
		inbox = TestInbox.withSampleReferenceData(dir);
	}

	@Test
	void aSecondFileRepeatingThreeRowsOfAnotherHasThoseRowsRejectedNamingTheFirst() throws Exception {
		// given: the export, and a file later in name order that repeats three of its five rows
		inbox.write(USAGE + "a-ch_001.json", fiveDays());
		inbox.write(USAGE + "b-resent.json", threeOfThemAndAnother());
		// billed once: 10 + 20 + 30 + 40 + 50 + 7 = 157 messages at 0.1365 = 21.4305
		RepeatedRowsFiles.invoice(inbox, 157, "21.4305");

		// when
		close(Stage.RECONCILE);

		// then
		assertRejects(new Expected(USAGE + "b-resent.json", 2L, "repeats the row of " + USAGE
				+ "a-ch_001.json line 5, column 2, usage[3] (ch_001, start " + OCT_5 + ", DE MARKETING REGULAR 0:MAX" + REPEATS),
				new Expected(USAGE + "b-resent.json", 4L, "repeats the row of " + USAGE
						+ "a-ch_001.json line 3, column 2, usage[1] (ch_001, start " + OCT_3 + ", DE MARKETING REGULAR 0:MAX"
						+ REPEATS),
				new Expected(USAGE + "b-resent.json", 5L, "repeats the row of " + USAGE
						+ "a-ch_001.json line 4, column 2, usage[2] (ch_001, start " + OCT_4 + ", DE MARKETING REGULAR 0:MAX"
						+ REPEATS));
		assertThat(jdbc.sql("SELECT raw_content FROM import_reject WHERE line = 2").query(String.class).single())
			.isEqualTo("as loaded: ch_001, start " + OCT_5 + " (2025-10-05), DE MARKETING REGULAR 0:MAX, volume 40, "
					+ "cost 5.46 EUR");
		assertCounts(USAGE + "a-ch_001.json", 5, 5, 0, 0);
		assertCounts(USAGE + "b-resent.json", 4, 1, 3, 0);
		assertEstimated(157, "21.430500");
		assertThat(reconciled()).containsExactly(CH_001 + " MARKETING 157 157 MATCHED");
		assertThat(rejectsFile()).hasSize(4)
			.anySatisfy(line -> assertThat(line).startsWith(USAGE + "b-resent.json,2,")
				.contains("repeats the row of " + USAGE + "a-ch_001.json line 5"));
		assertThat(StepExecutions.named(close, "repeatedRowsStep").getReadSkipCount()).isEqualTo(3);
		assertThat(StepExecutions.named(close, "repeatedRowsStep").getExitStatus().getExitDescription()).isEqualTo("usage export rows of "
				+ "1 channel came from more than one file: 3 rows repeating another file's rejected (in 1 file)");
	}

	@Test
	void aSecondFileSortingFirstKeepsItsRowsAndTheRepeatsOfTheOtherFileAreRejected() throws Exception {
		// given: the same files, the repeating one named first
		inbox.write(USAGE + "a-resent.json", threeOfThemAndAnother());
		inbox.write(USAGE + "b-ch_001.json", fiveDays());
		RepeatedRowsFiles.invoice(inbox, 157, "21.4305");

		// when
		close(Stage.RECONCILE);

		// then: the first file's rows stay, the second's three repeats go (3, 4 and 5 October)
		assertRejects(
				new Expected(USAGE + "b-ch_001.json", 3L, "repeats the row of " + USAGE
						+ "a-resent.json line 4, column 2, usage[2] (ch_001, start " + OCT_3 + ", DE MARKETING REGULAR 0:MAX"
						+ REPEATS),
				new Expected(USAGE + "b-ch_001.json", 4L, "repeats the row of " + USAGE
						+ "a-resent.json line 5, column 2, usage[3] (ch_001, start " + OCT_4 + ", DE MARKETING REGULAR 0:MAX"
						+ REPEATS),
				new Expected(USAGE + "b-ch_001.json", 5L, "repeats the row of " + USAGE
						+ "a-resent.json line 2, column 2, usage[0] (ch_001, start " + OCT_5 + ", DE MARKETING REGULAR 0:MAX"
						+ REPEATS));
		assertCounts(USAGE + "a-resent.json", 4, 4, 0, 0);
		assertCounts(USAGE + "b-ch_001.json", 5, 2, 3, 0);
		assertEstimated(157, "21.430500");
		assertThat(reconciled()).containsExactly(CH_001 + " MARKETING 157 157 MATCHED");
	}

	@Test
	void aBalancePeriodRepeatedInAnotherFileIsRejectedNamingTheFirst() throws Exception {
		// given: 2, 3 and 4 October, and a file later in name order with 3 October again and 5 October
		inbox.write(USAGE + "ch_001.balance.json",
				balance(period("2025-10-02", 10), period("2025-10-03", 20), period("2025-10-04", 30)));
		inbox.write(USAGE + "resent.balance.json", balance(period("2025-10-03", 20), period("2025-10-05", 4)));
		// billed once: 10 + 20 + 30 + 4 = 64 paid messages at 0.1365 = 8.736
		RepeatedRowsFiles.invoice(inbox, 64, "8.736");

		// when
		close(Stage.RECONCILE);

		// then: the repeated period goes whole (its paid and its free messages)
		assertRejects(new Expected(USAGE + "resent.balance.json", 2L, "repeats the period of " + USAGE
				+ "ch_001.balance.json line 3, column 2, usage[1] (ch_001, 2025-10-03" + REPEATS));
		assertThat(jdbc.sql("SELECT raw_content FROM import_reject").query(String.class).single())
			.isEqualTo("as loaded: ch_001, period 2025-10-03: MARKETING REGULAR volume 20 cost 2.73 EUR; "
					+ "SERVICE FREE_TIER volume 5 cost 0 EUR");
		assertCounts(USAGE + "ch_001.balance.json", 3, 3, 0, 0);
		assertCounts(USAGE + "resent.balance.json", 2, 1, 1, 0);
		assertThat(jdbc.sql("""
				SELECT pricing_type || ' ' || SUM(volume) || ' ' || SUM(cost) FROM estimate_summary
				WHERE billing_month = ? AND channel_id = 'ch_001' AND source_kind = 'BALANCE'
				GROUP BY pricing_type ORDER BY 1""").param(MONTH).query(String.class).list())
			.containsExactly("FREE_TIER 20 0.000000", "REGULAR 64 8.736000");
		assertThat(jdbc.sql(EstimateSums.fromSummary(MONTH)).query(String.class).list())
			.isEqualTo(jdbc.sql(EstimateSums.fromEstimates(MONTH)).query(String.class).list());
		assertThat(reconciled()).containsExactly(CH_001 + " MARKETING 64 64 MATCHED", CH_001 + " SERVICE 0 0 MATCHED");
		assertThat(jdbc.sql("SELECT estimated_free_volume FROM recon_line WHERE category = 'SERVICE'").query(Long.class)
			.single()).as("5 free messages on each of 4 days").isEqualTo(20);
		assertThat(StepExecutions.named(close, "repeatedRowsStep").getExitStatus().getExitDescription()).isEqualTo("balance export periods of "
				+ "1 channel came from more than one file: 1 period repeating another file's rejected (in 1 file)");
	}

	@Test
	void aRowWithoutCostRepeatedFromAnotherFileIsPricedOnce() throws Exception {
		// given: rows without cost, priced at the rate card of 2025-10-01 (EUR, Germany, MARKETING 0.1410)
		inbox.write(USAGE + "a-ch_001.json", export("ch_001", rowWithoutCost(OCT_2, 10), rowWithoutCost(OCT_3, 20)));
		inbox.write(USAGE + "b-ch_001.json", export("ch_001", rowWithoutCost(OCT_3, 20)));
		// billed once: 30 messages at 0.1410 = 4.23
		RepeatedRowsFiles.invoice(inbox, 30, "4.23");

		// when
		close(Stage.RECONCILE);

		// then: the repeat goes before the pricing, which prices 30 messages, and the sums say so
		assertRejects(new Expected(USAGE + "b-ch_001.json", 2L, "repeats the row of " + USAGE
				+ "a-ch_001.json line 3, column 2, usage[1] (ch_001, start " + OCT_3 + ", DE MARKETING REGULAR 0:MAX" + REPEATS));
		assertThat(jdbc.sql("SELECT raw_content FROM import_reject").query(String.class).single())
			.endsWith("volume 20, cost none (to be priced from the rate card, EUR)");
		assertEstimated(30, "4.230000");
		assertThat(jdbc.sql("SELECT SUM(unpriced_rows) || ' ' || SUM(unpriced_volume) FROM estimate_summary")
			.query(String.class).single()).as("nothing left to price").isEqualTo("0 0");
		assertThat(reconciled()).containsExactly(CH_001 + " MARKETING 30 30 MATCHED");
	}

	@Test
	void twoFilesOfDifferentChannelsRejectNothingAndTheRepeatStepComparesNothing() throws Exception {
		// given: the same rows for two channels, each in a file of its own
		inbox.write(USAGE + "a-ch_001.json", fiveDays());
		inbox.write(USAGE + "b-ch_002.json", fiveDays().replace("ch_001", "ch_002"));

		// when
		close(Stage.IMPORT);

		// then
		assertRejects();
		assertCounts(USAGE + "a-ch_001.json", 5, 5, 0, 0);
		assertCounts(USAGE + "b-ch_002.json", 5, 5, 0, 0);
		assertThat(jdbc.sql("SELECT COUNT(*) FROM repeat_channel").query(Long.class).single())
			.as("channels noted as loaded from more than one file").isZero();
		StepExecution repeats = StepExecutions.named(close, "repeatedRowsStep");
		assertThat(repeats.getReadCount() + repeats.getReadSkipCount()).isZero();
		assertThat(repeats.getExitStatus().getExitDescription())
			.isEqualTo("every channel's rows came from one file: no row compared");
	}

	@Test
	void twoFilesOfOneChannelOnDifferentDaysRejectNothing() throws Exception {
		// given: 2 to 6 October in one file, 7 October in another
		inbox.write(USAGE + "a-ch_001.json", fiveDays());
		inbox.write(USAGE + "b-ch_001.json", export("ch_001", row(RepeatedRowsFiles.OCT_7, 7)));

		// when
		close(Stage.IMPORT);

		// then: compared, and nothing repeats
		assertRejects();
		assertEstimated(157, "21.430500");
		assertThat(StepExecutions.named(close, "repeatedRowsStep").getExitStatus().getExitDescription()).isEqualTo("usage export rows of "
				+ "1 channel came from more than one file: 0 rows repeating another file's rejected (in 0 files)");
	}

	@Test
	void rowsOfOneKeyWithinOneFileAreKeptAndTheirRepeatInAnotherFileIsRejected() throws Exception {
		// given: 2 October twice in the first file (two rows of one key), once more in the second
		inbox.write(USAGE + "a-ch_001.json", export("ch_001", row(OCT_2, 10), row(OCT_2, 10)));
		inbox.write(USAGE + "b-ch_001.json", export("ch_001", row(OCT_2, 10), row(OCT_3, 20)));

		// when
		close(Stage.IMPORT);

		// then: the first file's two rows stay, as they were; the second file's repeat goes
		assertRejects(new Expected(USAGE + "b-ch_001.json", 2L, "repeats the row of " + USAGE
				+ "a-ch_001.json line 2, column 2, usage[0] (ch_001, start " + OCT_2 + ", DE MARKETING REGULAR 0:MAX" + REPEATS));
		assertCounts(USAGE + "a-ch_001.json", 2, 2, 0, 0);
		assertCounts(USAGE + "b-ch_001.json", 2, 1, 1, 0);
		assertEstimated(40, "5.460000");
	}

	// --- the close and what it left

	/**
	 * Runs the close until the stage (it must complete), into {@link #close}. The repeats rejected
	 * are many of these small months' rows: the test is about them, not the guard that refuses a
	 * close with that many rejects (GuardedCloseTests).
	 */
	void close(Stage until) throws Exception {
		close = CloseJobRuns.runAllowingRejects(jobOperatorTestUtils, inbox.root(), out, MONTH, until);
		assertThat(close.getStatus()).as(close.getExitStatus().getExitDescription()).isEqualTo(BatchStatus.STOPPED);
		assertThat(inputFiles.forMonth(MONTH)).as("the month's input files")
			.allSatisfy(file -> assertThat(file.balanced()).as(file.toString()).isTrue());
	}

	/** A reject the test expects: its file, line and reason. */
	record Expected(String file, Long line, String reason) {
	}

	/** The month's rejects are exactly these. */
	void assertRejects(Expected... expected) {
		List<Expected> rejects = jdbc
			.sql("SELECT source_file, line, reason FROM import_reject WHERE billing_month = ? ORDER BY source_file, line")
			.param(MONTH)
			.query((rs, n) -> new Expected(rs.getString(1), (Long) rs.getObject(2, Long.class), rs.getString(3)))
			.list();
		assertThat(rejects).containsExactlyInAnyOrder(expected);
	}

	void assertCounts(String file, long read, long loaded, long rejected, long skipped) {
		assertThat(inputFiles.forMonth(MONTH)).filteredOn(counts -> counts.sourceFile().equals(file))
			.extracting(FileCounts::read, FileCounts::loaded, FileCounts::rejected, FileCounts::skipped)
			.containsExactly(tuple(read, loaded, rejected, skipped));
	}

	/** ch_001's usage export estimate, in the rows and in their sums, and the sums equal to the rows. */
	void assertEstimated(long volume, String cost) {
		assertThat(jdbc.sql("SELECT SUM(volume) || ' ' || SUM(cost) FROM usage_estimate WHERE billing_month = ? "
				+ "AND channel_id = 'ch_001'").param(MONTH).query(String.class).single()).isEqualTo(volume + " " + cost);
		assertThat(jdbc.sql("SELECT SUM(volume) || ' ' || SUM(cost) FROM estimate_summary WHERE billing_month = ? "
				+ "AND channel_id = 'ch_001'").param(MONTH).query(String.class).single()).isEqualTo(volume + " " + cost);
		assertThat(jdbc.sql(EstimateSums.fromSummary(MONTH)).query(String.class).list())
			.isEqualTo(jdbc.sql(EstimateSums.fromEstimates(MONTH)).query(String.class).list());
	}

	/** The reconciliation's lines: phone number, category, estimated and invoiced volume, status. */
	List<String> reconciled() {
		return jdbc.sql("SELECT phone_number_id || ' ' || category || ' ' || estimated_volume || ' ' || invoiced_volume "
				+ "|| ' ' || status FROM recon_line WHERE billing_month = ? ORDER BY 1").param(MONTH).query(String.class).list();
	}

	/** The rejects file's lines, its header first. */
	List<String> rejectsFile() throws IOException {
		return Files.readAllLines(out.resolve(MONTH + "/rejects-" + MONTH + ".csv"));
	}

}
