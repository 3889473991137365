package com.wabarecon.delivery;

import java.util.List;

/**
 * The delivery log as one execution of the delivery step reads and writes it. A statement counts
 * as delivered when any run delivered it; when the run resends, only when this run did, in any
 * of its executions: a restart does not send again what the execution it resumes sent.
 */
class RunDeliveryLog {

	private final DeliveryLog log;

	private final String month;

	private final long jobExecutionId;

	private final boolean resend;

	private final List<Long> runExecutionIds;

	/** {@code runExecutionIds}: the job instance's executions, this one included. */
	RunDeliveryLog(DeliveryLog log, String month, long jobExecutionId, boolean resend, List<Long> runExecutionIds) {
		this.log = log;
		this.month = month;
		this.jobExecutionId = jobExecutionId;
		this.resend = resend;
		this.runExecutionIds = List.copyOf(runExecutionIds);
	}

	boolean delivered(String clientId) {
		return resend ? log.deliveredBy(month, clientId, runExecutionIds) : log.delivered(month, clientId);
	}

	void record(Delivery delivery) {
		log.record(month, delivery, jobExecutionId);
	}

}
