package com.wabarecon.delivery;

/**
 * The delivery log as one execution of the delivery step reads and writes it. A statement counts
 * as delivered when any run delivered it, unless the run resends.
 */
class RunDeliveryLog {

	private final DeliveryLog log;

	private final String month;

	private final long jobExecutionId;

	private final boolean resend;

	RunDeliveryLog(DeliveryLog log, String month, long jobExecutionId, boolean resend) {
		this.log = log;
		this.month = month;
		this.jobExecutionId = jobExecutionId;
		this.resend = resend;
	}

	boolean delivered(String clientId) {
		return !resend && log.delivered(month, clientId);
	}

	void record(Delivery delivery) {
		log.record(month, delivery, jobExecutionId);
	}

}
