package com.wabarecon.directory;

import static com.wabarecon.directory.DirectoryColumns.CHANNEL_ID;
import static com.wabarecon.directory.DirectoryColumns.CLIENT_ID;
import static com.wabarecon.directory.DirectoryColumns.DISPLAY_PHONE_NUMBER;
import static com.wabarecon.directory.DirectoryColumns.PHONE_NUMBER_ID;
import static com.wabarecon.directory.DirectoryColumns.WABA_CURRENCY;
import static com.wabarecon.directory.DirectoryColumns.WABA_ID;
import static com.wabarecon.directory.DirectoryColumns.WABA_TIMEZONE;

import java.util.Set;
import java.util.function.Supplier;

import com.wabarecon.support.FieldChecks;
import com.wabarecon.support.FirstOccurrence;
import com.wabarecon.support.RowProblems;
import com.wabarecon.support.csv.CsvRecord;

import org.springframework.batch.infrastructure.item.ItemProcessor;

/**
 * Turns a row of {@code channels.csv} into a {@link Channel}, or rejects it with every reason:
 * an unknown client, a repeated channel or phone number id, an invalid IANA time zone or ISO
 * currency, ids that are not numbers. Display numbers are kept as digits only ({@code +49 30 1}
 * becomes {@code 49301}), the way Meta's exports write them. Blank lines are filtered. One
 * instance per step execution; not thread-safe.
 */
class ChannelRowMapper implements ItemProcessor<CsvRecord, Channel> {

	private final Supplier<Set<String>> knownClients;

	private final FirstOccurrence channelIds = new FirstOccurrence();

	private final FirstOccurrence phoneNumberIds = new FirstOccurrence();

	private Set<String> clients;

	/**
	 * @param knownClients the client ids in the directory, asked once, when the first row
	 * arrives (after the clients step has loaded clients.csv)
	 */
	ChannelRowMapper(Supplier<Set<String>> knownClients) {
		this.knownClients = knownClients;
	}

	@Override
	public Channel process(CsvRecord row) {
		if (row.isBlank()) {
			return null;
		}
		if (clients == null) {
			clients = knownClients.get();
		}
		String channelId = row.text(CHANNEL_ID);
		String clientId = row.text(CLIENT_ID);
		String wabaId = row.text(WABA_ID);
		String phoneNumberId = row.text(PHONE_NUMBER_ID);
		String display = row.text(DISPLAY_PHONE_NUMBER).replaceAll("[\\s+()-]", "");
		String zone = row.text(WABA_TIMEZONE);
		String currency = row.text(WABA_CURRENCY);

		RowProblems problems = new RowProblems().add(FieldChecks.safeId(CHANNEL_ID, channelId))
			.add(clientId.isEmpty() ? CLIENT_ID + " is empty"
					: clients.contains(clientId) ? null : "unknown client_id '" + clientId + "' (not in clients.csv)")
			.add(FieldChecks.digits(WABA_ID, wabaId))
			.add(FieldChecks.digits(PHONE_NUMBER_ID, phoneNumberId))
			.add(display.isEmpty() ? null : FieldChecks.digits(DISPLAY_PHONE_NUMBER, display))
			.add(FieldChecks.ianaZone(WABA_TIMEZONE, zone))
			.add(FieldChecks.currency(WABA_CURRENCY, currency));
		if (problems.isEmpty()) {
			long line = row.source().line();
			problems.add(channelIds.check(CHANNEL_ID, channelId, line))
				.add(phoneNumberIds.check(PHONE_NUMBER_ID, phoneNumberId, line));
		}
		problems.throwIfAny(row.source());
		return new Channel(channelId, clientId, wabaId, phoneNumberId, display.isEmpty() ? null : display, zone,
				currency, row.source());
	}

}
