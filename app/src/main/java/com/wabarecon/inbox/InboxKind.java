package com.wabarecon.inbox;

/**
 * What an inbox file is to the close: which step reads it. One place decides it
 * ({@link InboxInventory}), and every step reads the files of its kind from there.
 */
public enum InboxKind {

	/** {@code directory/clients.csv} */
	CLIENTS("clientsStep"),
	/** {@code directory/channels.csv} */
	CHANNELS("channelsStep"),
	/** {@code directory/auto-renewal.csv}: the auto-renewal of channels on Direct Payment */
	AUTO_RENEWAL("autoRenewalStep"),
	/** {@code rate-cards/*.csv} but markets.csv */
	RATE_CARD("rateCardsStep"),
	/** {@code rate-cards/markets.csv} */
	MARKETS("marketsStep"),
	/** {@code fx/<month>.csv} */
	FX("fxStep"),
	/** {@code <month>/usage/*.json}, {@code *.json.gz} */
	USAGE_EXPORT("usageExportsStep"),
	/** {@code <month>/usage/*.balance.json} */
	BALANCE_EXPORT("balanceExportsStep"),
	/** {@code <month>/calls/*.json}, {@code *.json.gz}: call analytics exports */
	CALL_EXPORT("callExportsStep"),
	/** {@code <month>/webhooks/*.ndjson}, {@code *.ndjson.gz}, and the neighbouring months' */
	WEBHOOKS("webhooksStep"),
	/** {@code <month>/balance/*.json}: a Direct Payment channel's balance at the end of the month */
	BALANCE_SNAPSHOT("balanceSnapshotsStep"),
	/** {@code <month>/balance/movements.csv}: the month's funds movements */
	FUNDS_MOVEMENTS("fundsMovementsStep"),
	/** {@code <month>/invoice/*.csv}, {@code *.xlsx} */
	INVOICE("invoiceImportStep");

	private final String step;

	InboxKind(String step) {
		this.step = step;
	}

	/** The step of the close that reads the files of this kind. */
	public String step() {
		return step;
	}

}
