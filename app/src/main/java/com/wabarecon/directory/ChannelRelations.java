package com.wabarecon.directory;

import static com.wabarecon.directory.DirectoryColumns.DISPLAY_PHONE_NUMBER;
import static com.wabarecon.directory.DirectoryColumns.PHONE_NUMBER_ID;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * Keeps the directory's relations while {@code channels.csv} loads, row by row in the file's
 * order: a WABA has one client, one invoicing currency and one time zone; a phone number id and
 * a display number name one channel each. A row that contradicts an earlier one is rejected,
 * and its reasons name both rows.
 * <p>
 * The directory is cumulative, so the channels the database records count too:
 * <ul>
 * <li>A recorded channel this file does not list keeps its WABA's values and its numbers, as a
 * row before the file's first would: a row contradicting it is rejected, naming the line the
 * database recorded it from.</li>
 * <li>A channel the file lists takes its row's values (it moves: an update, not a
 * contradiction). Its recorded numbers stay its own until its row is accepted, so a number
 * passes to another channel only after the row that gives it up.</li>
 * <li>A WABA's recorded values change only when every other channel recorded on it is listed
 * with the same new values in a row that is itself accepted (the WABA moves whole) or has left
 * it in an earlier row: the database moves all the WABA's channels together, so a move that
 * relied on a rejected row would carry that row's channel along.</li>
 * </ul>
 * Checking the same row again (Spring Batch processes a chunk's rows again when it scans a
 * failed write) finds nothing new. Not thread-safe.
 */
final class ChannelRelations {

	/** A channel's first row in the file that passed the field checks ({@code channel} null when none did). */
	record Listing(long line, Channel channel) {
	}

	private final Map<String, Channel> recorded = new HashMap<>();

	private final Map<String, List<Channel>> recordedByWaba = new HashMap<>();

	private final Map<String, Listing> listed;

	/** The accepted row that first gave each WABA its values in this file. */
	private final Map<String, Channel> wabaRows = new HashMap<>();

	/** Who holds each number ({@code "phone_number_id 1065..."}): a recorded channel or an accepted row. */
	private final Map<String, Channel> numbers = new HashMap<>();

	/** The channels whose rows were accepted. */
	private final Map<String, Channel> accepted = new HashMap<>();

	/**
	 * The relations for a file, settled before its first row. Whether a listed channel moves with
	 * its WABA depends on whether its own row is accepted, which a row-by-row check cannot know of
	 * a row further down: the file's rows are checked in order until no recorded channel's row
	 * changes verdict, and the rows of recorded channels found rejected count as rejected from the
	 * start (the set only grows, so this ends).
	 *
	 * @param recordedChannels the channels the database records, with the file and line each was loaded from
	 * @param listed the channels this file lists, by id
	 */
	static ChannelRelations settled(Collection<Channel> recordedChannels, Map<String, Listing> listed) {
		if (recordedChannels.isEmpty()) {
			return new ChannelRelations(recordedChannels, listed);
		}
		List<Channel> rows = listed.values()
			.stream()
			.map(Listing::channel)
			.filter(Objects::nonNull)
			.sorted(Comparator.comparingLong(row -> row.source().line()))
			.toList();
		Set<String> rejected = new HashSet<>();
		while (true) {
			Map<String, Listing> assumed = new HashMap<>(listed);
			rejected.forEach(id -> assumed.put(id, new Listing(listed.get(id).line(), null)));
			ChannelRelations trial = new ChannelRelations(recordedChannels, assumed);
			Set<String> found = new HashSet<>(rejected);
			for (Channel row : rows) {
				if (!trial.check(row).isEmpty() && trial.recorded.containsKey(row.channelId())) {
					found.add(row.channelId());
				}
			}
			if (found.equals(rejected)) {
				return new ChannelRelations(recordedChannels, assumed);
			}
			rejected = found;
		}
	}

	private ChannelRelations(Collection<Channel> recordedChannels, Map<String, Listing> listed) {
		this.listed = listed;
		for (Channel channel : recordedChannels) {
			recorded.put(channel.channelId(), channel);
			recordedByWaba.computeIfAbsent(channel.wabaId(), waba -> new ArrayList<>()).add(channel);
			numbers.put(key(PHONE_NUMBER_ID, channel.phoneNumberId()), channel);
			if (channel.displayPhoneNumber() != null) {
				numbers.put(key(DISPLAY_PHONE_NUMBER, channel.displayPhoneNumber()), channel);
			}
		}
	}

	/**
	 * Checks a row that passed the field checks; accepts it when it holds the relations.
	 * @return the reasons it does not, each naming the row it contradicts; empty when accepted
	 */
	List<String> check(Channel row) {
		List<String> reasons = new ArrayList<>();
		Channel setter = wabaRows.get(row.wabaId());
		if (setter != null) {
			if (!setter.channelId().equals(row.channelId())) {
				compareWaba(setter, row, setter.source().describe(), reasons);
			}
		}
		else {
			Channel blocking = blockingRecorded(row);
			if (blocking != null) {
				compareWaba(blocking, row,
						"channel " + blocking.channelId() + " " + describeRecorded(blocking, row, true), reasons);
			}
		}
		claim(PHONE_NUMBER_ID, row.phoneNumberId(), row, reasons);
		claim(DISPLAY_PHONE_NUMBER, row.displayPhoneNumber(), row, reasons);
		if (reasons.isEmpty()) {
			accept(row);
		}
		return reasons;
	}

	/**
	 * A recorded channel of the row's WABA, other than the row's own, whose values still bind
	 * the WABA and differ from the row's; null when the row may give the WABA its values. The
	 * recorded channels of a WABA share its values, so they agree with the row or none does.
	 */
	private Channel blockingRecorded(Channel row) {
		for (Channel other : recordedByWaba.getOrDefault(row.wabaId(), List.of())) {
			if (other.channelId().equals(row.channelId()) || sameWabaValues(other, row)) {
				continue;
			}
			Listing listing = listed.get(other.channelId());
			Channel its = listing == null ? null : listing.channel();
			boolean movesAlong = its != null && its.wabaId().equals(row.wabaId()) && sameWabaValues(its, row);
			boolean hasLeft = its != null && !its.wabaId().equals(row.wabaId()) && accepted.containsKey(other.channelId());
			if (!movesAlong && !hasLeft) {
				return other;
			}
		}
		return null;
	}

	private void claim(String column, String number, Channel row, List<String> reasons) {
		if (number == null) {
			return;
		}
		Channel holder = numbers.get(key(column, number));
		if (holder != null && !holder.channelId().equals(row.channelId())) {
			String where = holder == recorded.get(holder.channelId()) ? describeRecorded(holder, row, false)
					: holder.source().describe();
			reasons.add(column + " " + number + " belongs to channel " + holder.channelId() + " (" + where
					+ "); this row gives it to " + row.channelId());
		}
	}

	private void accept(Channel row) {
		accepted.put(row.channelId(), row);
		Channel before = recorded.get(row.channelId());
		if (before != null) {
			numbers.remove(key(PHONE_NUMBER_ID, before.phoneNumberId()), before);
			numbers.remove(key(DISPLAY_PHONE_NUMBER, before.displayPhoneNumber()), before);
		}
		numbers.put(key(PHONE_NUMBER_ID, row.phoneNumberId()), row);
		if (row.displayPhoneNumber() != null) {
			numbers.put(key(DISPLAY_PHONE_NUMBER, row.displayPhoneNumber()), row);
		}
		wabaRows.putIfAbsent(row.wabaId(), row);
	}

	private static void compareWaba(Channel holder, Channel row, String where, List<String> reasons) {
		String waba = "WABA " + row.wabaId();
		if (!holder.clientId().equals(row.clientId())) {
			reasons.add(waba + " belongs to client " + holder.clientId() + " (" + where + "); this row gives it to "
					+ row.clientId());
		}
		if (!holder.wabaCurrency().equals(row.wabaCurrency())) {
			reasons.add(waba + " is invoiced in " + holder.wabaCurrency() + " (" + where + "); this row gives "
					+ row.wabaCurrency());
		}
		if (!holder.wabaTimezone().equals(row.wabaTimezone())) {
			reasons.add(waba + " is in time zone " + holder.wabaTimezone() + " (" + where + "); this row gives "
					+ row.wabaTimezone());
		}
	}

	/**
	 * "recorded in the database from directory/channels.csv line 4; not in this file": where a
	 * recorded channel was loaded from, and why its WABA values or numbers still hold when the
	 * row is read.
	 */
	private String describeRecorded(Channel channel, Channel row, boolean waba) {
		String what = "recorded in the database from " + channel.source().describe() + "; ";
		Listing listing = listed.get(channel.channelId());
		if (listing == null) {
			return what + "not in this file";
		}
		String its = what + "its row, line " + listing.line() + ", ";
		if (listing.channel() == null || listing.line() < row.source().line()) {
			return its + "is rejected";
		}
		if (!waba) {
			return its + "comes after this one";
		}
		return its + (listing.channel().wabaId().equals(row.wabaId()) ? "does not move it with this one"
				: "moves it after this one");
	}

	private static boolean sameWabaValues(Channel a, Channel b) {
		return a.clientId().equals(b.clientId()) && a.wabaCurrency().equals(b.wabaCurrency())
				&& a.wabaTimezone().equals(b.wabaTimezone());
	}

	private static String key(String column, String number) {
		return column + " " + Objects.requireNonNullElse(number, "");
	}

}
