package com.wabarecon.launch;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;

import com.wabarecon.MonthFiles;
import com.wabarecon.TestInbox;
import com.wabarecon.importing.ImportGuard;
import com.wabarecon.inbox.InboxInventory;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

/**
 * A close with too little to stand on fails before its reconciliation (exit 1), nothing is
 * rendered or emailed, and the month is not closed: once its files are there, closing it again
 * reads them anew. The command line on an embedded H2 file database, on October 2025 for the
 * sample's directory: one usage export of ch_001 (Europe/Berlin, EUR; 10 marketing messages at
 * 0.1365 = 1.37 EUR) and an invoice line for it.
 */
class GuardedCloseTests {

	static final String MONTH = "2025-10";

	/** 2025-10-09T22:00:00Z: 10 October in Europe/Berlin. */
	static final long OCT_10 = 1760047200L;

	@TempDir
	Path dir;

	String dbUrl;

	TestInbox inbox;

	Path out;

	@BeforeEach
	void database() throws Exception {
		dbUrl = "jdbc:h2:file:" + dir.resolve("db/recon") + ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH";
		inbox = TestInbox.withSampleReferenceData(dir.resolve("inbox"));
		out = dir.resolve("out");
	}

	@Test
	void aMonthWithNoFolderAtAllIsRefusedAndStaysOpen() throws Exception {
		// when
		CliRun close = close();

		// then
		assertThat(close.exitCode()).as(close.out()).isEqualTo(1);
		assertThat(close.err()).contains("the close of 2025-10 is refused before its reconciliation: the inbox has no "
				+ "folder " + inbox.root().resolve(MONTH).toAbsolutePath(), "no estimate of 2025-10 was loaded",
				"no invoice line of 2025-10 was loaded", "Nothing was reconciled, rendered or emailed; the month is not closed");
		assertNothingReconciledRenderedOrSent();

		// and when: the month's files arrive, closing it again reads them anew (a new run)
		writeMonth();
		CliRun again = close();

		// then
		assertThat(again.exitCode()).as(again.err()).isZero();
		assertThat(again.out()).contains("2025-10, all clients, rerun 1 · COMPLETED");
		assertThat(query("SELECT status FROM recon_line WHERE billing_month = '2025-10'")).containsExactly("MATCHED");
		assertThat(query("SELECT COUNT(*) FROM batch_job_instance")).containsExactly("2");
	}

	@Test
	void aMonthWithoutAnInvoiceIsRefusedAndNothingIsSent() throws Exception {
		// given: the usage export, no invoice yet
		writeExport();

		// when
		CliRun close = close();

		// then
		assertThat(close.exitCode()).isEqualTo(1);
		assertThat(close.err()).contains("no invoice line of 2025-10 was loaded (2025-10/invoice/ holds no invoice file "
				+ "that could be read)").doesNotContain("no estimate");
		assertNothingReconciledRenderedOrSent();
	}

	@Test
	void aMonthWithoutEstimatesIsRefused() throws Exception {
		// given: the invoice, no usage
		writeInvoice();

		// when
		CliRun close = close();

		// then
		assertThat(close.exitCode()).isEqualTo(1);
		assertThat(close.err()).contains("no estimate of 2025-10 was loaded").doesNotContain("no invoice line");
		assertNothingReconciledRenderedOrSent();
	}

	@Test
	void aCloseWhoseChannelsAreAllRejectedIsRefusedNamingTheFile() throws Exception {
		// given: every channel with a time zone that is none (12 of 12 rows rejected)
		String channels = Files.readString(inbox.root().resolve("directory/channels.csv"))
			.replaceAll("(Europe|Asia|America)/[A-Za-z_]+", "Mars/Olympus");
		inbox.write("directory/channels.csv", channels);
		writeMonth();

		// when
		CliRun close = close();

		// then
		assertThat(close.exitCode()).isEqualTo(1);
		assertThat(close.err()).contains("directory: 12 of 18 rows rejected (66.7 %), more than the 5 % allowed "
				+ "(--max-reject-pct); the most in directory/channels.csv 12 of 12");
		assertNothingReconciledRenderedOrSent();
	}

	@Test
	void moreRejectedUsageRowsThanAllowedRefuseTheCloseUnlessTheRunAllowsMore() throws Exception {
		// given: 2 rows of 3 rejected (a volume that is no number)
		writeInvoice();
		inbox.write(MONTH + "/usage/ch_001.json", """
				{"channel_id": "ch_001", "currency": "EUR", "granularity": "DAILY", "usage": [
				 {"start": %1$d, "end": %2$d, "country": "DE", "pricing_category": "MARKETING", "pricing_type": "REGULAR", "volume": 10, "cost": 1.365},
				 {"start": %1$d, "end": %2$d, "country": "AT", "pricing_category": "MARKETING", "pricing_type": "REGULAR", "volume": "ten"},
				 {"start": %1$d, "end": %2$d, "country": "GR", "pricing_category": "MARKETING", "pricing_type": "REGULAR", "volume": "x"}
				]}
				""".formatted(OCT_10, OCT_10 + 86400));

		// when
		CliRun refused = close();
		CliRun allowed = close("--max-reject-pct", "70");

		// then: 2 of 3 is 66.7 %
		assertThat(refused.exitCode()).isEqualTo(1);
		assertThat(refused.err()).contains("usage exports: 2 of 3 rows rejected (66.7 %), more than the 5 % allowed "
				+ "(--max-reject-pct); the most in 2025-10/usage/ch_001.json 2 of 3");
		assertThat(allowed.exitCode()).as(allowed.err()).isZero();
		assertThat(query("SELECT status FROM recon_line WHERE billing_month = '2025-10'")).containsExactly("MATCHED");
	}

	@Test
	void aUsageExportReadOnlyUpToABreakIsWeighedAsAFileNotAsOneRow() throws Exception {
		// given: ch_001's export of 30 days loads; ch_002's breaks after its first row: 1 reject of 32
		// rows read (3.1 %, within 5 %), but 1 of the 2 files (50 %) read only up to a break
		writeInvoice();
		StringBuilder rows = new StringBuilder();
		for (int day = 0; day < 30; day++) {
			rows.append(day == 0 ? "" : ",\n").append("""
					 {"start": %d, "end": %d, "country": "DE", "pricing_category": "MARKETING", "pricing_type": "REGULAR", "volume": 1, "cost": 0.1365}"""
				.formatted(OCT_10 - 9 * 86400 + day * 86400, OCT_10 - 8 * 86400 + day * 86400));
		}
		inbox.write(MONTH + "/usage/ch_001.json", "{\"channel_id\": \"ch_001\", \"usage\": [\n" + rows + "]}\n");
		inbox.write(MONTH + "/usage/ch_002.json", """
				{"channel_id": "ch_002", "usage": [
				 {"start": %d, "end": %d, "country": "DE", "pricing_category": "MARKETING", "pricing_type": "REGULAR", "volume": 5, "cost": 0.6825},
				 {"start": %d, "country": "DE", "pricing_ca""".formatted(OCT_10, OCT_10 + 86400, OCT_10));

		// when
		CliRun close = close();

		// then
		assertThat(close.exitCode()).isEqualTo(1);
		assertThat(close.err()).contains("usage exports: 1 of 2 files refused whole or read only up to a break, more "
				+ "than the 5 % allowed (--max-reject-pct): 2025-10/usage/ch_002.json").doesNotContain("rows rejected");
		assertNothingReconciledRenderedOrSent();
	}

	@Test
	void invoiceFilesThatCannotBeOpenedAreWeighedAsFilesRefusedWhole() throws Exception {
		// given: the month imported with its one invoice file, and two more invoice files the inbox
		// step found but could not open (permission denied: which a test run as root cannot make)
		writeMonth();
		CliRun imported = close("--until", "import");
		assertThat(imported.exitCode()).as(imported.err()).isZero();
		try (Connection connection = DriverManager.getConnection(dbUrl); Statement insert = connection.createStatement()) {
			for (String file : List.of("b-part2.csv", "c-part3.csv")) {
				insert.executeUpdate("INSERT INTO inbox_file (billing_month, source_file, kind, decision, reason, size_bytes) "
						+ "VALUES ('2025-10', '2025-10/invoice/" + file + "', 'INVOICE', 'REFUSED', '"
						+ InboxInventory.UNREADABLE + "', 100)");
			}
		}

		// when
		List<String> problems = new ImportGuard(JdbcClient.create(new DriverManagerDataSource(dbUrl)))
			.problems(inbox.root(), YearMonth.parse(MONTH), new BigDecimal("5"));

		// then: 2 of the 3 invoice files
		assertThat(problems).containsExactly("invoice: 2 of 3 files refused whole or read only up to a break, more than "
				+ "the 5 % allowed (--max-reject-pct): 2025-10/invoice/b-part2.csv, 2025-10/invoice/c-part3.csv");
	}

	@Test
	void aRefusedCloseIsNotResumedByRestartButClosedAgain() throws Exception {
		// given
		close();
		String refused = query("SELECT MAX(job_execution_id) FROM batch_job_execution").get(0);

		// when
		CliRun restart = CliRun.of("restart", refused, "--db-url", dbUrl);

		// then
		assertThat(restart.exitCode()).isEqualTo(2);
		assertThat(restart.err()).contains("execution " + refused + " was refused before its reconciliation (its import "
				+ "had too little to stand on): it is not resumed; close the month again (close --month 2025-10)");
	}

	private void assertNothingReconciledRenderedOrSent() throws Exception {
		assertThat(query("SELECT COUNT(*) FROM recon_line WHERE billing_month = '2025-10'")).containsExactly("0");
		assertThat(query("SELECT COUNT(*) FROM statement_file WHERE billing_month = '2025-10'")).containsExactly("0");
		assertThat(query("SELECT COUNT(*) FROM delivery_log")).containsExactly("0");
		Path month = out.resolve(MONTH);
		assertThat(Files.exists(month.resolve("outbox"))).as("no email").isFalse();
		assertThat(Files.exists(month.resolve("reconciliation-" + MONTH + ".csv"))).isFalse();
		assertThat(query("""
				SELECT e.status FROM batch_job_execution e
				WHERE e.job_execution_id = (SELECT MAX(job_execution_id) FROM batch_job_execution)""")).containsExactly("FAILED");
	}

	private void writeMonth() throws Exception {
		writeExport();
		writeInvoice();
	}

	private void writeExport() throws Exception {
		inbox.write(MONTH + "/usage/ch_001.json", """
				{"channel_id": "ch_001", "currency": "EUR", "granularity": "DAILY", "usage": [
				 {"start": %d, "end": %d, "country": "DE", "pricing_category": "MARKETING", "pricing_type": "REGULAR",
				  "volume": 10, "cost": 1.365}]}
				""".formatted(OCT_10, OCT_10 + 86400));
	}

	private void writeInvoice() throws Exception {
		MonthFiles.invoice(inbox, MONTH, String.join(",", "INV-2025-10", "2025-11-03", "2025-10-01", "2025-10-31",
				"102290129340398", "106540352242922", "", "DE", "MARKETING", "REGULAR", "0:MAX", "10", "0.1365", "1.37",
				"EUR", "USAGE"));
	}

	private CliRun close(String... options) {
		List<String> args = new ArrayList<>(List.of("close", "--month", MONTH, "--inbox", inbox.root().toString(),
				"--out", out.toString(), "--db-url", dbUrl));
		args.addAll(List.of(options));
		return CliRun.of(args.toArray(String[]::new));
	}

	private List<String> query(String sql) throws Exception {
		List<String> rows = new ArrayList<>();
		try (Connection connection = DriverManager.getConnection(dbUrl);
				ResultSet result = connection.createStatement().executeQuery(sql)) {
			while (result.next()) {
				rows.add(result.getString(1));
			}
		}
		return rows;
	}

}
