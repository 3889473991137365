package com.wabarecon.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.YearMonth;
import java.util.Map;
import java.util.TreeMap;

import com.wabarecon.CloseJobRuns;
import com.wabarecon.Stage;
import com.wabarecon.StepExecutions;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.test.JobOperatorTestUtils;
import org.springframework.batch.test.context.SpringBatchTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * A generated month closed by the real job on the embedded database: it completes, rejects
 * nothing, loads every generated row and finds exactly the lines per status that the generator
 * built in (the manifest).
 */
@SpringBatchTest
@SpringBootTest(properties = "spring.datasource.url=jdbc:h2:mem:generated-close;MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;"
		+ "DEFAULT_NULL_ORDERING=HIGH;DB_CLOSE_DELAY=-1")
class GeneratedInboxCloseTests {

	static final YearMonth MONTH = YearMonth.of(2025, 9);

	@Autowired
	JobOperatorTestUtils jobOperatorTestUtils;

	@Autowired
	JdbcClient jdbc;

	@TempDir
	Path dir;

	@Test
	void theCloseFindsExactlyTheDiscrepanciesThatWereGenerated() throws Exception {
		// given: a 300-channel month with more discrepancies than the default, so that every kind occurs
		Path inbox = dir.resolve("inbox");
		Manifest manifest = InboxGenerator.generate(new GeneratorSettings(300, 100, MONTH, inbox, 7, 8.0, 2.0,
				GeneratorSettings.DEFAULT_WEBHOOK_MESSAGES, 10.0, GeneratorSettings.DEFAULT_CLIENT_FILE_PCT, 20.0, 1));

		// when
		JobExecution execution = CloseJobRuns.run(jobOperatorTestUtils, inbox, dir.resolve("out"), MONTH.toString(),
				Stage.RECONCILE, null);

		// then
		assertThat(execution.getStatus()).as("stopped after the reconciliation, as asked").isEqualTo(BatchStatus.STOPPED);
		assertThat(jdbc.sql("SELECT COUNT(*) FROM import_reject WHERE billing_month = ?").param(MONTH.toString())
			.query(Long.class).single()).isEqualTo(manifest.expectedRejects());
		assertThat(StepExecutions.named(execution, "clientsStep").getWriteCount()).isEqualTo(manifest.clients());
		assertThat(StepExecutions.named(execution, "channelsStep").getWriteCount()).isEqualTo(manifest.channels());
		assertThat(StepExecutions.named(execution, "usageExportsStep").getWriteCount()).isEqualTo(manifest.usageRows());
		assertThat(StepExecutions.named(execution, "webhooksStep").getReadCount()).isEqualTo(manifest.webhookLines());
		assertThat(StepExecutions.named(execution, "invoiceImportStep").getWriteCount())
			.isEqualTo(manifest.invoiceLines());
		assertThat(StepExecutions.named(execution, "callExportsStep").getWriteCount())
			.isEqualTo(manifest.callDataPoints());
		assertThat(statuses()).isEqualTo(manifest.expectedLines());
		// a fifth of the channels call: their voice lines are there, and match to the cent
		assertThat(manifest.calls()).isPositive();
		assertThat(manifest.webhookCallEvents()).isPositive();
		assertThat(jdbc.sql("SELECT status, COUNT(*) FROM recon_line WHERE billing_month = ? AND category = 'VOICE' "
				+ "GROUP BY status").param(MONTH.toString()).query((rs, n) -> rs.getString(1) + " " + rs.getLong(2)).list())
			.singleElement().asString().matches("MATCHED [1-9][0-9]+");
		assertThat(manifest.injected().keySet()).as("every kind of discrepancy occurs").containsExactlyInAnyOrder(
				"OVER_INVOICED", "UNDER_INVOICED", "WITHIN_TOLERANCE", "MISSING_FROM_INVOICE", "NOT_ESTIMATED",
				"UNKNOWN_CHANNEL");
		manifest.injected().forEach((status, count) -> assertThat(manifest.expectedLines().get(status))
			.as(status).isEqualTo(count));
	}

	private Map<String, Long> statuses() {
		Map<String, Long> statuses = new TreeMap<>();
		jdbc.sql("SELECT status, COUNT(*) FROM recon_line WHERE billing_month = ? GROUP BY status")
			.param(MONTH.toString())
			.query(rs -> {
				statuses.put(rs.getString(1), rs.getLong(2));
			});
		return statuses;
	}

}
