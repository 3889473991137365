package com.wabarecon.launch;

import org.springframework.batch.core.job.JobExecution;

/**
 * How a request to close a month ended.
 *
 * @param kind what happened
 * @param execution the run, when one ran (or the completed run that made this one unnecessary)
 * @param message a one-line explanation for the person who asked
 */
public record CloseOutcome(Kind kind, JobExecution execution, String message) {

	public enum Kind {

		/** The close ran and completed. */
		COMPLETED(0),
		/** Nothing ran: the month was already closed by a completed run. */
		ALREADY_CLOSED(0),
		/** The close ran and failed. */
		FAILED(1),
		/** Nothing ran: the parameters were refused. */
		INVALID(2),
		/** Nothing ran: the same close is running now. */
		REFUSED(3);

		final int exitCode;

		Kind(int exitCode) {
			this.exitCode = exitCode;
		}

	}

}
