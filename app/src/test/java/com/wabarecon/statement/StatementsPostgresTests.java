package com.wabarecon.statement;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.LocalDate;

import com.wabarecon.PostgresCloseJobTest;
import com.wabarecon.usage.MonthPartitions;

import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.step.StepExecution;
import org.springframework.batch.test.JobOperatorTestUtils;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.PlatformTransactionManager;

/**
 * The statements step on PostgreSQL: its queries (the client's lines, charges through the channel
 * table, daily sums, the previous month) and the statement_file record work there too, and the
 * files add up to the lines.
 */
@PostgresCloseJobTest
class StatementsPostgresTests {

	@Autowired
	JobOperatorTestUtils jobOperatorTestUtils;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	MonthPartitions months;

	@Autowired
	PlatformTransactionManager transactionManager;

	@TempDir
	Path out;

	@Test
	void rendersTheStatementsOnPostgres() throws Exception {
		// given
		StatementFixture fixture = new StatementFixture(jdbc, months);
		fixture.clear();
		fixture.client("c_005", "Οινοποιία Παπαδόπουλος Α.Ε.", "EUR", "el-GR")
			.channel("ch_011", "c_005", "506677889900112", "501012345678901", "302101234567", "USD")
			.line("2025-09", "c_005", "506677889900112", "501012345678901", "ch_011", "302101234567", "MARKETING", "USD",
					800, 800, "47.3600", "47.36", "MATCHED", null, "INV-2025-09-USD-0042")
			.line("2025-09", "c_005", "506677889900112", "501012345678901", "ch_011", "302101234567", "UTILITY", "USD",
					100, 120, "4.00", "4.80", "OVER_INVOICED", "volume differs by 20 messages", "INV-2025-09-USD-0042")
			.line("2025-08", "c_005", "506677889900112", "501012345678901", "ch_011", "302101234567", "MARKETING", "USD",
					700, 700, "41.44", "41.44", "MATCHED", null, "INV-2025-08-USD-0040")
			.charge("2025-09", "INV-2025-09-USD-0042", "506677889900112", "TAX", "10.40", "USD")
			.day("2025-09", "ch_011", "c_005", LocalDate.of(2025, 9, 3), "MARKETING", "REGULAR", 800, "42.86", "EUR");

		// when
		StepExecution step = StatementStepRuns.render(jobOperatorTestUtils, out, "2025-09", null);

		// then
		assertThat(step.getStatus()).isEqualTo(BatchStatus.COMPLETED);
		assertThat(jdbc.sql("SELECT COUNT(*) FROM statement_file WHERE billing_month = '2025-09'").query(Long.class).single())
			.isEqualTo(1);
		Path folder = out.resolve("2025-09/c_005");
		assertThat(StatementFiles.pdfText(folder.resolve("statement-c_005-2025-09.pdf")))
			.contains("Οινοποιία Παπαδόπουλος Α.Ε.", "Σεπτέμβριος 2025", "USD 51,36 52,16 0,80", "62,56",
					"Σύγκριση με τον μήνα Αύγουστος 2025");
		try (XSSFWorkbook workbook = StatementFiles.workbook(folder.resolve("statement-c_005-2025-09.xlsx"))) {
			var usd = StatementFiles.row(workbook.getSheet("Summary"), "Νόμισμα", "USD");
			assertThat(StatementFiles.number(workbook, usd.getCell(2))).isEqualByComparingTo(new BigDecimal("52.16"));
			assertThat(StatementFiles.number(workbook, usd.getCell(7))).isEqualByComparingTo(new BigDecimal("62.56"));
		}
	}

}
