package com.wabarecon.reconciliation;

import java.math.BigDecimal;

/**
 * One reconciliation line as it is stored and written ({@code recon_line}): amounts at the
 * currency's precision, deltas as invoiced minus estimated.
 */
record ReconLine(String billingMonth, String clientId, String wabaId, String phoneNumberId, String channelId,
		String displayPhoneNumber, String category, String currency, long estimatedVolume, long invoicedVolume,
		long volumeDelta, BigDecimal estimatedAmount, BigDecimal invoicedAmount, BigDecimal amountDelta,
		BigDecimal amountDeltaPct, long estimatedFreeVolume, long invoicedFreeVolume, Status status, String reason,
		String invoiceIds, String estimateSources) {

	/** Exactly one per line; see DOMAIN.md, "What reconciliation computes". */
	enum Status {

		MATCHED, WITHIN_TOLERANCE, OVER_INVOICED, UNDER_INVOICED, MISSING_FROM_INVOICE, NOT_ESTIMATED,
		UNKNOWN_CHANNEL, CURRENCY_MISMATCH;

		/** Lines to dispute with Meta or correct on the client's side. */
		boolean isDiscrepancy() {
			return this != MATCHED && this != WITHIN_TOLERANCE;
		}

	}

}
