package com.wabarecon;

/**
 * Names of the close job's parameters: the contract between the launchers (CLI, schedule)
 * and the steps that read them. {@link #MONTH}, {@link #CLIENT} and {@link #RERUN} identify
 * the job instance; every other option of a run is recorded with it but does not.
 */
public final class CloseJobParameters {

	public static final String JOB_NAME = "monthlyClose";

	/** Billing month being closed, {@code YYYY-MM}. */
	public static final String MONTH = "month";

	/** Only this client's lines and statement; absent for the whole partner. */
	public static final String CLIENT = "client";

	/** Present only when a completed close is deliberately run again: 1, 2, ... */
	public static final String RERUN = "rerun";

	public static final String INBOX = "inbox";

	public static final String OUT = "out";

	public static final String DRY_RUN = "dryRun";

	public static final String UNTIL = "until";

	/** Email statements again to clients already reached. */
	public static final String RESEND = "resend";

	/** The database the run used, with any credentials removed. */
	public static final String DB_URL = "dbUrl";

	public static final String AMOUNT_TOLERANCE_PCT = "amountTolerancePct";

	public static final String AMOUNT_TOLERANCE_ABS = "amountToleranceAbs";

	public static final String VOLUME_TOLERANCE_PCT = "volumeTolerancePct";

	public static final String VOLUME_TOLERANCE_ABS = "volumeToleranceAbs";

	/** The share of an input kind's rows that may be rejected before the close is refused, in %. */
	public static final String MAX_REJECT_PCT = "maxRejectPct";

	private CloseJobParameters() {
	}

}
