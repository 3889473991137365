package com.wabarecon;

import java.nio.file.Path;

import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.job.parameters.JobParametersBuilder;
import org.springframework.batch.test.JobOperatorTestUtils;

/**
 * Test helper that runs the close job with the parameters the CLI would give it. Kept out of
 * the test classes: {@code @SpringBatchTest} takes any method of a test class that returns a
 * {@link JobExecution} for a job-scope factory.
 */
public final class CloseJobRuns {

	private CloseJobRuns() {
	}

	public static JobExecution start(JobOperatorTestUtils jobs, JobParametersBuilder parameters) throws Exception {
		return jobs.startJob(parameters.toJobParameters());
	}

	public static JobExecution run(JobOperatorTestUtils jobs, Path inbox, Path out, String month, Stage until,
			Long rerun) throws Exception {
		return jobs.startJob(parameters(inbox, out, month, until, rerun).toJobParameters());
	}

	/**
	 * A run that no share of rejected rows refuses ({@code --max-reject-pct 100}), for a test
	 * whose few rows are bad on purpose and which is about something else than the guard that
	 * refuses a close with too many rejects (GuardedCloseTests).
	 */
	public static JobExecution runAllowingRejects(JobOperatorTestUtils jobs, Path inbox, Path out, String month,
			Stage until) throws Exception {
		return jobs.startJob(parameters(inbox, out, month, until, null)
			.addString(CloseJobParameters.MAX_REJECT_PCT, "100", false)
			.toJobParameters());
	}

	private static JobParametersBuilder parameters(Path inbox, Path out, String month, Stage until, Long rerun) {
		var parameters = new JobParametersBuilder().addString(CloseJobParameters.MONTH, month)
			.addString(CloseJobParameters.INBOX, inbox.toAbsolutePath().toString(), false)
			.addString(CloseJobParameters.OUT, out.toString(), false)
			.addString(CloseJobParameters.UNTIL, until.id(), false);
		if (rerun != null) {
			parameters.addLong(CloseJobParameters.RERUN, rerun);
		}
		return parameters;
	}

}
