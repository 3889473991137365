package com.wabarecon.usage;

import java.time.LocalDate;

/**
 * The terminate event of a call, from a calls webhook, as staged in {@code call_event}.
 *
 * @param startTime UTC epoch seconds of the call's start
 * @param durationSeconds {@code null} when the event gives none
 * @param localDate the start's day in the WABA's time zone: the call's month
 * @param country the called number's ({@code to}) country
 */
record CallEvent(String channelId, String callId, String direction, String status, long startTime,
		Long durationSeconds, LocalDate localDate, String country) {
}
