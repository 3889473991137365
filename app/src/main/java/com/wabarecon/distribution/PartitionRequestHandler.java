package com.wabarecon.distribution;

import java.nio.file.Path;
import java.time.LocalDateTime;

import com.wabarecon.CloseJobParameters;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.ExitStatus;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.job.JobInterruptedException;
import org.springframework.batch.core.job.parameters.JobParameters;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.core.step.Step;
import org.springframework.batch.core.step.StepExecution;
import org.springframework.batch.integration.partition.StepExecutionRequest;
import org.springframework.dao.DataAccessException;
import org.springframework.dao.OptimisticLockingFailureException;

/**
 * A worker's handling of one partition request, as Spring Batch's
 * {@code StepExecutionRequestHandler} does it, run only when the request still stands. A request
 * stands while its close runs and its partition has not ended: the broker gives a request again
 * when the worker that took it died before the partition ended, and may hold requests of a close
 * that has since ended, which must not run.
 * <p>
 * A partition given again is resumed only when its step resumes from its last commit (the
 * statements); one that reads its input from the top (a usage share, whose month the manager
 * cleared once for all shares) is failed instead, so that the close is restarted and loads the
 * month anew rather than loading the share's committed rows twice. The partition is claimed by
 * an update of its record, which fails when a close started again has changed it since it was
 * read, and is run on that same record, so that no partition runs for an execution that was
 * given up. A worker that does not see the manager's folders, or does not know the step, fails
 * the partition, saying why; whatever happens, the partition's end is recorded, so that the
 * manager never waits for a partition no one runs.
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

	private final WorkerSteps steps;

	PartitionRequestHandler(JobRepository jobRepository, WorkerSteps steps) {
		this.jobRepository = jobRepository;
		this.steps = steps;
	}

	public void handle(StepExecutionRequest request) {
		StepExecution partition;
		try {
			partition = jobRepository.getStepExecution(request.getStepExecutionId());
		}
		catch (DataAccessException ex) {
			partition = null;
		}
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
		try {
			run(request, partition, close);
		}
		catch (OptimisticLockingFailureException ex) {
			log.warn("Partition {} of execution {} was changed by another process (a close started again, or a worker "
					+ "that took it before this one): not run here", partition.getStepName(), close.getId());
		}
		catch (RuntimeException ex) {
			log.error("Partition {} of execution {} failed on this worker", partition.getStepName(), close.getId(), ex);
			fail(partition, ex.getMessage() == null ? ex.getClass().getSimpleName() : ex.getMessage());
		}
	}

	private void run(StepExecutionRequest request, StepExecution partition, JobExecution close) {
		JobParameters parameters = close.getJobParameters();
		String problem = SharedFolders.problem(Path.of(parameters.getString(CloseJobParameters.OUT)),
				Path.of(parameters.getString(CloseJobParameters.INBOX)), parameters.getString(CloseJobParameters.MONTH),
				close.getId());
		if (problem != null) {
			log.error("Partition {} of execution {} not run: {}", partition.getStepName(), close.getId(), problem);
			fail(partition, problem);
			return;
		}
		Step step = steps.getStep(request.getStepName());
		boolean givenAgain = partition.getExecutionContext().containsKey(WORKER)
				&& partition.getStatus() == BatchStatus.STARTED;
		if (givenAgain && !steps.resumable(request.getStepName())) {
			String reason = "its worker (" + partition.getExecutionContext().getString(WORKER) + ") ended before it did, "
					+ "and it reads its files from the top: restart the close, which loads them all anew";
			log.error("Partition {} of execution {} not run again: {}", partition.getStepName(), close.getId(), reason);
			fail(partition, reason);
			return;
		}
		log.info("Running partition {} of execution {} ({}){}", partition.getStepName(), close.getId(),
				parameters.getString(CloseJobParameters.MONTH), givenAgain ? ", after its last commit" : "");
		// the claim: fails with an optimistic lock when the record changed since it was read
		partition.getExecutionContext().putString(WORKER, WORKER_NAME);
		jobRepository.update(partition);
		jobRepository.updateExecutionContext(partition);
		try {
			step.execute(partition);
		}
		catch (JobInterruptedException ex) {
			partition.setStatus(BatchStatus.STOPPED);
			jobRepository.update(partition);
		}
		log.info("Partition {} of execution {} ended {}", partition.getStepName(), close.getId(), partition.getStatus());
	}

	private static String hostName() {
		try {
			return java.net.InetAddress.getLocalHost().getHostName();
		}
		catch (java.io.IOException ex) {
			return "unknown host";
		}
	}

	/** Records the partition as failed, on its latest record; a failure to record it is logged. */
	private void fail(StepExecution partition, String reason) {
		try {
			StepExecution latest = jobRepository.getStepExecution(partition.getId());
			if (latest == null || !latest.getStatus().isRunning()) {
				return;
			}
			latest.setStatus(BatchStatus.FAILED);
			latest.setExitStatus(ExitStatus.FAILED.addExitDescription(reason));
			latest.setEndTime(LocalDateTime.now());
			jobRepository.update(latest);
		}
		catch (RuntimeException ex) {
			log.error("Partition {} could not be recorded as failed ({}); the close waits for it until its timeout",
					partition.getStepName(), ex.getMessage());
		}
	}

}
