package com.wabarecon.reconciliation;

import java.math.BigDecimal;

import com.wabarecon.rules.LineStatus;

/**
 * One reconciliation line as it is stored and written ({@code recon_line}): amounts at the
 * currency's precision ({@code null} where unknown), deltas as invoiced minus estimated. The
 * reason is worded for the partner ({@code reason}) and kept as phrases ({@code reasonPhrases},
 * {@link com.wabarecon.support.wording.Phrases}) for the client's statement.
 */
record ReconLine(String billingMonth, String clientId, String wabaId, String phoneNumberId, String channelId,
		String displayPhoneNumber, String category, String currency, long estimatedVolume, long invoicedVolume,
		long volumeDelta, BigDecimal estimatedAmount, BigDecimal invoicedAmount, BigDecimal amountDelta,
		BigDecimal amountDeltaPct, long estimatedFreeVolume, long invoicedFreeVolume, LineStatus status, String reason,
		String reasonPhrases, String invoiceIds, String estimateSources) {
}
