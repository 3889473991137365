package com.wabarecon.usage;

import static com.wabarecon.usage.JsonFields.text;

import com.wabarecon.importing.RowProblems;
import com.wabarecon.usage.ChannelLookup.ChannelInfo;
import com.wabarecon.usage.ChannelLookup.Channels;

/** The channel of a row of an export, usage or calls: one rule for both. */
final class ExportChannel {

	private ExportChannel() {
	}

	/**
	 * The row's channel: the document's {@code channel_id}, else its {@code phone_number_id},
	 * else the row's {@code phone_number_id}, else (Meta's envelope) the row's display number
	 * {@code phone_number}. The others of these that are given, and the document's
	 * {@code client_id}, must name that same channel and its client: a file (or row) whose
	 * identifiers contradict each other or the directory cannot say whose usage it is, so its
	 * rows are rejected naming the contradiction. Row by row rather than the file refused as one:
	 * each row is then counted and shown in the rejects with its volume (as the rows of a refused
	 * invoice file are), and a file that holds several channels' rows (a client's export, Meta's
	 * envelope) loses only the rows that contradict.
	 */
	static ChannelInfo of(JsonRow item, Channels channels, RowProblems problems) {
		String channelId = item.document().get("channel_id");
		String documentPhoneNumberId = item.document().get("phone_number_id");
		String rowPhoneNumberId = text(item.row(), "phone_number_id");
		String display = text(item.row(), "phone_number");
		ChannelInfo channel;
		if (channelId != null) {
			channel = found(channels.byId(channelId), "channel_id '" + channelId + "'", problems);
		}
		else if (documentPhoneNumberId != null || rowPhoneNumberId != null) {
			String phoneNumberId = documentPhoneNumberId != null ? documentPhoneNumberId : rowPhoneNumberId;
			channel = found(channels.byPhoneNumberId(phoneNumberId), "phone_number_id '" + phoneNumberId + "'", problems);
		}
		else if (display != null) {
			channel = found(channels.byDisplay(display), "phone_number '" + display + "'", problems);
		}
		else {
			problems.add("no channel: neither channel_id, phone_number_id nor phone_number is given");
			return null;
		}
		if (channel != null) {
			problems.add(channel.phoneNumberIdContradiction(documentPhoneNumberId))
				.add(rowPhoneNumberId == null || rowPhoneNumberId.equals(documentPhoneNumberId) ? null
						: channel.phoneNumberIdContradiction(rowPhoneNumberId))
				.add(channel.displayContradiction(display))
				.add(channel.clientContradiction(item.document().get("client_id")));
		}
		return channel;
	}

	private static ChannelInfo found(ChannelInfo channel, String what, RowProblems problems) {
		if (channel == null) {
			problems.add(what + " is not in the directory");
		}
		return channel;
	}

}
