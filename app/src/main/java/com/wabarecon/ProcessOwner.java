package com.wabarecon;

import java.net.InetAddress;
import java.net.UnknownHostException;

import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.listener.JobExecutionListener;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.infrastructure.item.ExecutionContext;

/**
 * Records which process runs a close (host and process id, in the job's execution context), so
 * that a close left "running" by a process that was killed can be told from one that really
 * runs: only the first may be recovered and restarted.
 */
public class ProcessOwner implements JobExecutionListener {

	static final String HOST = "owner.host";

	static final String PID = "owner.pid";

	private final JobRepository jobRepository;

	public ProcessOwner(JobRepository jobRepository) {
		this.jobRepository = jobRepository;
	}

	/** Recorded at once: Spring Batch saves the job's context only after a step, and a close may be killed in its first. */
	@Override
	public void beforeJob(JobExecution jobExecution) {
		jobExecution.getExecutionContext().putString(HOST, thisHost());
		jobExecution.getExecutionContext().putLong(PID, ProcessHandle.current().pid());
		jobRepository.updateExecutionContext(jobExecution);
	}

	/** "process 4711 on host build-1", or {@code null} when the execution does not say. */
	public static String describe(JobExecution execution) {
		ExecutionContext context = execution.getExecutionContext();
		if (!context.containsKey(PID)) {
			return null;
		}
		return "process " + context.getLong(PID) + " on host " + context.getString(HOST, "?");
	}

	/** True when a process with this id runs on this host. */
	public static boolean isAlive(long pid) {
		return ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false);
	}

	private static String thisHost() {
		try {
			return InetAddress.getLocalHost().getHostName();
		}
		catch (UnknownHostException ex) {
			return "localhost";
		}
	}

}
