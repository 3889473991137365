package com.wabarecon.distribution;

import java.nio.file.Path;
import java.time.LocalDateTime;

import com.wabarecon.CloseJobParameters;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.ExitStatus;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.job.parameters.JobParameters;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.core.step.StepExecution;
import org.springframework.batch.integration.partition.StepExecutionRequest;
import org.springframework.batch.integration.partition.StepExecutionRequestHandler;

/**
 * A worker's handling of one partition request: Spring Batch's {@link StepExecutionRequestHandler},
 * run only when the request still stands. A request stands while its close runs and its
 * partition has not ended: the broker gives a request again when the worker that took it died
 * before the partition ended (it is then resumed from its last committed chunk), and may hold
 * requests of a close that has since ended, which must not run. A worker that does not see the
 * manager's folders fails the partition, saying why, instead of writing where no one reads.
 */
public class PartitionRequestHandler {

	private static final Logger log = LoggerFactory.getLogger(PartitionRequestHandler.class);

	/**
	 * The key of the partition's execution context naming the worker that runs it: a partition a
	 * worker runs goes on when the manager dies, which a close started again must not overlook.
	 */
	public static final String WORKER = "recon.worker";

	private static final String WORKER_NAME = ProcessHandle.current().pid() + "@" + hostName();

	private final JobRepository jobRepository;

	private final StepExecutionRequestHandler delegate;

	PartitionRequestHandler(JobRepository jobRepository, WorkerSteps steps) {
		this.jobRepository = jobRepository;
		this.delegate = new StepExecutionRequestHandler();
		this.delegate.setJobRepository(jobRepository);
		this.delegate.setStepLocator(steps);
	}

	public void handle(StepExecutionRequest request) {
		StepExecution partition = jobRepository.getStepExecution(request.getStepExecutionId());
		if (partition == null) {
			log.warn("{}: no such partition in this database; discarded", request);
			return;
		}
		JobExecution close = partition.getJobExecution();
		if (!close.isRunning() || !partition.getStatus().isRunning()) {
			log.warn("Partition {} ({}) of execution {} is {} and its close {}: the request is discarded",
					partition.getStepName(), partition.getId(), close.getId(), partition.getStatus(),
					close.isRunning() ? "runs" : "has ended");
			return;
		}
		JobParameters parameters = close.getJobParameters();
		String problem = SharedFolders.problem(Path.of(parameters.getString(CloseJobParameters.OUT)),
				Path.of(parameters.getString(CloseJobParameters.INBOX)), parameters.getString(CloseJobParameters.MONTH),
				close.getId());
		if (problem != null) {
			log.error("Partition {} of execution {} not run: {}", partition.getStepName(), close.getId(), problem);
			fail(partition, problem);
			return;
		}
		log.info("Running partition {} of execution {} ({})", partition.getStepName(), close.getId(),
				parameters.getString(CloseJobParameters.MONTH));
		partition.getExecutionContext().putString(WORKER, WORKER_NAME);
		jobRepository.updateExecutionContext(partition);
		StepExecution ended = delegate.handle(request);
		log.info("Partition {} of execution {} ended {}", ended.getStepName(), close.getId(), ended.getStatus());
	}

	private static String hostName() {
		try {
			return java.net.InetAddress.getLocalHost().getHostName();
		}
		catch (java.io.IOException ex) {
			return "unknown host";
		}
	}

	private void fail(StepExecution partition, String reason) {
		partition.setStatus(BatchStatus.FAILED);
		partition.setExitStatus(ExitStatus.FAILED.addExitDescription(reason));
		partition.setEndTime(LocalDateTime.now());
		jobRepository.update(partition);
	}

}
