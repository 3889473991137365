package com.wabarecon.usage;

import java.math.BigDecimal;

import com.wabarecon.usage.ChannelLookup.ChannelInfo;

/**
 * The cost of an export row, usage or calls, and where it comes from: as exported
 * ({@link UsageEstimate#SOURCE}, in the document's currency, else the WABA's); for a charged row
 * without one, left for the rate card ({@link UsageEstimate#RATE_CARD}, {@code null}, in the WABA's
 * currency); for a free row without one, nothing ({@link UsageEstimate#FREE}, 0).
 */
record ExportCost(BigDecimal cost, String source, String currency) {

	static ExportCost of(BigDecimal exported, boolean charged, String documentCurrency, ChannelInfo channel) {
		if (exported != null) {
			return new ExportCost(exported, UsageEstimate.SOURCE,
					documentCurrency != null ? documentCurrency : channel.currency());
		}
		return charged ? new ExportCost(null, UsageEstimate.RATE_CARD, channel.currency())
				: new ExportCost(BigDecimal.ZERO, UsageEstimate.FREE,
						documentCurrency != null ? documentCurrency : channel.currency());
	}

}
