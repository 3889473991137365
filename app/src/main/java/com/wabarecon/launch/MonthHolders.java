package com.wabarecon.launch;

import java.time.YearMonth;
import java.util.Comparator;

import com.wabarecon.CloseJobParameters;
import com.wabarecon.ProcessOwner;

import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.job.parameters.JobParameters;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.stereotype.Component;

/**
 * What holds a month's lock, for the message of a close refused because of it: the month's
 * close that the job repository records as running.
 */
@Component
class MonthHolders {

	private final JobRepository jobRepository;

	MonthHolders(JobRepository jobRepository) {
		this.jobRepository = jobRepository;
	}

	/** The one-line refusal: which close of the month runs, for whom, since when, in which process. */
	String refusal(YearMonth month) {
		JobExecution holder = jobRepository.findRunningJobExecutions(CloseJobParameters.JOB_NAME)
			.stream()
			.filter(execution -> month.toString().equals(execution.getJobParameters().getString(CloseJobParameters.MONTH)))
			.max(Comparator.comparing(JobExecution::getId))
			.map(execution -> jobRepository.getJobExecution(execution.getId()))
			.orElse(null);
		if (holder == null) {
			// the holder took the lock and has not recorded its run yet, or has just ended it
			return "another close of " + month + " holds the month (it is starting or ending); this one was not started";
		}
		return "a close of " + month + " is running: " + describe(holder) + "; this one was not started (one close of "
				+ "a month at a time, whole or by client)";
	}

	/** "execution 7 (all clients), started 2025-10-03 06:00:01, process 4711 on host build-1" */
	private static String describe(JobExecution execution) {
		JobParameters parameters = execution.getJobParameters();
		String client = parameters.getString(CloseJobParameters.CLIENT);
		Long rerun = parameters.getLong(CloseJobParameters.RERUN);
		String owner = ProcessOwner.describe(execution);
		return "execution " + execution.getId() + " (" + (client == null ? "all clients" : "client " + client)
				+ (rerun == null ? "" : ", rerun " + rerun) + "), started "
				+ RunSummary.time(execution.getStartTime() != null ? execution.getStartTime() : execution.getCreateTime())
				+ (owner == null ? "" : ", " + owner);
	}

}
