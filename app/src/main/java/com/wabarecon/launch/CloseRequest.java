package com.wabarecon.launch;

import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.YearMonth;

import com.wabarecon.Stage;

/**
 * What a person (or the schedule) asked a close to do. {@code null} means "not given": the
 * configuration's default applies.
 *
 * @param month the billing month
 * @param client one client only, or {@code null} for the whole partner
 * @param rerun run a close that already completed once more, as a new run
 * @param inbox root of the input files
 * @param out output folder
 * @param dryRun render everything, email nothing
 * @param resend email statements again to clients already reached
 * @param until the last stage to run
 * @param dbUrl the database, as given (may hold credentials: never stored as given)
 * @param maxRejectPct the share of an input kind's rows that may be rejected before the close is refused
 */
public record CloseRequest(YearMonth month, String client, boolean rerun, Path inbox, Path out, boolean dryRun,
		boolean resend, Stage until, String dbUrl, BigDecimal amountTolerancePct, BigDecimal amountToleranceAbs,
		BigDecimal volumeTolerancePct, Long volumeToleranceAbs, BigDecimal maxRejectPct) {

	/** "2025-09, all clients" or "2025-09, client c_001". */
	public String describe() {
		return month + (client == null ? ", all clients" : ", client " + client);
	}

}
