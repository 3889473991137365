package com.wabarecon.statement;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;

import com.wabarecon.CloseJobRuns;
import com.wabarecon.CloseJobTest;
import com.wabarecon.Stage;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.step.StepExecution;
import org.springframework.batch.test.JobOperatorTestUtils;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The sample month's statements: the sample inbox imported by the close ({@code --until import}),
 * reconciliation lines shaped like the sample's (see {@link SampleReconLines}), then the real
 * statements step. To look at the files, give a folder: {@code -Dstatements.out=/tmp/statements}.
 */
@CloseJobTest
class SampleMonthStatementsTests {

	@Autowired
	JobOperatorTestUtils jobOperatorTestUtils;

	@Autowired
	JdbcClient jdbc;

	@TempDir
	Path temporary;

	@Test
	void theSampleCloseWritesBothFilesForEveryClient() throws Exception {
		// given
		Path out = System.getProperty("statements.out") == null ? temporary : Path.of(System.getProperty("statements.out"));
		for (String month : List.of("2025-06", "2025-09")) {
			assertThat(CloseJobRuns.run(jobOperatorTestUtils, Path.of("sample-invoices"), out, month, Stage.IMPORT, null)
				.getStatus()).isEqualTo(BatchStatus.STOPPED);
			new SampleReconLines(jdbc).reconcile(month);
		}

		// when
		StepExecution step = StatementStepRuns.render(jobOperatorTestUtils, out, "2025-09", null);

		// then
		assertThat(step.getStatus()).isEqualTo(BatchStatus.COMPLETED);
		List<String> clients = List.of("c_001", "c_002", "c_003", "c_004", "c_005", "c_006");
		assertThat(jdbc.sql("SELECT client_id FROM statement_file WHERE billing_month = '2025-09' ORDER BY 1")
			.query(String.class)
			.list()).containsExactlyElementsOf(clients);
		assertThat(jdbc.sql("SELECT DISTINCT status FROM recon_line WHERE billing_month = '2025-09'").query(String.class).list())
			.as("the sample shows every status")
			.containsExactlyInAnyOrder("MATCHED", "WITHIN_TOLERANCE", "OVER_INVOICED", "UNDER_INVOICED",
					"MISSING_FROM_INVOICE", "NOT_ESTIMATED", "UNKNOWN_CHANNEL", "CURRENCY_MISMATCH");
		for (String client : clients) {
			Path folder = out.resolve("2025-09").resolve(client);
			assertThat(folder.resolve("statement-" + client + "-2025-09.pdf")).isNotEmptyFile();
			assertThat(folder.resolve("statement-" + client + "-2025-09.xlsx")).isNotEmptyFile();
		}
		assertThat(StatementFiles.pdfText(out.resolve("2025-09/c_003/statement-c_003-2025-09.pdf")))
			.as("sub-cent amounts: the table's total is the summary's, not the sum of rounded lines")
			.contains("BRL 1.526,47 1.547,10 20,63", "Total BRL 4.762 4.500 -262 1.526,47 1.547,10 20,63");
		assertThat(StatementFiles.pdfText(out.resolve("2025-09/c_005/statement-c_005-2025-09.pdf")))
			.contains("Οινοποιία Παπαδόπουλος Α.Ε.", "Σεπτέμβριος 2025");
		assertThat(StatementFiles.pdfText(out.resolve("2025-09/c_006/statement-c_006-2025-09.pdf")))
			.contains("ООО «Ромашка»", "Сентябрь 2025");
	}

}
