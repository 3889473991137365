package com.wabarecon.usage;

import java.time.LocalDate;

/**
 * A status webhook event that can make a message (per-message pricing) or a conversation
 * (conversation-based pricing) count, as staged in {@code webhook_event}.
 *
 * @param chargeKey the wamid (PMP) or the conversation id (CBP)
 * @param eventTime UTC epoch seconds
 * @param localDate the event's day in the WABA's time zone
 */
record StatusEvent(String channelId, String chargeKey, String pricingModel, String status, long eventTime,
		LocalDate localDate, String country, String category, String pricingType) {
}
