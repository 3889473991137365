package com.wabarecon;

/**
 * Stored calls webhooks and the sample's day boundaries, as the call tests write them: one
 * webhook a line, for a channel of the sample's directory.
 */
public final class CallsWebhooks {

	/** 1 and 2 September and 1 and 2 October 2025, 00:00 in Europe/Berlin (ch_001's WABA). */
	public static final long SEP_1 = 1756677600L;

	public static final long SEP_2 = 1756764000L;

	public static final long OCT_1 = 1759269600L;

	public static final long OCT_2 = 1759356000L;

	/** 15 September 2025, 00:00 in Europe/Athens (ch_011's WABA). */
	public static final long SEP_15_ATHENS = 1757883600L;

	private CallsWebhooks() {
	}

	/** A stored calls webhook of ch_001 (phone number id 106540352242922). */
	public static String ofCh001(String call) {
		return of("102290129340398", "106540352242922", "4930123456", call);
	}

	/** A stored calls webhook of one channel: the change's {@code value.calls} holds the call. */
	public static String of(String wabaId, String phoneNumberId, String display, String call) {
		return "{\"object\":\"whatsapp_business_account\",\"entry\":[{\"id\":\"" + wabaId + "\",\"changes\":[{"
				+ "\"field\":\"calls\",\"value\":{\"messaging_product\":\"whatsapp\",\"metadata\":{"
				+ "\"display_phone_number\":\"" + display + "\",\"phone_number_id\":\"" + phoneNumberId + "\"},\"calls\":["
				+ call + "]}}]}]}";
	}

	/** One event of a call; no status or duration where {@code null}. */
	public static String call(String id, String event, String direction, String status, long start, Long duration,
			String from, String to) {
		return "{\"id\":\"" + id + "\",\"event\":\"" + event + "\",\"direction\":\"" + direction + "\",\"from\":\""
				+ from + "\",\"to\":\"" + to + "\",\"timestamp\":" + (start + (duration == null ? 0 : duration))
				+ (status == null ? "" : ",\"status\":\"" + status + "\"") + ",\"start_time\":" + start
				+ (duration == null ? "" : ",\"end_time\":" + (start + duration) + ",\"duration\":" + duration) + "}";
	}

}
