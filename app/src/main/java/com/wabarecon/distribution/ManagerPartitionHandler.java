package com.wabarecon.distribution;

import java.nio.file.Path;
import java.util.Set;

import com.wabarecon.CloseJobParameters;

import org.springframework.batch.core.job.parameters.JobParameters;
import org.springframework.batch.core.step.StepExecution;
import org.springframework.batch.integration.partition.MessageChannelPartitionHandler;

/**
 * Spring Batch's partition handler for remote partitions, polling the job repository for their
 * ends (no replies to aggregate), which first leaves the shared-folder marker the workers check
 * ({@link SharedFolders}).
 */
class ManagerPartitionHandler extends MessageChannelPartitionHandler {

	@Override
	protected Set<StepExecution> doHandle(StepExecution managerStepExecution, Set<StepExecution> partitions)
			throws Exception {
		JobParameters parameters = managerStepExecution.getJobParameters();
		Path out = Path.of(parameters.getString(CloseJobParameters.OUT));
		long execution = managerStepExecution.getJobExecutionId();
		SharedFolders.write(out, Path.of(parameters.getString(CloseJobParameters.INBOX)),
				parameters.getString(CloseJobParameters.MONTH), execution);
		try {
			return super.doHandle(managerStepExecution, partitions);
		}
		finally {
			SharedFolders.remove(out, execution);
		}
	}

}
