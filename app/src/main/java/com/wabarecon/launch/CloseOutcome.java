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
		/** The close ran the stages asked for ({@code --until}) and stopped there: the month stays open. */
		STOPPED(0),
		/**
		 * Nothing ran: a completed run closed the month, or a stopped one already went as far as
		 * asked.
		 */
		NOTHING_TO_RUN(0),
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
