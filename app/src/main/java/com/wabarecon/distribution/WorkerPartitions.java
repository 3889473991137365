package com.wabarecon.distribution;

import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;

import com.wabarecon.ReconProperties;

import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.core.step.StepExecution;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The partitions of a month's closes that workers still run: taken by a worker (its name in the
 * partition's context), recorded as started, and changed within {@code recon.distribution.stale-after}.
 * A worker goes on with its partition when its manager dies and the month's lock goes with the
 * manager's connection: no close of the month, whole or by client, may start while they run.
 */
@Component
public class WorkerPartitions {

	private final JdbcClient jdbc;

	private final JobRepository jobRepository;

	private final ReconProperties.Distribution settings;

	WorkerPartitions(JdbcClient jdbc, JobRepository jobRepository, ReconProperties properties) {
		this.jdbc = jdbc;
		this.jobRepository = jobRepository;
		this.settings = properties.distribution();
	}

	/** "statementsStep:partition3 of execution 12 on worker 4242@host-b", in name order; empty when none. */
	public List<String> running(String month) {
		List<Long> started = jdbc.sql("""
				SELECT s.step_execution_id FROM batch_step_execution s
				JOIN batch_job_execution_params p ON p.job_execution_id = s.job_execution_id
				WHERE p.parameter_name = 'month' AND p.parameter_value = :month
				  AND s.status = 'STARTED' AND s.step_name LIKE '%:%'""")
			.param("month", month)
			.query(Long.class)
			.list();
		LocalDateTime recent = LocalDateTime.now().minus(settings.staleAfter());
		List<String> running = new ArrayList<>();
		for (long id : started) {
			StepExecution partition = jobRepository.getStepExecution(id);
			if (partition != null && partition.getStatus() == org.springframework.batch.core.BatchStatus.STARTED
					&& partition.getExecutionContext().containsKey(PartitionRequestHandler.WORKER)
					&& partition.getLastUpdated() != null && partition.getLastUpdated().isAfter(recent)) {
				running.add(partition.getStepName() + " of execution " + partition.getJobExecutionId() + " on worker "
						+ partition.getExecutionContext().getString(PartitionRequestHandler.WORKER));
			}
		}
		running.sort(null);
		return running;
	}

}
