package com.wabarecon.distribution;

import com.wabarecon.ReconProperties;

import org.springframework.batch.core.partition.PartitionHandler;
import org.springframework.batch.core.partition.support.TaskExecutorPartitionHandler;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.core.step.Step;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.core.task.SimpleAsyncTaskExecutor;
import org.springframework.integration.core.MessagingTemplate;
import org.springframework.stereotype.Component;

/**
 * Who runs a partitioned step's partitions: threads of this process (the default), or, in a
 * distributed close ({@code recon.distribution.enabled}), worker processes that take them from
 * the broker. The workers find the step by its name ({@link WorkerSteps}).
 */
@Component
public class PartitionHandlers {

	private final ReconProperties.Distribution settings;

	private final JobRepository jobRepository;

	private final ObjectProvider<MessagingTemplate> partitionRequests;

	PartitionHandlers(ReconProperties properties, JobRepository jobRepository,
			ObjectProvider<MessagingTemplate> partitionRequests) {
		this.settings = properties.distribution();
		this.jobRepository = jobRepository;
		this.partitionRequests = partitionRequests;
	}

	/**
	 * @param worker the step each partition runs
	 * @param gridSize how many partitions to ask the partitioner for
	 * @param threads how many partitions run at once in this process, when it runs them
	 */
	public PartitionHandler handler(Step worker, int gridSize, int threads) {
		if (settings.enabled()) {
			ManagerPartitionHandler handler = new ManagerPartitionHandler(jobRepository, settings.timeout());
			handler.setStepName(worker.getName());
			handler.setGridSize(gridSize);
			handler.setMessagingOperations(partitionRequests.getObject());
			handler.setPollInterval(settings.pollInterval().toMillis());
			try {
				handler.afterPropertiesSet();
			}
			catch (Exception ex) {
				throw new IllegalStateException(ex);
			}
			return handler;
		}
		return local(worker, gridSize, threads);
	}

	/** Threads of this process, whatever the close: for a step that needs what only the manager has. */
	public PartitionHandler local(Step worker, int gridSize, int threads) {
		SimpleAsyncTaskExecutor executor = new SimpleAsyncTaskExecutor(worker.getName() + "-");
		executor.setConcurrencyLimit(threads);
		TaskExecutorPartitionHandler handler = new TaskExecutorPartitionHandler();
		handler.setStep(worker);
		handler.setGridSize(gridSize);
		handler.setTaskExecutor(executor);
		try {
			handler.afterPropertiesSet();
		}
		catch (Exception ex) {
			throw new IllegalStateException(ex);
		}
		return handler;
	}

}
