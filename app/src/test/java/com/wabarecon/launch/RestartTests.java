package com.wabarecon.launch;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.wabarecon.CloseJobParameters;
import com.wabarecon.EstimateSums;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.job.JobInstance;
import org.springframework.batch.core.job.parameters.JobParameters;
import org.springframework.batch.core.job.parameters.JobParametersBuilder;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.infrastructure.item.ExecutionContext;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * A failed close resumes where it stopped; a close left running by a killed process is
 * recovered; the same close is never run twice at once.
 */
class RestartTests {

	@TempDir
	Path dir;

	String dbUrl;

	@BeforeEach
	void database() {
		dbUrl = "jdbc:h2:file:" + dir.resolve("db/recon") + ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH";
	}

	@Test
	void aFailedCloseIsRestartedWhereItStoppedAndCompletes() throws Exception {
		// given: the database refuses reconciliation lines, as a failure in the middle of the close
		assertThat(close("--until", "import").exitCode()).isZero();
		sql("ALTER TABLE recon_line ADD CONSTRAINT injected_failure CHECK (status <> 'MATCHED')");
		CliRun failed = close("--until", "reconcile", "--rerun");
		assertThat(failed.exitCode()).isEqualTo(1);
		assertThat(failed.err()).contains("injected_failure");
		long executionId = executionId(failed.out());

		// when: the cause is gone and the execution is restarted
		sql("ALTER TABLE recon_line DROP CONSTRAINT injected_failure");
		CliRun restarted = CliRun.of("restart", Long.toString(executionId), "--db-url", dbUrl);

		// then: the steps that had completed are not run again; the failed one and the rest are (the
		// tie-out with the estimates' totals recorded by the first run)
		assertThat(restarted.exitCode()).as(restarted.err()).isZero();
		assertThat(restarted.out()).contains("resumed and stopped after reconcile as asked", "reconcileLinesStep", "tieOutStep")
			.doesNotContain("clientsStep", "usageExportsStep", "invoiceImportStep", "reconcileEstimateSideStep",
					"reconcileInvoiceSideStep", "reconcileEvidenceStep", "estimateTotalsStep");
		assertThat(count("SELECT COUNT(*) FROM recon_line WHERE billing_month = '2025-09'")).isEqualTo(30);
		assertThat(CliRun.of("restart", Long.toString(executionId), "--db-url", dbUrl).exitCode())
			.as("a completed close cannot be restarted").isNotZero();
	}

	/** The estimates per source kind, counting or not: the webhook count's cross-check shows in it. */
	private static final String ESTIMATES_BY_KIND = "SELECT source_kind || ' ' || counts_as_estimate || ' ' || COUNT(*) "
			+ "|| ' ' || SUM(volume) FROM usage_estimate GROUP BY source_kind, counts_as_estimate ORDER BY 1";

	@Test
	void aUsageExportsStepThatFailedInOneShareLoadsEveryShareAgainOnRestart() throws Exception {
		// given: a close whose usage exports failed in their second share, the first having completed
		// (a closed month, turned back to the moment of the failure)
		assertThat(close("--until", "import").exitCode()).isZero();
		String loaded = list(ESTIMATES_BY_KIND);
		String files = list("SELECT step_name || ' ' || source_file || ' ' || rows_read || ' ' || rows_loaded "
				+ "FROM input_file ORDER BY 1");
		long lastShare = count("SELECT MAX(step_execution_id) FROM batch_step_execution WHERE step_name LIKE 'usageExportsStep%'");
		forgetStepsAfter(lastShare);
		sql("UPDATE batch_step_execution SET status = 'FAILED', exit_code = 'FAILED' WHERE step_name IN "
				+ "('usageImportStep', 'usageExportsStep', 'usageExportsStep:share1')");
		sql("UPDATE batch_job_execution SET status = 'FAILED', exit_code = 'FAILED'");
		assertThat(count("SELECT COUNT(*) FROM batch_step_execution WHERE step_name = 'usageExportsStep:share0' "
				+ "AND status = 'COMPLETED'")).as("the first share completed").isEqualTo(1);
		long executionId = count("SELECT MAX(job_execution_id) FROM batch_job_execution");

		// when
		CliRun restarted = CliRun.of("restart", Long.toString(executionId), "--db-url", dbUrl);

		// then: the step cleared the month and loaded both shares, so every row is there once
		assertThat(restarted.exitCode()).as(restarted.err()).isZero();
		assertThat(restarted.out()).contains("resumed and stopped after import as asked", "usageExportsStep").doesNotContain("clientsStep");
		assertThat(count("SELECT COUNT(*) FROM batch_step_execution WHERE step_name = 'usageExportsStep:share0'"))
			.as("the completed share ran again").isEqualTo(2);
		assertThat(list(ESTIMATES_BY_KIND)).isEqualTo(loaded);
		assertThat(loaded).as("webhook counts both counting and as cross-checks").contains("WEBHOOK TRUE", "WEBHOOK FALSE");
		assertThat(list(EstimateSums.fromSummary("2025-09"))).isEqualTo(list(EstimateSums.fromEstimates("2025-09")));
		assertThat(list("SELECT step_name || ' ' || source_file || ' ' || rows_read || ' ' || rows_loaded "
				+ "FROM input_file ORDER BY 1")).isEqualTo(files);
	}

	@Test
	void aFailedCloseWithAStepWhoseEndingWasLostResumesWhenStartedAgain() throws Exception {
		// given: a close that failed while PostgreSQL restarted: the statistics step, beside the
		// webhook count, could not record its ending (UNKNOWN); the close's failure was recorded
		assertThat(close("--until", "import").exitCode()).isZero();
		String loaded = list(ESTIMATES_BY_KIND);
		long statistics = count("SELECT MAX(step_execution_id) FROM batch_step_execution "
				+ "WHERE step_name = 'usageStatisticsStep'");
		forgetStepsAfter(statistics, "webhookCountStep", "usageImportStep");
		sql("UPDATE batch_step_execution SET status = 'UNKNOWN', exit_code = 'UNKNOWN' "
				+ "WHERE step_name = 'usageStatisticsStep'");
		sql("UPDATE batch_step_execution SET status = 'FAILED', exit_code = 'FAILED' WHERE step_name = 'usageImportStep'");
		sql("UPDATE batch_job_execution SET status = 'FAILED', exit_code = 'FAILED'");

		// when: the same close again
		CliRun again = close("--until", "import");

		// then: it resumes at the usage import, instead of refusing to restart an unknown step
		assertThat(again.exitCode()).as(again.err()).isZero();
		assertThat(again.out()).contains("usageStatisticsStep", "invoiceImportStep").doesNotContain("clientsStep");
		assertThat(list(ESTIMATES_BY_KIND)).isEqualTo(loaded);
		assertThat(list(EstimateSums.fromSummary("2025-09"))).isEqualTo(list(EstimateSums.fromEstimates("2025-09")));
	}

	@Test
	void aPricingThatRunsAgainOnPricedEstimatesAddsTheirCostsToTheSumsOnce() throws Exception {
		// given: an imported month whose pricing is turned back to a failure after it had priced
		assertThat(close("--until", "import").exitCode()).isZero();
		String costs = list(ESTIMATE_COSTS);
		String sums = list(EstimateSums.fromSummary("2025-09"));
		assertThat(count("SELECT COUNT(*) FROM estimate_summary WHERE added_by_pricing")).as("costs priced").isPositive();
		sql("UPDATE batch_step_execution SET status = 'FAILED', exit_code = 'FAILED' WHERE step_name IN "
				+ "('pricingAndInvoiceStep', 'estimatePricingStep')");
		sql("UPDATE batch_job_execution SET status = 'FAILED', exit_code = 'FAILED'");
		long executionId = count("SELECT MAX(job_execution_id) FROM batch_job_execution");

		// when
		CliRun restarted = CliRun.of("restart", Long.toString(executionId), "--db-url", dbUrl);

		// then: the estimates priced again at the same costs, and their sums as the rows have them
		assertThat(restarted.exitCode()).as(restarted.err()).isZero();
		assertThat(restarted.out()).contains("resumed and stopped after import as asked", "estimatePricingStep")
			.doesNotContain("usageExportsStep");
		assertThat(list(ESTIMATE_COSTS)).isEqualTo(costs);
		assertThat(list(EstimateSums.fromSummary("2025-09"))).isEqualTo(sums)
			.isEqualTo(list(EstimateSums.fromEstimates("2025-09")));
	}

	/** The estimates' costs per source and channel. */
	private static final String ESTIMATE_COSTS = "SELECT cost_source || ' ' || channel_id || ' ' || COUNT(cost) || ' ' "
			+ "|| SUM(cost) FROM usage_estimate GROUP BY cost_source, channel_id ORDER BY 1";

	@Test
	void aCloseLeftRunningByAKilledProcessIsRecoveredAndResumed() throws Exception {
		// given: an execution "running" on behalf of a process that no longer exists
		Process gone = new ProcessBuilder("true").start();
		gone.waitFor();
		try (ConfigurableApplicationContext context = SpringRuntime.start(dbUrl)) {
			JobRepository repository = context.getBean(JobRepository.class);
			JobParameters parameters = new JobParametersBuilder().addString(CloseJobParameters.MONTH, "2025-09")
				.addString(CloseJobParameters.INBOX, Path.of("sample-invoices").toAbsolutePath().toString(), false)
				.addString(CloseJobParameters.OUT, dir.resolve("out").toString(), false)
				.addString(CloseJobParameters.UNTIL, "import", false)
				.toJobParameters();
			JobInstance instance = repository.createJobInstance(CloseJobParameters.JOB_NAME, parameters);
			ExecutionContext owner = new ExecutionContext();
			owner.putString("owner.host", java.net.InetAddress.getLocalHost().getHostName());
			owner.putLong("owner.pid", gone.pid());
			JobExecution stuck = repository.createJobExecution(instance, parameters, owner);
			stuck.setStatus(BatchStatus.STARTED);
			stuck.setStartTime(java.time.LocalDateTime.now());
			repository.update(stuck);
			repository.updateExecutionContext(stuck);
		}

		// when
		CliRun close = close("--until", "import");

		// then
		assertThat(close.exitCode()).as(close.err()).isZero();
		assertThat(close.out()).contains("2025-09, all clients · STOPPED after import");
		assertThat(count("SELECT COUNT(*) FROM batch_job_execution WHERE status = 'FAILED'")).as("the stuck one").isEqualTo(1);
	}

	private CliRun close(String... options) {
		var args = new java.util.ArrayList<>(java.util.List.of("close", "--month", "2025-09", "--inbox", "sample-invoices",
				"--out", dir.resolve("out").toString(), "--db-url", dbUrl));
		args.addAll(java.util.List.of(options));
		return CliRun.of(args.toArray(String[]::new));
	}

	private static long executionId(String summary) {
		Matcher matcher = Pattern.compile("execution (\\d+) ·").matcher(summary);
		assertThat(matcher.find()).as(summary).isTrue();
		return Long.parseLong(matcher.group(1));
	}

	/**
	 * Turns the close back to before the steps that started after the given one: their records
	 * go, but for the steps named (which had started by then, or ran beside it).
	 */
	private void forgetStepsAfter(long stepExecutionId, String... kept) throws Exception {
		String after = "step_execution_id > " + stepExecutionId + (kept.length == 0 ? ""
				: " AND step_name NOT IN ('" + String.join("', '", kept) + "')");
		sql("DELETE FROM batch_step_execution_context WHERE step_execution_id IN "
				+ "(SELECT step_execution_id FROM batch_step_execution WHERE " + after + ")");
		sql("DELETE FROM batch_step_execution WHERE " + after);
	}

	private void sql(String sql) throws Exception {
		try (Connection connection = DriverManager.getConnection(dbUrl); Statement statement = connection.createStatement()) {
			statement.execute(sql);
		}
	}

	/** The query's rows, one per line. */
	private String list(String sql) throws Exception {
		StringBuilder rows = new StringBuilder();
		try (Connection connection = DriverManager.getConnection(dbUrl); Statement statement = connection.createStatement();
				var rs = statement.executeQuery(sql)) {
			while (rs.next()) {
				rows.append(rs.getString(1)).append('\n');
			}
		}
		return rows.toString();
	}

	private long count(String sql) throws Exception {
		try (Connection connection = DriverManager.getConnection(dbUrl); Statement statement = connection.createStatement();
				var rs = statement.executeQuery(sql)) {
			rs.next();
			return rs.getLong(1);
		}
	}

}
