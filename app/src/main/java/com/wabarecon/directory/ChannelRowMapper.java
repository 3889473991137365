package com.wabarecon.directory;

import static com.wabarecon.directory.DirectoryColumns.CHANNEL_ID;
import static com.wabarecon.directory.DirectoryColumns.CLIENT_ID;
import static com.wabarecon.directory.DirectoryColumns.DISPLAY_PHONE_NUMBER;
import static com.wabarecon.directory.DirectoryColumns.PAYMENT_MODE;
import static com.wabarecon.directory.DirectoryColumns.PHONE_NUMBER_ID;
import static com.wabarecon.directory.DirectoryColumns.WABA_CURRENCY;
import static com.wabarecon.directory.DirectoryColumns.WABA_ID;
import static com.wabarecon.directory.DirectoryColumns.WABA_TIMEZONE;

import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;

import com.wabarecon.directory.ChannelRelations.Listing;
import com.wabarecon.importing.FieldChecks;
import com.wabarecon.importing.FirstOccurrence;
import com.wabarecon.importing.RowProblems;
import com.wabarecon.support.csv.CsvRecord;
import com.wabarecon.support.csv.CsvRecordReader;
import com.wabarecon.support.reject.RejectedRowException;

import org.springframework.batch.infrastructure.item.ExecutionContext;
import org.springframework.batch.infrastructure.item.ItemProcessor;

/**
 * Turns a row of {@code channels.csv} into a {@link Channel}, or rejects it with every reason:
 * an unknown client, a repeated channel id, an invalid IANA time zone or ISO currency, ids that
 * are not numbers, and a row that breaks the directory's relations ({@link ChannelRelations}: a
 * WABA of another client, currency or time zone, a phone number id or display number of another
 * channel). Display numbers are kept as digits only ({@code +49 30 1} becomes {@code 49301}), the
 * way Meta's exports write them. Blank lines are filtered. One instance per step execution; not
 * thread-safe.
 */
class ChannelRowMapper implements ItemProcessor<CsvRecord, Channel> {

	private final Supplier<Set<String>> knownClients;

	private final Supplier<List<Channel>> recordedChannels;

	private final Supplier<CsvRecordReader> sameFile;

	private final FirstOccurrence channelIds = new FirstOccurrence();

	private Set<String> clients;

	private ChannelRelations relations;

	/**
	 * @param knownClients the client ids in the directory, asked once, when the first row
	 * arrives (after the clients step has loaded clients.csv)
	 * @param recordedChannels the channels the database records, asked once, when the first row arrives
	 * @param sameFile a reader of the file the step reads: read through once before the first row,
	 * to learn which channels the file lists (a WABA may move whole only if all its channels do)
	 */
	ChannelRowMapper(Supplier<Set<String>> knownClients, Supplier<List<Channel>> recordedChannels,
			Supplier<CsvRecordReader> sameFile) {
		this.knownClients = knownClients;
		this.recordedChannels = recordedChannels;
		this.sameFile = sameFile;
	}

	@Override
	public Channel process(CsvRecord row) {
		if (row.isBlank()) {
			return null;
		}
		if (relations == null) {
			clients = knownClients.get();
			List<Channel> recorded = recordedChannels.get();
			// the listing matters only for channels the database records: none on a first load
			relations = ChannelRelations.settled(recorded,
					recorded.isEmpty() ? Map.of() : listing(sameFile.get(), clients));
		}
		RowProblems problems = new RowProblems();
		Channel channel = fields(row, clients, problems);
		if (problems.isEmpty()) {
			problems.add(channelIds.check(CHANNEL_ID, channel.channelId(), row.source().line()));
		}
		if (problems.isEmpty()) {
			relations.check(channel).forEach(problems::add);
		}
		problems.throwIfAny(row.source());
		return channel;
	}

	/** The row's channel, and in {@code problems} what is wrong with its fields. */
	private static Channel fields(CsvRecord row, Set<String> clients, RowProblems problems) {
		String channelId = row.text(CHANNEL_ID);
		String clientId = row.text(CLIENT_ID);
		String wabaId = row.text(WABA_ID);
		String phoneNumberId = row.text(PHONE_NUMBER_ID);
		String display = row.text(DISPLAY_PHONE_NUMBER).replaceAll("[\\s+()-]", "");
		String zone = row.text(WABA_TIMEZONE);
		String currency = row.text(WABA_CURRENCY);
		String mode = row.text(PAYMENT_MODE).toUpperCase(Locale.ROOT);
		String paymentMode = mode.isEmpty() ? Channel.PARTNER : mode;
		problems.add(FieldChecks.safeId(CHANNEL_ID, channelId))
			.add(clientId.isEmpty() ? CLIENT_ID + " is empty"
					: clients.contains(clientId) ? null : "unknown client_id '" + clientId + "' (not in clients.csv)")
			.add(FieldChecks.digits(WABA_ID, wabaId))
			.add(FieldChecks.digits(PHONE_NUMBER_ID, phoneNumberId))
			.add(display.isEmpty() ? null : FieldChecks.digits(DISPLAY_PHONE_NUMBER, display))
			.add(FieldChecks.ianaZone(WABA_TIMEZONE, zone))
			.add(FieldChecks.currency(WABA_CURRENCY, currency))
			.add(paymentMode.equals(Channel.PARTNER) || paymentMode.equals(Channel.DIRECT) ? null
					: PAYMENT_MODE + " '" + row.text(PAYMENT_MODE) + "' is not PARTNER or DIRECT");
		return new Channel(channelId, clientId, wabaId, phoneNumberId, display.isEmpty() ? null : display, zone,
				currency, paymentMode, row.source());
	}

	/**
	 * The channels the file lists: each one's first row whose fields pass, or, when none does,
	 * its first row (without a channel). Records that cannot be read are left out.
	 */
	static Map<String, Listing> listing(CsvRecordReader file, Set<String> clients) {
		Map<String, Listing> listed = new HashMap<>();
		file.open(new ExecutionContext());
		try {
			while (true) {
				CsvRecord row;
				try {
					row = file.read();
				}
				catch (RejectedRowException unreadable) {
					continue;
				}
				if (row == null) {
					break;
				}
				if (row.isBlank()) {
					continue;
				}
				RowProblems problems = new RowProblems();
				Channel channel = fields(row, clients, problems);
				Listing before = listed.get(channel.channelId());
				if (before == null || (before.channel() == null && problems.isEmpty())) {
					listed.put(channel.channelId(),
							new Listing(row.source().line(), problems.isEmpty() ? channel : null));
				}
			}
		}
		finally {
			file.close();
		}
		return listed;
	}

}
