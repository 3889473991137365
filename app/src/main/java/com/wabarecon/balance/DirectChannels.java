package com.wabarecon.balance;

import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.Map;

import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The directory's channels as the balances see them: each one's client, payment mode, WABA,
 * phone number, currency and time zone. Loaded once per step, when its first row arrives.
 */
record DirectChannels(Map<String, Channel> byId) {

	static final String DIRECT = "DIRECT";

	record Channel(String channelId, String clientId, String paymentMode, String wabaId, String phoneNumberId,
			String currency, ZoneId zone) {

		boolean direct() {
			return DIRECT.equals(paymentMode);
		}

	}

	static DirectChannels load(JdbcClient jdbc) {
		Map<String, Channel> channels = new LinkedHashMap<>();
		jdbc.sql("""
				SELECT channel_id, client_id, payment_mode, waba_id, phone_number_id, waba_currency, waba_timezone
				FROM channel ORDER BY channel_id""").query(rs -> {
			channels.put(rs.getString(1), new Channel(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4),
					rs.getString(5), rs.getString(6).strip(), ZoneId.of(rs.getString(7))));
		});
		return new DirectChannels(channels);
	}

	/**
	 * Why a file cannot speak of this channel's balance: it is not in the directory, or not on
	 * Direct Payment; {@code null} when it can.
	 */
	String problem(String channelId) {
		Channel channel = byId.get(channelId);
		if (channelId == null || channelId.isEmpty()) {
			return "channel_id is empty";
		}
		if (channel == null) {
			return "channel_id '" + channelId + "' is not in channels.csv";
		}
		return channel.direct() ? null
				: "channel " + channelId + " is not on Direct Payment (payment_mode " + channel.paymentMode()
						+ "): it has no prepaid balance";
	}

	/** Why an amount in this currency cannot be the channel's; {@code null} when it can. */
	String currencyProblem(String channelId, String currency) {
		Channel channel = byId.get(channelId);
		return channel == null || channel.currency().equals(currency) ? null
				: "currency " + currency + " is not " + channelId + "'s balance currency, " + channel.currency();
	}

}
