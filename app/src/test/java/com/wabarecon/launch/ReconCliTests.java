package com.wabarecon.launch;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The command line as a person uses it: arguments, exit codes and what it prints, with the
 * real job on an embedded H2 file database.
 */
class ReconCliTests {

	@TempDir
	Path dir;

	String dbUrl;

	@BeforeEach
	void database() {
		dbUrl = "jdbc:h2:file:" + dir.resolve("db/recon") + ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH";
	}

	@Test
	void helpAndVersionExitZero() {
		CliRun help = CliRun.of("help");
		assertThat(help.exitCode()).isZero();
		assertThat(help.out()).contains("close", "status");
		assertThat(CliRun.of("close", "--help").out()).contains("--month=YYYY-MM", "--until=STAGE", "--dry-run");
		assertThat(CliRun.of("--version").exitCode()).isZero();
	}

	@Test
	void usageErrorsExitTwoWithTheUsageText() {
		assertThat(CliRun.of().exitCode()).isEqualTo(2);
		CliRun badMonth = CliRun.of("close", "--month", "2025-13");
		assertThat(badMonth.exitCode()).isEqualTo(2);
		assertThat(badMonth.err()).contains("'2025-13' is not a month of the form YYYY-MM", "Usage: recon close");
		CliRun unknown = CliRun.of("close", "--month", "2025-09", "--colour");
		assertThat(unknown.exitCode()).isEqualTo(2);
		assertThat(unknown.err()).contains("Unknown option: '--colour'");
		assertThat(CliRun.of("close").err()).contains("Missing required option: '--month=YYYY-MM'");
		assertThat(CliRun.of("close", "--month", "2025-09", "--until", "lunch").err())
			.contains("unknown stage 'lunch' (expected one of import, reconcile, statements, delivery)");
		assertThat(CliRun.of("close", "--month", "2025-09", "--amount-tolerance-pct", "-1").err())
			.contains("--amount-tolerance-pct must not be negative");
		assertThat(CliRun.of("close", "--month", "2025-09", "--client", "../x").exitCode()).isEqualTo(2);
		assertThat(CliRun.of("reconcile-everything").exitCode()).isEqualTo(2);
	}

	@Test
	void closePrintsASummaryRecordsEveryOptionAndClosingAgainDuplicatesNothing() throws Exception {
		// when: the close stops after the import, as asked
		CliRun first = close("--until", "import", "--amount-tolerance-pct", "1.5", "--volume-tolerance-abs", "3",
				"--dry-run");

		// then: the month stays open
		assertThat(first.exitCode()).as(first.err()).isZero();
		assertThat(first.out()).contains("execution 1 · 2025-09, all clients · STOPPED after import", "clientsStep",
				"channelsStep", "rejects: ",
				"2025-09, all clients stopped after import as asked; the month stays open: close --month 2025-09 continues it");
		assertThat(first.out()).doesNotContain("reconciliationStep");
		assertThat(Files.exists(dir.resolve("out/2025-09/rejects-2025-09.csv"))).isTrue();
		// the sample's two deliberate bad rows (sample-invoices/README.md)
		assertThat(first.out()).contains("needs attention: 2 rejected rows (the reconciliation has not run yet); see "
				+ dir.resolve("out/2025-09/rejects-2025-09.csv") + System.lineSeparator());

		CliRun asFar = close("--until", "import");
		assertThat(asFar.exitCode()).as(asFar.err()).isZero();
		assertThat(asFar.out().strip()).isEqualTo("2025-09, all clients went through import in execution 1 and stopped "
				+ "there as asked; nothing was run (close --month 2025-09 continues it)");

		// a later close goes on from the reconciliation, without importing again
		CliRun further = close("--until", "reconcile");
		assertThat(further.exitCode()).as(further.err()).isZero();
		assertThat(further.out()).contains("execution 2 · 2025-09, all clients · STOPPED after reconcile",
				"reconciliationStep", "2025-09, all clients stopped after reconcile as asked");
		assertThat(further.out()).doesNotContain("usageImportStep", "clientsStep");
		assertThat(rowCounts()).containsExactly(6L, 12L);

		CliRun rest = close();
		assertThat(rest.exitCode()).as(rest.err()).isZero();
		assertThat(rest.out()).contains("execution 3 · 2025-09, all clients · COMPLETED", "statementsStep",
				"2025-09, all clients closed");
		assertThat(rest.out()).doesNotContain("reconciliationStep");
		// the sample's seven discrepancies, two bad rows and two Direct Payment numbers (sample-invoices/README.md)
		assertThat(rest.out()).contains("needs attention: 7 discrepancies (2 OVER_INVOICED, 1 UNDER_INVOICED, "
				+ "1 MISSING_FROM_INVOICE, 1 NOT_ESTIMATED, 1 UNKNOWN_CHANNEL, 1 CURRENCY_MISMATCH), 2 rejected rows, "
				+ "1 number on Direct Payment running out of funds within a week (ch_011) and 1 prepaid balance that "
				+ "does not roll forward (ch_012); see recon lines --month 2025-09 or the partner workbook's "
				+ "Discrepancies sheet, and " + dir.resolve("out/2025-09/rejects-2025-09.csv")
				+ ", and the partner workbook's Balances sheet" + System.lineSeparator());

		CliRun again = close();
		assertThat(again.exitCode()).isZero();
		assertThat(again.out()).contains("already closed by execution 3; nothing was run (add --rerun to close it again)");

		CliRun rerun = close("--rerun");
		assertThat(rerun.exitCode()).isZero();
		assertThat(rerun.out()).contains("execution 4 · 2025-09, all clients, rerun 1 · COMPLETED");
		assertThat(rowCounts()).containsExactly(6L, 12L);

		CliRun status = CliRun.of("status", "--db-url", dbUrl);
		assertThat(status.exitCode()).isZero();
		assertThat(status.out()).contains("execution 4 · 2025-09, all clients, rerun 1 · COMPLETED",
				"execution 3 · 2025-09, all clients · COMPLETED", "execution 1 · 2025-09, all clients · STOPPED after import",
				"amountTolerancePct=1.5", "volumeToleranceAbs=3", "dryRun=true", "until=import", "month=2025-09",
				"started 20");
	}

	@Test
	void restartSaysInOneLineWhyThereIsNothingToResume() {
		CliRun unknown = CliRun.of("restart", "9999", "--db-url", dbUrl);
		assertThat(unknown.exitCode()).isEqualTo(2);
		assertThat(unknown.err().strip()).isEqualTo("restart 9999: there is no execution 9999 (recon status lists them)");

		assertThat(close("--until", "import", "--dry-run").exitCode()).isZero();
		CliRun stopped = CliRun.of("restart", "1", "--db-url", dbUrl);
		assertThat(stopped.exitCode()).isEqualTo(2);
		assertThat(stopped.err().strip()).isEqualTo("restart 1: execution 1 (2025-09, all clients) stopped after import "
				+ "as asked: close --month 2025-09 continues it");

		assertThat(close().exitCode()).isZero();
		CliRun superseded = CliRun.of("restart", "1", "--db-url", dbUrl);
		assertThat(superseded.exitCode()).isEqualTo(2);
		assertThat(superseded.err().strip()).isEqualTo("restart 1: execution 1 (2025-09, all clients) was resumed: its "
				+ "latest execution is 2, COMPLETED; nothing was run");

		CliRun completed = CliRun.of("restart", "2", "--db-url", dbUrl);
		assertThat(completed.exitCode()).isEqualTo(2);
		assertThat(completed.err().strip())
			.isEqualTo("restart 2: execution 2 (2025-09, all clients) completed: there is nothing to resume");
	}

	@Test
	void linesPrintsTheMonthsDiscrepanciesAsATableOrCsv() {
		assertThat(close("--until", "reconcile", "--dry-run").exitCode()).isZero();

		// the sample's eight discrepancies (sample-invoices/README.md), in the outputs' order: the
		// unknown channel, which has no client, last
		CliRun discrepancies = CliRun.of("lines", "--month", "2025-09", "--db-url", dbUrl);
		assertThat(discrepancies.exitCode()).as(discrepancies.err()).isZero();
		List<String> table = discrepancies.out().lines().toList();
		assertThat(table.get(0)).startsWith("client").contains("category", "estimated", "invoiced", "delta", "status",
				"reason");
		assertThat(table).hasSize(1 + 8);
		int statusColumn = table.get(0).indexOf("status");
		assertThat(table.subList(1, table.size())).extracting(row -> row.substring(statusColumn).split(" ")[0])
			.containsExactlyInAnyOrder("OVER_INVOICED", "OVER_INVOICED", "OVER_INVOICED", "MISSING_FROM_INVOICE",
					"UNDER_INVOICED", "NOT_ESTIMATED", "CURRENCY_MISMATCH", "UNKNOWN_CHANNEL");
		// ch_010's calls, in minutes
		assertThat(table).anySatisfy(row -> assertThat(row).contains("409912345600002", "VOICE", " 91.3 ", " 93.8 ",
				"OVER_INVOICED"));
		assertThat(table.get(table.size() - 1)).contains("999000111222333", "UNKNOWN_CHANNEL");

		CliRun oneStatus = CliRun.of("lines", "--month", "2025-09", "--status", "under_invoiced", "--csv", "--db-url",
				dbUrl);
		assertThat(oneStatus.exitCode()).as(oneStatus.err()).isZero();
		List<String> csv = oneStatus.out().lines().toList();
		assertThat(csv.get(0)).isEqualTo("billing_month,client_id,waba_id,phone_number_id,category,currency,"
				+ "estimated_volume,invoiced_volume,volume_delta,estimated_amount,invoiced_amount,amount_delta,"
				+ "amount_delta_pct,status,reason");
		assertThat(csv).hasSize(2);
		assertThat(csv.get(1)).startsWith("2025-09,").contains(",MARKETING,", ",620,600,-20,", ",UNDER_INVOICED,");

		CliRun badStatus = CliRun.of("lines", "--month", "2025-09", "--status", "LATE", "--db-url", dbUrl);
		assertThat(badStatus.exitCode()).isEqualTo(2);
		assertThat(badStatus.err()).startsWith("--status LATE is not a line status (one of MATCHED, ");

		CliRun noMonth = CliRun.of("lines", "--month", "2025-08", "--db-url", dbUrl);
		assertThat(noMonth.exitCode()).isZero();
		assertThat(noMonth.err().strip()).isEqualTo("lines 2025-08: no discrepancy (a close of 2025-08 that went "
				+ "through its reconciliation writes them; recon status lists the closes)");
	}

	@Test
	void aFailedCloseExitsOneWithAOneLineReason() {
		CliRun failed = CliRun.of("close", "--month", "2025-09", "--inbox", dir.resolve("no-such-inbox").toString(),
				"--out", dir.resolve("out").toString(), "--db-url", dbUrl);

		assertThat(failed.exitCode()).isEqualTo(1);
		List<String> errLines = failed.err().lines().toList();
		assertThat(errLines).hasSize(1);
		assertThat(errLines.get(0)).startsWith("close 2025-09, all clients: directory/clients.csv: file not found");
		assertThat(failed.out()).contains("FAILED");
	}

	@Test
	void oneClientIsItsOwnRun() {
		assertThat(close().exitCode()).isZero();
		CliRun oneClient = close("--client", "c_003");
		assertThat(oneClient.exitCode()).isZero();
		assertThat(oneClient.out()).contains("2025-09, client c_003 · COMPLETED");
	}

	private CliRun close(String... options) {
		List<String> args = new ArrayList<>(List.of("close", "--month", "2025-09", "--inbox", "sample-invoices", "--out",
				dir.resolve("out").toString(), "--db-url", dbUrl));
		args.addAll(List.of(options));
		return CliRun.of(args.toArray(String[]::new));
	}

	private List<Long> rowCounts() throws Exception {
		try (var connection = java.sql.DriverManager.getConnection(dbUrl);
				var statement = connection.createStatement()) {
			List<Long> counts = new ArrayList<>();
			for (String table : List.of("client", "channel")) {
				try (var rs = statement.executeQuery("SELECT COUNT(*) FROM " + table)) {
					rs.next();
					counts.add(rs.getLong(1));
				}
			}
			return counts;
		}
	}

}
