package com.wabarecon.directory;

import com.wabarecon.support.reject.RowSource;
import com.wabarecon.support.reject.SourcedItem;

/**
 * A phone number of a client's WhatsApp Business Account: the unit usage is estimated and
 * invoiced for. Its WABA's time zone decides which month a message belongs to, and its
 * currency is the one Meta invoices in.
 */
record Channel(String channelId, String clientId, String wabaId, String phoneNumberId,
		String displayPhoneNumber, String wabaTimezone, String wabaCurrency, RowSource source) implements SourcedItem {
}
