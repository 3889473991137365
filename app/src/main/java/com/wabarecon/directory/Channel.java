package com.wabarecon.directory;

import com.wabarecon.support.reject.RowSource;
import com.wabarecon.support.reject.SourcedItem;

/**
 * A phone number of a client's WhatsApp Business Account: the unit usage is estimated and
 * invoiced for. Its WABA's time zone decides which month a message belongs to, and its
 * currency is the one Meta invoices in.
 *
 * @param paymentMode {@code PARTNER} (the partner pays Meta and bills the client) or
 * {@code DIRECT} (the client prepays a balance per phone number, which Meta's charges draw on)
 */
record Channel(String channelId, String clientId, String wabaId, String phoneNumberId,
		String displayPhoneNumber, String wabaTimezone, String wabaCurrency, String paymentMode, RowSource source)
		implements SourcedItem {

	static final String PARTNER = "PARTNER";

	static final String DIRECT = "DIRECT";

	/** A channel the partner pays for. */
	Channel(String channelId, String clientId, String wabaId, String phoneNumberId, String displayPhoneNumber,
			String wabaTimezone, String wabaCurrency, RowSource source) {
		this(channelId, clientId, wabaId, phoneNumberId, displayPhoneNumber, wabaTimezone, wabaCurrency, PARTNER,
				source);
	}

}
