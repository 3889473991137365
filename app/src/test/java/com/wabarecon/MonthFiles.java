package com.wabarecon;

import java.io.IOException;
import java.time.Instant;
import java.time.YearMonth;

import com.wabarecon.invoice.InvoiceFiles;

/**
 * Writes a month's usage exports, webhooks and invoice into a test inbox, in the shapes the
 * import reads: small, generated per test.
 */
public final class MonthFiles {

	private MonthFiles() {
	}

	/**
	 * A usage export of one day's messages without cost (a WABA on the partner's credit line: the
	 * rate card prices them), to recipients in India.
	 *
	 * @param start the day's start, epoch seconds
	 */
	public static void exportWithoutCost(TestInbox inbox, String month, String channel, String phoneNumberId,
			String category, long volume, long start) throws IOException {
		inbox.write(month + "/usage/" + channel + "-" + category.toLowerCase() + ".json", """
				{"channel_id": "%s", "phone_number_id": "%s", "granularity": "DAILY",
				 "usage": [{"start": %d, "end": %d, "country": "IN", "pricing_category": "%s",
				            "pricing_type": "REGULAR", "volume": %d}]}
				""".formatted(channel, phoneNumberId, start, start + 86400, category, volume));
	}

	/** An invoice usage line of a channel, to India, in the month. */
	public static String usageLine(String month, String waba, String phoneNumberId, String category, long volume,
			String amount, String currency) {
		YearMonth billing = YearMonth.parse(month);
		return String.join(",", "INV-" + month + "-" + currency, billing.plusMonths(1).atDay(3).toString(),
				billing.atDay(1).toString(), billing.atEndOfMonth().toString(), waba, phoneNumberId, "", "IN", category,
				"REGULAR", "", Long.toString(volume), "", amount, currency, "USAGE");
	}

	/** {@code <month>/invoice/meta-invoice.csv} with these lines under the canonical header. */
	public static void invoice(TestInbox inbox, String month, String... lines) throws IOException {
		inbox.write(month + "/invoice/meta-invoice.csv", InvoiceFiles.HEADER + "\n" + String.join("\n", lines) + "\n");
	}

	/**
	 * A stored status webhook of one message to an Indian recipient, priced as regular.
	 *
	 * @param conversation the CBP conversation id, or {@code null}
	 */
	public static String status(String waba, String phoneNumberId, String wamid, String status, String at,
			String category, String model, String conversation) {
		return "{\"object\":\"whatsapp_business_account\",\"entry\":[{\"id\":\"" + waba + "\",\"changes\":[{"
				+ "\"field\":\"messages\",\"value\":{\"metadata\":{\"display_phone_number\":\"918012345678\","
				+ "\"phone_number_id\":\"" + phoneNumberId + "\"},\"statuses\":[{\"id\":\"" + wamid + "\",\"status\":\""
				+ status + "\",\"timestamp\":\"" + Instant.parse(at).getEpochSecond() + "\",\"recipient_id\":\"919876543210\","
				+ (conversation == null ? "" : "\"conversation\":{\"id\":\"" + conversation + "\"},")
				+ "\"pricing\":{\"billable\":true,\"pricing_model\":\"" + model + "\",\"type\":\"regular\",\"category\":\""
				+ category + "\"}}]}}]}]}";
	}

}
