package com.wabarecon.directory;

import java.util.List;

/**
 * The columns of {@code clients.csv} and {@code channels.csv} (docs/formats.md, "Inputs": the directory).
 */
final class DirectoryColumns {

	static final String CLIENTS_FILE = "clients.csv";

	static final String CHANNELS_FILE = "channels.csv";

	static final String CLIENT_ID = "client_id";

	static final String NAME = "name";

	static final String BILLING_EMAILS = "billing_emails";

	static final String STATEMENT_CURRENCY = "statement_currency";

	static final String LOCALE = "locale";

	static final String CHANNEL_ID = "channel_id";

	static final String WABA_ID = "waba_id";

	static final String PHONE_NUMBER_ID = "phone_number_id";

	static final String DISPLAY_PHONE_NUMBER = "display_phone_number";

	static final String WABA_TIMEZONE = "waba_timezone";

	static final String WABA_CURRENCY = "waba_currency";

	/** Optional: {@code PARTNER} (the default, also when empty) or {@code DIRECT}. */
	static final String PAYMENT_MODE = "payment_mode";

	static final List<String> CLIENT_COLUMNS = List.of(CLIENT_ID, NAME, BILLING_EMAILS, STATEMENT_CURRENCY, LOCALE);

	static final List<String> CHANNEL_COLUMNS = List.of(CHANNEL_ID, CLIENT_ID, WABA_ID, PHONE_NUMBER_ID,
			DISPLAY_PHONE_NUMBER, WABA_TIMEZONE, WABA_CURRENCY);

	private DirectoryColumns() {
	}

}
