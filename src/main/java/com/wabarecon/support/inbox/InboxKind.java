package com.wabarecon.support.inbox;

/**
 * What an inbox file is to the close: which step reads it. One place decides it
 * ({@link InboxInventory}), and every step reads the files of its kind from there.
 */
public enum InboxKind {

	/** {@code directory/clients.csv} */
	CLIENTS,
	/** {@code directory/channels.csv} */
	CHANNELS,
	/** {@code rate-cards/*.csv} but markets.csv */
	RATE_CARD,
	/** {@code rate-cards/markets.csv} */
	MARKETS,
	/** {@code fx/<month>.csv} */
	FX,
	/** {@code <month>/usage/*.json}, {@code *.json.gz} */
	USAGE_EXPORT,
	/** {@code <month>/usage/*.balance.json} */
	BALANCE_EXPORT,
	/** {@code <month>/webhooks/*.ndjson}, {@code *.ndjson.gz}, and the neighbouring months' */
	WEBHOOKS,
	/** {@code <month>/invoice/*.csv}, {@code *.xlsx} */
	INVOICE

}
