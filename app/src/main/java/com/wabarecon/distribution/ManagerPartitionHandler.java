package com.wabarecon.distribution;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeoutException;

import com.wabarecon.CloseJobParameters;

import org.springframework.batch.core.job.parameters.JobParameters;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.core.step.StepExecution;
import org.springframework.batch.integration.partition.MessageChannelPartitionHandler;

/**
 * Spring Batch's partition handler for remote partitions, polling the job repository for their
 * ends (no replies to aggregate), which first leaves the shared-folder marker the workers check
 * ({@link SharedFolders}).
 */
class ManagerPartitionHandler extends MessageChannelPartitionHandler {

	private final JobRepository jobRepository;

	private final Duration timeout;

	ManagerPartitionHandler(JobRepository jobRepository, Duration timeout) {
		this.jobRepository = jobRepository;
		this.timeout = timeout;
		setJobRepository(jobRepository);
		setTimeout(timeout.toMillis());
	}

	@Override
	protected Set<StepExecution> doHandle(StepExecution managerStepExecution, Set<StepExecution> partitions)
			throws Exception {
		JobParameters parameters = managerStepExecution.getJobParameters();
		Path out = Path.of(parameters.getString(CloseJobParameters.OUT));
		String month = parameters.getString(CloseJobParameters.MONTH);
		SharedFolders.write(out, Path.of(parameters.getString(CloseJobParameters.INBOX)), month,
				managerStepExecution.getJobExecutionId());
		try {
			return super.doHandle(managerStepExecution, partitions);
		}
		catch (TimeoutException ex) {
			throw new PartitionsTimedOutException(managerStepExecution.getStepName(), unfinished(partitions), timeout);
		}
		finally {
			SharedFolders.remove(out, month);
		}
	}

	/** "statementsStep:partition1 (STARTED)": the partitions that had not ended, as recorded now. */
	private List<String> unfinished(Set<StepExecution> partitions) {
		List<String> unfinished = new ArrayList<>();
		for (StepExecution sent : partitions) {
			StepExecution partition = jobRepository.getStepExecution(sent.getId());
			if (partition != null && partition.getStatus().isRunning()) {
				unfinished.add(partition.getStepName() + " (" + partition.getStatus() + ")");
			}
		}
		unfinished.sort(null);
		return unfinished;
	}

	/** The partitions that did not end within {@code recon.distribution.timeout}, named. */
	static final class PartitionsTimedOutException extends RuntimeException {

		private static final long serialVersionUID = 1L;

		PartitionsTimedOutException(String step, List<String> unfinished, Duration timeout) {
			super(step + ": " + unfinished.size() + " partitions did not end within " + timeout.toSeconds()
					+ " s (recon.distribution.timeout): " + String.join(", ", unfinished) + "; is a worker running "
					+ "(recon worker)? A partition whose worker died goes on with another worker; the close can be "
					+ "restarted once nothing has been recorded of it for recon.distribution.stale-after");
		}

	}

}
