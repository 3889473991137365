package com.wabarecon.usage;

import java.time.ZoneId;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The directory's channels, found by channel id, phone number id or display number (Meta's
 * analytics name a channel by its display number). Loaded from the database when a step asks
 * for it: a directory of 40,000 channels is a few megabytes.
 */
@Component
class ChannelLookup {

	private final JdbcClient jdbc;

	ChannelLookup(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/** A snapshot of the directory as it is now. */
	Channels load() {
		List<ChannelInfo> all = jdbc
			.sql("SELECT channel_id, client_id, waba_id, phone_number_id, display_phone_number, waba_timezone, "
					+ "waba_currency FROM channel")
			.query((rs, n) -> new ChannelInfo(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4),
					rs.getString(5), ZoneId.of(rs.getString(6)), rs.getString(7)))
			.list();
		return new Channels(all);
	}

	/**
	 * A channel as the usage stage needs it, and what an input file saying otherwise about it
	 * contradicts: each {@code ...Contradiction} method is {@code null} for a value that agrees
	 * (or is not given), else the contradiction, with what the directory says.
	 */
	record ChannelInfo(String channelId, String clientId, String wabaId, String phoneNumberId, String display,
			ZoneId zone, String currency) {

		static final String DIRECTORY = "directory/channels.csv";

		String clientContradiction(String givenClientId) {
			return givenClientId == null || givenClientId.equals(clientId) ? null
					: "client_id '" + givenClientId + "' is not the client of channel " + channelId + " (" + clientId
							+ " in " + DIRECTORY + ")";
		}

		String phoneNumberIdContradiction(String givenPhoneNumberId) {
			return givenPhoneNumberId == null || givenPhoneNumberId.equals(phoneNumberId) ? null
					: "phone_number_id '" + givenPhoneNumberId + "' is not the phone number id of channel " + channelId
							+ " (" + phoneNumberId + " in " + DIRECTORY + ")";
		}

		/** Display numbers compared as digits only ({@code +49 30 123} is {@code 4930123}). */
		String displayContradiction(String givenDisplay) {
			return givenDisplay == null || display == null || givenDisplay.equals(display)
					|| digits(givenDisplay).equals(digits(display)) ? null
					: "phone_number '" + givenDisplay + "' is not the display number of channel " + channelId + " ("
							+ display + " in " + DIRECTORY + ")";
		}

	}

	private static final Pattern NOT_DIGITS = Pattern.compile("[^0-9]");

	private static String digits(String number) {
		return NOT_DIGITS.matcher(number).replaceAll("");
	}

	static final class Channels {

		private final Map<String, ChannelInfo> byId = new HashMap<>();

		private final Map<String, ChannelInfo> byPhoneNumberId = new HashMap<>();

		private final Map<String, ChannelInfo> byDisplay = new HashMap<>();

		Channels(List<ChannelInfo> channels) {
			for (ChannelInfo channel : channels) {
				byId.put(channel.channelId(), channel);
				byPhoneNumberId.put(channel.phoneNumberId(), channel);
				if (channel.display() != null) {
					byDisplay.put(channel.display(), channel);
				}
			}
		}

		ChannelInfo byId(String channelId) {
			return channelId == null ? null : byId.get(channelId);
		}

		ChannelInfo byPhoneNumberId(String phoneNumberId) {
			return phoneNumberId == null ? null : byPhoneNumberId.get(phoneNumberId);
		}

		/** By display number, compared as digits only ({@code +49 30 123} is {@code 4930123}). */
		ChannelInfo byDisplay(String display) {
			return display == null ? null : byDisplay.get(digits(display));
		}

	}

}
