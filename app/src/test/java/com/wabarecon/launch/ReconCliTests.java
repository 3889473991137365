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
		// when
		CliRun first = close("--until", "import", "--amount-tolerance-pct", "1.5", "--volume-tolerance-abs", "3",
				"--dry-run");

		// then
		assertThat(first.exitCode()).as(first.err()).isZero();
		assertThat(first.out()).contains("2025-09, all clients · COMPLETED", "clientsStep", "channelsStep",
				"rejects: ", "2025-09, all clients closed");
		assertThat(first.out()).doesNotContain("reconciliationStep");
		assertThat(Files.exists(dir.resolve("out/2025-09/rejects-2025-09.csv"))).isTrue();

		CliRun again = close();
		assertThat(again.exitCode()).isZero();
		assertThat(again.out()).contains("already closed by execution 1; nothing was run (add --rerun to close it again)");

		CliRun rerun = close("--rerun");
		assertThat(rerun.exitCode()).isZero();
		assertThat(rerun.out()).contains("execution 2 · 2025-09, all clients, rerun 1 · COMPLETED");
		assertThat(rowCounts()).containsExactly(6L, 12L);

		CliRun status = CliRun.of("status", "--db-url", dbUrl);
		assertThat(status.exitCode()).isZero();
		assertThat(status.out()).contains("execution 2 · 2025-09, all clients, rerun 1 · COMPLETED",
				"execution 1 · 2025-09, all clients · COMPLETED", "amountTolerancePct=1.5", "volumeToleranceAbs=3",
				"dryRun=true", "until=import", "month=2025-09", "started 20");
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
