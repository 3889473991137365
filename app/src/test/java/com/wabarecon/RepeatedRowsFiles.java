package com.wabarecon;

import java.io.IOException;
import java.math.BigDecimal;

/**
 * The inputs of the tests of rows repeated from another file: usage exports and balance exports
 * of ch_001 (Europe/Berlin, EUR; WABA 102290129340398, phone number 106540352242922) in October
 * 2025, one row a line (a file's first row on line 2, at column 2), and the invoice that bills
 * their usage counted once.
 */
public final class RepeatedRowsFiles {

	public static final String MONTH = "2025-10";

	public static final String USAGE = MONTH + "/usage/";

	/** 2 October 2025, 00:00 in Europe/Berlin, and the next days'. */
	public static final long OCT_2 = 1759356000L, OCT_3 = 1759442400L, OCT_4 = 1759528800L, OCT_5 = 1759615200L,
			OCT_6 = 1759701600L, OCT_7 = 1759788000L;

	public static final String WABA = "102290129340398";

	public static final String CH_001 = "106540352242922";

	public static final String CH_002 = "106540352242923";

	private RepeatedRowsFiles() {
	}

	/** ch_001's export of five days: 10, 20, 30, 40 and 50 messages on 2 to 6 October (lines 2 to 6). */
	public static String fiveDays() {
		return export("ch_001", row(OCT_2, 10), row(OCT_3, 20), row(OCT_4, 30), row(OCT_5, 40), row(OCT_6, 50));
	}

	/**
	 * Three rows of {@link #fiveDays} and one of its own, sent again in another file: 5 October
	 * (line 2), 7 October, 7 messages (line 3, not in the other), 3 October (line 4) and 4 October
	 * (line 5).
	 */
	public static String threeOfThemAndAnother() {
		return export("ch_001", row(OCT_5, 40), row(OCT_7, 7), row(OCT_3, 20), row(OCT_4, 30));
	}

	/**
	 * A marketing row of ch_001 charged at 0.1365 a message, starting at the given time: in the
	 * same hour of every day, so that rows of different days never share a key.
	 */
	public static String row(long start, int volume) {
		return ("{\"start\": %d, \"end\": %d, \"country\": \"DE\", \"pricing_category\": \"MARKETING\", "
				+ "\"pricing_type\": \"REGULAR\", \"tier\": \"0:MAX\", \"volume\": %d, \"cost\": %s}").formatted(start,
						start + 86400, volume, new BigDecimal("0.1365").multiply(BigDecimal.valueOf(volume)));
	}

	/** The same row without cost, as for a WABA on the partner's credit line: the rate card prices it. */
	public static String rowWithoutCost(long start, int volume) {
		return row(start, volume).replaceFirst(", \"cost\": [0-9.]+", "");
	}

	/** A usage export of the channel, one row a line (the header is line 1, the first row line 2). */
	public static String export(String channel, String... rows) {
		return "{\"channel_id\": \"" + channel + "\", \"currency\": \"EUR\", \"granularity\": \"DAILY\", \"usage\": [\n "
				+ String.join(",\n ", rows) + "\n]}\n";
	}

	/** A legacy balance export of ch_001 with the given periods, one a line (the first on line 2). */
	public static String balance(String... periods) {
		return "{\"channel_id\": \"ch_001\", \"currency\": \"EUR\", \"usage\": [\n " + String.join(",\n ", periods)
				+ "\n]}\n";
	}

	/** A balance period of the given day: paid marketing messages at 0.1365 each, and 5 free service messages. */
	public static String period(String day, int paid) {
		return ("{\"period_date\": \"%s\", \"marketing_quantity\": %d, \"marketing_paid_quantity\": %d, "
				+ "\"marketing_price\": %s, \"service_quantity\": 5, \"service_paid_quantity\": 0}").formatted(day, paid,
						paid, new BigDecimal("0.1365").multiply(BigDecimal.valueOf(paid)));
	}

	/** Meta's invoice of the month: ch_001's marketing messages, at 0.1365 each. */
	public static void invoice(TestInbox inbox, long volume, String amount) throws IOException {
		MonthFiles.invoice(inbox, MONTH, MonthFiles.usageLine(MONTH, WABA, CH_001, "MARKETING", volume, amount, "EUR"));
	}

}
