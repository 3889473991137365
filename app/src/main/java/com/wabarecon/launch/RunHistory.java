package com.wabarecon.launch;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

import com.wabarecon.CloseJobParameters;

import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.job.JobInstance;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.stereotype.Component;

/**
 * The recent closes, newest first, as the job repository recorded them.
 */
@Component
class RunHistory {

	private final JobRepository jobRepository;

	RunHistory(JobRepository jobRepository) {
		this.jobRepository = jobRepository;
	}

	List<JobExecution> recent(int limit) {
		List<JobExecution> executions = new ArrayList<>();
		for (JobInstance instance : jobRepository.getJobInstances(CloseJobParameters.JOB_NAME, 0, limit)) {
			for (JobExecution execution : jobRepository.getJobExecutions(instance)) {
				// loaded again one by one: that is what brings their step executions along
				executions.add(jobRepository.getJobExecution(execution.getId()));
			}
		}
		executions.sort(Comparator.comparing(JobExecution::getId).reversed());
		return executions.subList(0, Math.min(limit, executions.size()));
	}

}
