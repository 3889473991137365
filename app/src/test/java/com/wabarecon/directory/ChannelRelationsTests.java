package com.wabarecon.directory;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import com.wabarecon.directory.ChannelRelations.Listing;
import com.wabarecon.support.reject.RowSource;

import org.junit.jupiter.api.Test;

/**
 * The directory's relations, row by row: each case is a few channels (recorded in the database,
 * listed in the file) and the reasons expected for each row, written out by hand.
 */
class ChannelRelationsTests {

	static final String FILE = "directory/channels.csv";

	static final String BERLIN = "Europe/Berlin";

	// --- rows of one file

	@Test
	void aChannelOnAnotherClientsWabaIsRejectedNamingTheRowThatGaveTheWaba() {
		Channel first = row(2, "ch_001", "c_001", "102290129340398", "106540352242922", "4930123456", BERLIN, "EUR");
		Channel other = row(3, "ch_013", "c_002", "102290129340398", "106540352242925", "4930123457", BERLIN, "EUR");
		ChannelRelations relations = relations(List.of(), first, other);

		assertThat(relations.check(first)).isEmpty();
		assertThat(relations.check(other)).containsExactly(
				"WABA 102290129340398 belongs to client c_001 (directory/channels.csv line 2); this row gives it to c_002");
	}

	@Test
	void aWabaInvoicedInTwoCurrenciesIsRejected() {
		Channel first = row(2, "ch_009", "c_004", "405566778899001", "409912345600001", "12125550100", "America/New_York", "USD");
		Channel other = row(4, "ch_013", "c_004", "405566778899001", "409912345600003", "12125550199", "America/New_York", "EUR");
		ChannelRelations relations = relations(List.of(), first, other);

		assertThat(relations.check(first)).isEmpty();
		assertThat(relations.check(other)).containsExactly(
				"WABA 405566778899001 is invoiced in USD (directory/channels.csv line 2); this row gives EUR");
	}

	@Test
	void aWabaInTwoTimeZonesIsRejected() {
		Channel first = row(2, "ch_001", "c_001", "102290129340398", "106540352242922", "4930123456", BERLIN, "EUR");
		Channel other = row(3, "ch_013", "c_001", "102290129340398", "106540352242925", null, "America/Sao_Paulo", "EUR");
		ChannelRelations relations = relations(List.of(), first, other);

		assertThat(relations.check(first)).isEmpty();
		assertThat(relations.check(other)).containsExactly(
				"WABA 102290129340398 is in time zone Europe/Berlin (directory/channels.csv line 2); this row gives America/Sao_Paulo");
	}

	@Test
	void aRowBreakingEveryRelationIsRejectedWithEveryReason() {
		Channel first = row(2, "ch_001", "c_001", "102290129340398", "106540352242922", "4930123456", BERLIN, "EUR");
		Channel other = row(3, "ch_013", "c_002", "102290129340398", "106540352242922", "4930123456", "Asia/Kolkata", "INR");
		ChannelRelations relations = relations(List.of(), first, other);

		relations.check(first);
		assertThat(relations.check(other)).containsExactly(
				"WABA 102290129340398 belongs to client c_001 (directory/channels.csv line 2); this row gives it to c_002",
				"WABA 102290129340398 is invoiced in EUR (directory/channels.csv line 2); this row gives INR",
				"WABA 102290129340398 is in time zone Europe/Berlin (directory/channels.csv line 2); this row gives Asia/Kolkata",
				"phone_number_id 106540352242922 belongs to channel ch_001 (directory/channels.csv line 2); this row gives it to ch_013",
				"display_phone_number 4930123456 belongs to channel ch_001 (directory/channels.csv line 2); this row gives it to ch_013");
	}

	@Test
	void aPhoneNumberIdOfAnotherChannelIsRejected() {
		Channel first = row(2, "ch_001", "c_001", "111", "201", null, BERLIN, "EUR");
		Channel other = row(7, "ch_005", "c_004", "112", "201", null, "America/New_York", "USD");
		ChannelRelations relations = relations(List.of(), first, other);

		relations.check(first);
		assertThat(relations.check(other)).containsExactly(
				"phone_number_id 201 belongs to channel ch_001 (directory/channels.csv line 2); this row gives it to ch_005");
	}

	@Test
	void aChannelGivenAnotherClientsDisplayNumberIsRejected() {
		Channel first = row(4, "ch_003", "c_001", "102290129340399", "106540352242924", "4989555000", BERLIN, "EUR");
		Channel other = row(14, "ch_013", "c_006", "607788990011224", "601112345678902", "4989555000", "Asia/Nicosia", "EUR");
		ChannelRelations relations = relations(List.of(), first, other);

		relations.check(first);
		assertThat(relations.check(other)).containsExactly(
				"display_phone_number 4989555000 belongs to channel ch_003 (directory/channels.csv line 4); this row gives it to ch_013");
	}

	@Test
	void channelsWithoutADisplayNumberShareNothing() {
		Channel first = row(2, "ch_001", "c_001", "111", "201", null, BERLIN, "EUR");
		Channel other = row(3, "ch_002", "c_001", "111", "202", null, BERLIN, "EUR");
		ChannelRelations relations = relations(List.of(), first, other);

		assertThat(relations.check(first)).isEmpty();
		assertThat(relations.check(other)).isEmpty();
	}

	@Test
	void aRejectedRowHoldsNothing() {
		Channel first = row(2, "ch_001", "c_001", "111", "201", null, BERLIN, "EUR");
		Channel rejected = row(3, "ch_002", "c_002", "111", "202", "4930555", BERLIN, "EUR");
		Channel after = row(4, "ch_003", "c_003", "113", "202", "4930555", "America/Sao_Paulo", "BRL");
		ChannelRelations relations = relations(List.of(), first, rejected, after);

		relations.check(first);
		assertThat(relations.check(rejected)).hasSize(1);
		assertThat(relations.check(after)).as("the rejected row's numbers are free").isEmpty();
	}

	@Test
	void checkingTheSameRowAgainFindsNothing() {
		Channel first = row(2, "ch_001", "c_001", "111", "201", "4930", BERLIN, "EUR");
		Channel second = row(3, "ch_002", "c_001", "111", "202", "4931", BERLIN, "EUR");
		ChannelRelations relations = relations(List.of(), first, second);

		assertThat(relations.check(first)).isEmpty();
		assertThat(relations.check(second)).isEmpty();
		assertThat(relations.check(first)).as("a chunk scanned after a failed write").isEmpty();
		assertThat(relations.check(second)).isEmpty();
	}

	// --- with the channels the database records

	@Test
	void loadingTheSameFileAgainChangesNothingAndANewRowIsJudgedAgainstTheFile() {
		Channel ch001 = row(2, "ch_001", "c_001", "102290129340398", "106540352242922", "4930123456", BERLIN, "EUR");
		Channel ch002 = row(3, "ch_002", "c_001", "102290129340398", "106540352242923", "4940987654", BERLIN, "EUR");
		Channel ch013 = row(14, "ch_013", "c_002", "102290129340398", "106540352242925", "4930123457", BERLIN, "EUR");
		ChannelRelations relations = relations(List.of(ch001, ch002), ch001, ch002, ch013);

		assertThat(relations.check(ch001)).isEmpty();
		assertThat(relations.check(ch002)).isEmpty();
		assertThat(relations.check(ch013)).containsExactly(
				"WABA 102290129340398 belongs to client c_001 (directory/channels.csv line 2); this row gives it to c_002");
	}

	@Test
	void aRowContradictingARecordedChannelNotInTheFileIsRejectedNamingWhereItWasRecordedFrom() {
		Channel ch002 = row(3, "ch_002", "c_001", "102290129340398", "106540352242923", "4940987654", BERLIN, "EUR");
		Channel ch003 = row(4, "ch_003", "c_001", "102290129340399", "106540352242924", "4989555000", BERLIN, "EUR");
		Channel onItsWaba = row(12, "ch_013", "c_002", "102290129340398", "106540352242925", null, BERLIN, "EUR");
		Channel itsNumber = row(13, "ch_014", "c_006", "607788990011224", "601112345678902", "4989555000",
				"Asia/Nicosia", "EUR");
		ChannelRelations relations = relations(List.of(ch002, ch003), onItsWaba, itsNumber);

		assertThat(relations.check(onItsWaba)).containsExactly("WABA 102290129340398 belongs to client c_001 "
				+ "(channel ch_002 recorded in the database from directory/channels.csv line 3; not in this file); "
				+ "this row gives it to c_002");
		assertThat(relations.check(itsNumber)).containsExactly("display_phone_number 4989555000 belongs to channel "
				+ "ch_003 (recorded in the database from directory/channels.csv line 4; not in this file); "
				+ "this row gives it to ch_014");
	}

	@Test
	void aChannelThatMovesIsAnUpdate() {
		Channel ch001 = row(2, "ch_001", "c_001", "102290129340398", "106540352242922", "4930123456", BERLIN, "EUR");
		Channel ch002 = row(3, "ch_002", "c_001", "102290129340398", "106540352242923", "4940987654", BERLIN, "EUR");
		Channel ch003 = row(4, "ch_003", "c_001", "102290129340399", "106540352242924", "4989555000", BERLIN, "EUR");
		Channel ch002Moved = row(3, "ch_002", "c_002", "555000000000001", "106540352242923", "4940987654",
				"Asia/Kolkata", "INR");
		Channel ch003Moved = row(4, "ch_003", "c_003", "102290129340399", "106540352242924", "4989555000",
				"America/Sao_Paulo", "BRL");
		ChannelRelations relations = relations(List.of(ch001, ch002, ch003), ch001, ch002Moved, ch003Moved);

		assertThat(relations.check(ch001)).isEmpty();
		assertThat(relations.check(ch002Moved)).as("to another client's new WABA").isEmpty();
		assertThat(relations.check(ch003Moved)).as("with its WABA, which no other channel is on").isEmpty();
	}

	@Test
	void aWabaMovesWholeWhenEveryChannelOnItMovesWithIt() {
		Channel ch009 = row(10, "ch_009", "c_004", "405566778899001", "409912345600001", "12125550100", "America/New_York", "USD");
		Channel ch010 = row(11, "ch_010", "c_004", "405566778899001", "409912345600002", "12125550123", "America/New_York", "USD");
		Channel ch009Moved = row(10, "ch_009", "c_005", "405566778899001", "409912345600001", "12125550100", "America/New_York", "USD");
		Channel ch010Moved = row(11, "ch_010", "c_005", "405566778899001", "409912345600002", "12125550123", "America/New_York", "USD");
		ChannelRelations relations = relations(List.of(ch009, ch010), ch009Moved, ch010Moved);

		assertThat(relations.check(ch009Moved)).isEmpty();
		assertThat(relations.check(ch010Moved)).isEmpty();
	}

	@Test
	void aWabaDoesNotMoveWithoutEveryChannelOnIt() {
		Channel ch009 = row(10, "ch_009", "c_004", "405566778899001", "409912345600001", "12125550100", "America/New_York", "USD");
		Channel ch010 = row(11, "ch_010", "c_004", "405566778899001", "409912345600002", "12125550123", "America/New_York", "USD");
		Channel ch009Moved = row(10, "ch_009", "c_005", "405566778899001", "409912345600001", "12125550100", "America/New_York", "USD");

		ChannelRelations absent = relations(List.of(ch009, ch010), ch009Moved);
		assertThat(absent.check(ch009Moved)).containsExactly("WABA 405566778899001 belongs to client c_004 "
				+ "(channel ch_010 recorded in the database from directory/channels.csv line 11; not in this file); "
				+ "this row gives it to c_005");

		ChannelRelations staying = relations(List.of(ch009, ch010), ch009Moved, ch010);
		assertThat(staying.check(ch009Moved)).containsExactly("WABA 405566778899001 belongs to client c_004 "
				+ "(channel ch_010 recorded in the database from directory/channels.csv line 11; its row, line 11, "
				+ "does not move it with this one); this row gives it to c_005");
		assertThat(staying.check(ch010)).isEmpty();
	}

	@Test
	void aWabaMovesOnceItsOtherChannelHasLeftItInAnEarlierRow() {
		Channel ch009 = row(10, "ch_009", "c_004", "405566778899001", "409912345600001", "12125550100", "America/New_York", "USD");
		Channel ch010 = row(11, "ch_010", "c_004", "405566778899001", "409912345600002", "12125550123", "America/New_York", "USD");
		Channel leaves = row(2, "ch_010", "c_004", "405566778899002", "409912345600002", "12125550123", "America/New_York", "USD");
		Channel moves = row(3, "ch_009", "c_005", "405566778899001", "409912345600001", "12125550100", "America/New_York", "USD");

		ChannelRelations leftBefore = relations(List.of(ch009, ch010), leaves, moves);
		assertThat(leftBefore.check(leaves)).isEmpty();
		assertThat(leftBefore.check(moves)).isEmpty();

		Channel movesFirst = row(2, "ch_009", "c_005", "405566778899001", "409912345600001", "12125550100", "America/New_York", "USD");
		Channel leavesAfter = row(3, "ch_010", "c_004", "405566778899002", "409912345600002", "12125550123", "America/New_York", "USD");
		ChannelRelations leavesLater = relations(List.of(ch009, ch010), movesFirst, leavesAfter);
		assertThat(leavesLater.check(movesFirst)).containsExactly("WABA 405566778899001 belongs to client c_004 "
				+ "(channel ch_010 recorded in the database from directory/channels.csv line 11; its row, line 3, "
				+ "moves it after this one); this row gives it to c_005");
		assertThat(leavesLater.check(leavesAfter)).isEmpty();
	}

	@Test
	void aNumberPassesToAnotherChannelOnlyAfterTheRowThatGivesItUp() {
		Channel ch001 = row(2, "ch_001", "c_001", "111", "201", null, BERLIN, "EUR");
		Channel givesUp = row(2, "ch_001", "c_001", "111", "209", null, BERLIN, "EUR");
		Channel takes = row(3, "ch_002", "c_001", "111", "201", null, BERLIN, "EUR");
		ChannelRelations inOrder = relations(List.of(ch001), givesUp, takes);
		assertThat(inOrder.check(givesUp)).isEmpty();
		assertThat(inOrder.check(takes)).isEmpty();

		Channel takesFirst = row(2, "ch_002", "c_001", "111", "201", null, BERLIN, "EUR");
		Channel givesUpAfter = row(3, "ch_001", "c_001", "111", "209", null, BERLIN, "EUR");
		ChannelRelations outOfOrder = relations(List.of(ch001), takesFirst, givesUpAfter);
		assertThat(outOfOrder.check(takesFirst)).containsExactly("phone_number_id 201 belongs to channel ch_001 "
				+ "(recorded in the database from directory/channels.csv line 2; its row, line 3, comes after this one); "
				+ "this row gives it to ch_002");
		assertThat(outOfOrder.check(givesUpAfter)).isEmpty();
	}

	@Test
	void aRecordedChannelWhoseRowIsRejectedKeepsItsNumbers() {
		Channel ch001 = row(2, "ch_001", "c_001", "111", "201", null, BERLIN, "EUR");
		Channel ch007 = row(8, "ch_007", "c_001", "111", "207", null, BERLIN, "EUR");
		Channel ch001Moved = row(2, "ch_001", "c_002", "111", "201", null, BERLIN, "EUR");
		Channel takes = row(3, "ch_002", "c_003", "112", "201", null, BERLIN, "EUR");
		ChannelRelations relations = relations(List.of(ch001, ch007), ch001Moved, takes);

		assertThat(relations.check(ch001Moved)).containsExactly("WABA 111 belongs to client c_001 (channel ch_007 "
				+ "recorded in the database from directory/channels.csv line 8; not in this file); this row gives it to c_002");
		assertThat(relations.check(takes)).containsExactly("phone_number_id 201 belongs to channel ch_001 "
				+ "(recorded in the database from directory/channels.csv line 2; its row, line 2, is rejected); "
				+ "this row gives it to ch_002");
	}

	@Test
	void aWabaDoesNotMoveWithAChannelWhoseOwnRowIsRejected() {
		// given: ch_001 and ch_002 recorded on WABA 111 of c_001; the file moves both to c_002, but
		// ch_002's row also takes the phone number id of ch_003 (recorded, not in the file)
		Channel ch001 = row(2, "ch_001", "c_001", "111", "201", null, BERLIN, "EUR");
		Channel ch002 = row(3, "ch_002", "c_001", "111", "202", null, BERLIN, "EUR");
		Channel ch003 = row(4, "ch_003", "c_003", "113", "203", null, BERLIN, "EUR");
		String itsNumber = "phone_number_id 203 belongs to channel ch_003 (recorded in the database from "
				+ "directory/channels.csv line 4; not in this file); this row gives it to ch_002";

		// the moving row first: ch_002's rejected row, further down, cannot carry the WABA
		Channel moves = row(2, "ch_001", "c_002", "111", "201", null, BERLIN, "EUR");
		Channel takesANumber = row(3, "ch_002", "c_002", "111", "203", null, BERLIN, "EUR");
		ChannelRelations movingFirst = relations(List.of(ch001, ch002, ch003), moves, takesANumber);
		assertThat(movingFirst.check(moves)).containsExactly("WABA 111 belongs to client c_001 (channel ch_002 "
				+ "recorded in the database from directory/channels.csv line 3; its row, line 3, is rejected); "
				+ "this row gives it to c_002");
		assertThat(movingFirst.check(takesANumber)).contains(itsNumber);

		// the rejected row first
		Channel takesFirst = row(2, "ch_002", "c_002", "111", "203", null, BERLIN, "EUR");
		Channel movesAfter = row(3, "ch_001", "c_002", "111", "201", null, BERLIN, "EUR");
		ChannelRelations rejectedFirst = relations(List.of(ch001, ch002, ch003), takesFirst, movesAfter);
		assertThat(rejectedFirst.check(takesFirst)).contains(itsNumber);
		assertThat(rejectedFirst.check(movesAfter)).containsExactly("WABA 111 belongs to client c_001 (channel "
				+ "ch_002 recorded in the database from directory/channels.csv line 3; its row, line 2, is rejected); "
				+ "this row gives it to c_002");
	}

	static Channel row(long line, String channelId, String clientId, String wabaId, String phoneNumberId,
			String display, String zone, String currency) {
		return new Channel(channelId, clientId, wabaId, phoneNumberId, display, zone, currency,
				RowSource.atLine(FILE, line, String.join(",", channelId, clientId, wabaId, phoneNumberId,
						display == null ? "" : display, zone, currency)));
	}

	/** Relations over the recorded channels, with these rows listed in the file. */
	static ChannelRelations relations(List<Channel> recorded, Channel... listed) {
		Map<String, Listing> listing = new HashMap<>();
		Arrays.stream(listed)
			.forEach(channel -> listing.putIfAbsent(channel.channelId(), new Listing(channel.source().line(), channel)));
		return ChannelRelations.settled(recorded, listing);
	}

}
