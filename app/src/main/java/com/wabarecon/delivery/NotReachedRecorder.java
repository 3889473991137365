package com.wabarecon.delivery;

import org.springframework.batch.core.listener.SkipListener;

/**
 * Records in the delivery log each client the step gave up on (its statement skipped), with the
 * attempts made and why, in the chunk's transaction. The run's report names these clients.
 */
class NotReachedRecorder implements SkipListener<StatementToDeliver, Delivery> {

	private final RunDeliveryLog deliveries;

	private final StatementSender sender;

	NotReachedRecorder(RunDeliveryLog deliveries, StatementSender sender) {
		this.deliveries = deliveries;
		this.sender = sender;
	}

	@Override
	public void onSkipInProcess(StatementToDeliver statement, Throwable failure) {
		deliveries.record(new Delivery(statement.clientId(), Delivery.FAILED, statement.emails(),
				sender.attempts(statement.clientId()), DeliveryFailures.reason(failure)));
	}

}
