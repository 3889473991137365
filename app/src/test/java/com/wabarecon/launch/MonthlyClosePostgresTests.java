package com.wabarecon.launch;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import com.wabarecon.EstimateSums;
import com.wabarecon.PostgresDatabase;
import com.wabarecon.PostgresSchema;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * The close on the production database: the same command a person runs, with
 * {@code --db-url jdbc:postgresql://...}, against the real PostgreSQL server (in a schema of
 * its own, dropped afterwards).
 */
@ExtendWith(PostgresDatabase.class)
class MonthlyClosePostgresTests {

	@RegisterExtension
	static final PostgresSchema database = new PostgresSchema();

	@TempDir
	Path out;

	@Test
	void closesTheSampleMonthOnPostgresAndClosingAgainDuplicatesNothing() throws Exception {
		// when
		CliRun first = close("2025-09", "sample-invoices");
		List<String> partitionsAfterFirst = query(MONTH_PARTITION_FILES);
		CliRun again = close("2025-09", "sample-invoices");
		CliRun rerun = close("2025-09", "sample-invoices", "--rerun");

		// then
		assertThat(first.exitCode()).as(first.err()).isZero();
		assertThat(first.out()).contains("2025-09, all clients · COMPLETED");
		assertThat(again.out()).contains("already closed");
		assertThat(rerun.exitCode()).as(rerun.err()).isZero();
		assertThat(query("SELECT COUNT(*) FROM client")).containsExactly("6");
		assertThat(query("SELECT COUNT(*) FROM channel")).containsExactly("12");
		assertThat(query("""
				SELECT e.status FROM batch_job_execution e JOIN batch_job_execution_params p
				  ON p.job_execution_id = e.job_execution_id AND p.parameter_name = 'month'
				WHERE p.parameter_value = '2025-09' ORDER BY e.job_execution_id"""))
			.containsExactly("COMPLETED", "COMPLETED");
		assertThat(query("SELECT parameter_value FROM batch_job_execution_params WHERE parameter_name = 'dbUrl'"))
			.allSatisfy(url -> assertThat(url).startsWith("jdbc:postgresql://").contains(database.name()));

		// the usage stage on PostgreSQL: the same estimates as on H2 (UsageImportFunctionalTests)
		assertThat(query("""
				SELECT channel_id || ' ' || pricing_category || ' ' || SUM(volume) || ' ' || ROUND(SUM(cost), 2)
				FROM usage_estimate WHERE billing_month = '2025-09' AND pricing_type = 'REGULAR' AND counts_as_estimate
				  AND channel_id IN ('ch_006', 'ch_007', 'ch_004')
				GROUP BY channel_id, pricing_category ORDER BY 1"""))
			.containsExactly("ch_004 AUTHENTICATION 12000 1380.00", "ch_004 AUTHENTICATION_INTERNATIONAL 500 1150.00",
					"ch_004 MARKETING 9000 7767.90", "ch_004 UTILITY 70000 7997.88", "ch_006 AUTHENTICATION 10 1.15",
					"ch_006 MARKETING 48 47.74", "ch_006 UTILITY 26 2.97", "ch_007 MARKETING 2912 1001.15");
		assertThat(query("SELECT COUNT(*) FROM import_reject WHERE billing_month = '2025-09'")).containsExactly("2");
		// each month in a partition of its own, its index built after the load (and kept by the rerun)
		assertThat(query("SELECT COUNT(*) FROM usage_estimate_2025_09"))
			.isEqualTo(query("SELECT COUNT(*) FROM usage_estimate WHERE billing_month = '2025-09'"))
			.isNotEqualTo(List.of("0"));
		assertThat(query("SELECT COUNT(*) FROM usage_estimate_2025_09 WHERE billing_month <> '2025-09'"))
			.containsExactly("0");
		assertThat(query("SELECT indexname FROM pg_indexes WHERE schemaname = current_schema()"
				+ " AND tablename = 'usage_estimate_2025_09'"))
			.containsExactly("usage_estimate_2025_09_idx");

		// the rerun emptied the month before loading it again (new files, as TRUNCATE gives them),
		// not deleted its rows one by one to load the new beside them
		assertThat(query(MONTH_PARTITION_FILES)).hasSize(2).doesNotContainAnyElementsOf(partitionsAfterFirst);

		// the estimates' sums, replaced by the rerun, priced in the same pass as the estimates
		assertThat(query(EstimateSums.fromSummary("2025-09"))).isEqualTo(query(EstimateSums.fromEstimates("2025-09")))
			.hasSize(33);
		assertThat(query("SELECT COUNT(*) FROM estimate_summary WHERE billing_month = '2025-09' AND added_by_pricing"))
			.isNotEqualTo(List.of("0"));

		// the reconciliation on PostgreSQL: every status, as on H2 (ReconciliationFunctionalTests)
		assertThat(query("SELECT status || ' ' || COUNT(*) FROM recon_line WHERE billing_month = '2025-09' "
				+ "GROUP BY status ORDER BY status"))
			.containsExactly("CURRENCY_MISMATCH 1", "MATCHED 17", "MISSING_FROM_INVOICE 1", "NOT_ESTIMATED 1",
					"OVER_INVOICED 3", "UNDER_INVOICED 1", "UNKNOWN_CHANNEL 1", "WITHIN_TOLERANCE 5");
		assertThat(first.out()).contains("tied out: invoice BRL: lines 1547.10, invoice totals 1547.10");
		// written as the lines were judged, the CSV holds them in the outputs' order on PostgreSQL too
		List<String> csvLines = new ArrayList<>();
		for (String row : Files.readAllLines(out.resolve("2025-09/reconciliation-2025-09.csv")).subList(1, 31)) {
			String[] cells = row.split(",", -1);
			csvLines.add(cells[1] + " " + cells[2] + " " + cells[3] + " " + cells[4]);
		}
		assertThat(csvLines).isEqualTo(query("SELECT COALESCE(client_id, '') || ' ' || waba_id || ' ' || "
				+ "COALESCE(phone_number_id, '') || ' ' || category FROM recon_line WHERE billing_month = '2025-09'"
				+ " ORDER BY client_id NULLS LAST, waba_id, phone_number_id NULLS FIRST, category"));
		assertThat(csvLines.get(29)).as("the unknown channel's line, last").startsWith(" 999000111222333");

		CliRun status = CliRun.of("status", "--db-url", database.url());
		assertThat(status.out()).contains("2025-09, all clients, rerun 1 · COMPLETED", "month=2025-09");
	}

	@Test
	void rejectsBadDirectoryRowsOnPostgresAndLoadsTheGoodOnes() throws Exception {
		// when
		CliRun run = close("2025-11", "app/src/test/resources/inboxes/bad-directory", "--until", "import");

		// then
		assertThat(run.exitCode()).as(run.err()).isZero();
		assertThat(query("SELECT COUNT(*) FROM import_reject WHERE billing_month = '2025-11'")).containsExactly("12");
		assertThat(query("SELECT reason FROM import_reject WHERE billing_month = '2025-11' AND line = 4 "
				+ "AND source_file = 'directory/channels.csv'"))
			.containsExactly("waba_timezone 'Mars/Olympus' is not an IANA time zone (such as Europe/Berlin)");
	}

	/** The file of each table of the month's split partition. */
	private static final String MONTH_PARTITION_FILES = """
			SELECT relname || ' ' || pg_relation_filenode(oid) FROM pg_class
			WHERE relname LIKE 'usage_estimate_2025_09_%' AND relkind = 'r'
			  AND relnamespace = current_schema()::regnamespace
			ORDER BY relname""";

	private CliRun close(String month, String inbox, String... options) {
		List<String> args = new ArrayList<>(List.of("close", "--month", month, "--inbox", inbox, "--out",
				out.toString(), "--db-url", database.url()));
		args.addAll(List.of(options));
		return CliRun.of(args.toArray(String[]::new));
	}

	private static List<String> query(String sql) throws Exception {
		return database.query(sql);
	}

}
