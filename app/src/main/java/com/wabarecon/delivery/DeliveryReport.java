package com.wabarecon.delivery;

import java.util.List;
import java.util.stream.Collectors;

import com.wabarecon.CloseJobParameters;

import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.ExitStatus;
import org.springframework.batch.core.job.parameters.JobParameters;
import org.springframework.batch.core.listener.StepExecutionListener;
import org.springframework.batch.core.step.StepExecution;

/**
 * Says how the delivery step ended, in its exit description (the run summary prints it): the
 * emails delivered, by SMTP or to the outbox, and how many clients had theirs before; for a dry
 * run, that none was sent. When clients were not reached (the log says which), the step fails
 * naming them once the other clients' emails have gone out: its status is set to FAILED so that
 * a restart runs it again, which tries those clients only.
 */
class DeliveryReport implements StepExecutionListener {

	private final DeliveryLog deliveries;

	DeliveryReport(DeliveryLog deliveries) {
		this.deliveries = deliveries;
	}

	@Override
	public ExitStatus afterStep(StepExecution step) {
		if (step.getStatus() != BatchStatus.COMPLETED) {
			return step.getExitStatus(); // its failure says why
		}
		JobParameters parameters = step.getJobParameters();
		String month = parameters.getString(CloseJobParameters.MONTH);
		if (Boolean.parseBoolean(parameters.getString(CloseJobParameters.DRY_RUN, "false"))) {
			return ExitStatus.COMPLETED
				.addExitDescription("dry run: " + step.getReadCount() + " statements rendered, no email sent");
		}
		long delivered = step.getWriteCount();
		List<String> notReached = deliveries.notReached(month, step.getJobExecutionId());
		if (!notReached.isEmpty()) {
			IllegalStateException failure = new IllegalStateException("statements of " + month + " not delivered to "
					+ notReached.size() + " client(s): " + String.join("; ", notReached) + " (" + delivered + " delivered)");
			step.setStatus(BatchStatus.FAILED);
			step.addFailureException(failure);
			return ExitStatus.FAILED.addExitDescription(failure);
		}
		String how = deliveries.outcomes(month, step.getJobExecutionId())
			.entrySet()
			.stream()
			.map(entry -> entry.getValue() + ("WRITTEN".equals(entry.getKey())
					? " written to the outbox (no SMTP host set)" : " sent by SMTP"))
			.collect(Collectors.joining(", "));
		long before = step.getFilterCount();
		return ExitStatus.COMPLETED.addExitDescription(delivered + " statements delivered" + (how.isEmpty() ? "" : ": " + how)
				+ (before == 0 ? "" : "; " + before + " already delivered before"));
	}

}
