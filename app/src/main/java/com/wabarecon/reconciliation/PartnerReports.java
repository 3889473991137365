package com.wabarecon.reconciliation;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.listener.JobExecutionListener;
import org.springframework.stereotype.Component;

/**
 * The partner reports being written, one per close that runs (closes of different months may run
 * side by side): started by the lines step, handed its lines, taken by the report step. A close
 * that ends without taking its report (the tie-out failed, or the run stopped) abandons it, so
 * no partial file and no writer thread outlives the run.
 */
@Component
class PartnerReports implements JobExecutionListener {

	private final Map<Long, PartnerReport> byJobExecution = new ConcurrentHashMap<>();

	/** The report of this close, started anew: a report an earlier attempt left is abandoned. */
	void start(long jobExecutionId, PartnerReport report) {
		PartnerReport earlier = byJobExecution.put(jobExecutionId, report);
		if (earlier != null) {
			earlier.abandon();
		}
	}

	void add(long jobExecutionId, List<? extends ReconLine> lines) {
		PartnerReport report = byJobExecution.get(jobExecutionId);
		if (report != null) {
			report.add(lines);
		}
	}

	/** This close's report, to finish; {@code null} when its lines were judged by an earlier run. */
	PartnerReport take(long jobExecutionId) {
		return byJobExecution.remove(jobExecutionId);
	}

	void abandon(long jobExecutionId) {
		PartnerReport report = byJobExecution.remove(jobExecutionId);
		if (report != null) {
			report.abandon();
		}
	}

	@Override
	public void afterJob(JobExecution jobExecution) {
		abandon(jobExecution.getId());
	}

}
