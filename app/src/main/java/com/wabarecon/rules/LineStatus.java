package com.wabarecon.rules;

/**
 * The status of a reconciliation line: exactly one per line, decided by {@link LineVerdict}.
 */
public enum LineStatus {

	/** Both deltas are zero. */
	MATCHED,
	/** A difference within the tolerance. */
	WITHIN_TOLERANCE,
	/** The invoice is above the estimate beyond tolerance. */
	OVER_INVOICED,
	/** The invoice is below the estimate beyond tolerance. */
	UNDER_INVOICED,
	/** An estimate beyond tolerance and no invoice line. */
	MISSING_FROM_INVOICE,
	/** An invoice line for a known channel, with no estimate. */
	NOT_ESTIMATED,
	/** An invoice line whose channel or WABA is not in the directory. */
	UNKNOWN_CHANNEL,
	/** The two sides are in currencies that cannot be compared (no FX rate, or two invoice currencies). */
	CURRENCY_MISMATCH,
	/** An estimate without cost that the rate card in force cannot price: its amount is unknown, never zero. */
	UNPRICED;

	/** Lines to dispute with Meta, correct on the client's side, or complete before they can be judged. */
	public boolean isDiscrepancy() {
		return this != MATCHED && this != WITHIN_TOLERANCE;
	}

}
