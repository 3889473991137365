package com.wabarecon.launch;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import com.wabarecon.PostgresDatabase;
import com.wabarecon.PostgresSchema;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * The invoice import on the production database, through the command a person runs: both
 * sample invoices of September (CSV and XLSX) and June's, in a schema of its own.
 */
@ExtendWith(PostgresDatabase.class)
class InvoiceImportPostgresTests {

	@RegisterExtension
	static final PostgresSchema database = new PostgresSchema();

	@TempDir
	Path out;

	@Test
	void importsTheSampleInvoicesOnPostgresAndImportingAgainReplacesThem() throws Exception {
		// when
		CliRun september = close("2025-09");
		CliRun june = close("2025-06");
		CliRun septemberAgain = close("2025-09", "--rerun");

		// then
		assertThat(september.exitCode()).as(september.err()).isZero();
		assertThat(june.exitCode()).as(june.err()).isZero();
		assertThat(septemberAgain.exitCode()).as(septemberAgain.err()).isZero();
		assertThat(query("SELECT billing_month || ' ' || COUNT(*) FROM invoice_line GROUP BY billing_month ORDER BY 1"))
			.containsExactly("2025-06 11", "2025-09 33");
		assertThat(query("SELECT line_type || ' ' || rows_read || ' ' || amount_read FROM invoice_file_total "
				+ "WHERE billing_month = '2025-09' AND currency = 'EUR' ORDER BY line_type, rows_read"))
			.containsExactly("ADJUSTMENT 1 -2.100000", "TAX 1 34.000000", "USAGE 1 6.830000", "USAGE 8 897.150000");
		assertThat(query("SELECT invoice_date || ' ' || period_start || ' ' || period_end || ' ' || volume "
				+ "FROM invoice_line WHERE amount = 7767.90"))
			.containsExactly("2025-10-03 2025-09-01 2025-09-30 9000");
		assertThat(query("SELECT COALESCE(phone_number_id, 'WABA') FROM invoice_line "
				+ "WHERE waba_id = '405566778899001' AND pricing_category = 'UTILITY'"))
			.containsExactly("WABA");
		assertThat(query("SELECT COUNT(*) FROM import_reject WHERE step_name = 'invoiceImportStep'")).containsExactly("0");
		assertThat(september.out()).contains("invoiceImportStep", "COMPLETED", "invoice files as read:",
				"2025-09/invoice/meta-invoice-2025-09-EUR.csv EUR: file 929.05 = loaded 929.05 + rejected 0.00",
				"2025-09/invoice/meta-invoice-2025-09-USD-INR-BRL.xlsx INR: file 28667.88 = loaded 28667.88 + rejected 0.00",
				"2025-09/invoice/meta-invoice-2025-09-calls.csv EUR: file 6.83 = loaded 6.83 + rejected 0.00");
	}

	private CliRun close(String month, String... options) {
		List<String> args = new ArrayList<>(List.of("close", "--month", month, "--inbox", "sample-invoices", "--out",
				out.toString(), "--db-url", database.url(), "--until", "import"));
		args.addAll(List.of(options));
		return CliRun.of(args.toArray(String[]::new));
	}

	private static List<String> query(String sql) throws Exception {
		return database.query(sql);
	}

}
