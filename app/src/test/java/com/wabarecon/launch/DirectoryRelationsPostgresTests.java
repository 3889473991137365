package com.wabarecon.launch;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import com.wabarecon.ClientOutputs;
import com.wabarecon.PostgresDatabase;
import com.wabarecon.PostgresSchema;
import com.wabarecon.TestInbox;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * The directory's relations on PostgreSQL, where the WABA table's upsert, the cascade of a WABA
 * moved whole and the unique numbers are PostgreSQL's own: the close, as a person runs it, of
 * the sample with a channel of c_002 on c_001's WABA, then of the sample with c_004's WABA given
 * whole to c_005, then given back with one of its channels' rows rejected.
 */
@ExtendWith(PostgresDatabase.class)
class DirectoryRelationsPostgresTests {

	@RegisterExtension
	static final PostgresSchema database = new PostgresSchema();

	@TempDir
	Path dir;

	@Test
	void aChannelOnAnotherClientsWabaIsRejectedAndAWabaMovedWholeIsAnUpdate() throws Exception {
		// given
		TestInbox inbox = TestInbox.copyOfSample(dir.resolve("inbox"));
		inbox.append("directory/channels.csv",
				"ch_013,c_002,102290129340398,106540352242925,4930123457,Europe/Berlin,EUR,PARTNER");
		Path out = dir.resolve("out");

		// when
		CliRun close = close(inbox, out);

		// then: the row is rejected, and c_002's statement holds neither c_001's WABA nor its charges
		assertThat(close.exitCode()).as(close.err()).isZero();
		assertThat(database.query("SELECT line || ': ' || reason FROM import_reject WHERE billing_month = '2025-09' "
				+ "AND source_file = 'directory/channels.csv'"))
			.containsExactly("14: WABA 102290129340398 belongs to client c_001 (directory/channels.csv line 2); "
					+ "this row gives it to c_002");
		ClientOutputs c002 = ClientOutputs.of(out, "2025-09", "c_002");
		assertThat(c002.pdfTextJoined()).contains("203311456789012").doesNotContain("102290129340398");
		assertThat(c002.charges()).containsExactly("None on this month's invoices.");
		assertThat(ClientOutputs.of(out, "2025-09", "c_001").charges()).containsExactly(
				"INV-2025-09-EUR-0042 102290129340398 Anpassung EUR -2.10",
				"INV-2025-09-EUR-0042 102290129340398 Steuer EUR 34.00");

		// and when c_004's WABA moves whole to c_005
		Path channels = inbox.root().resolve("directory/channels.csv");
		Files.writeString(channels, Files.readString(channels)
			.replace("ch_009,c_004,", "ch_009,c_005,")
			.replace("ch_010,c_004,", "ch_010,c_005,"));
		CliRun moved = close(inbox, out, "--rerun", "--until", "import");

		// then: an update of the WABA and both its channels
		assertThat(moved.exitCode()).as(moved.err()).isZero();
		assertThat(database.query("SELECT waba_id || ' ' || client_id FROM waba WHERE waba_id = '405566778899001'"))
			.containsExactly("405566778899001 c_005");
		assertThat(database.query("SELECT channel_id || ' ' || client_id FROM channel WHERE waba_id = '405566778899001' "
				+ "ORDER BY channel_id")).containsExactly("ch_009 c_005", "ch_010 c_005");

		// and when the WABA would move back to c_004 with ch_010, whose row takes ch_001's phone number id
		Files.writeString(channels, Files.readString(channels)
			.replace("ch_009,c_005,", "ch_009,c_004,")
			.replace("ch_010,c_005,405566778899001,409912345600002,", "ch_010,c_004,405566778899001,106540352242922,"));
		CliRun back = close(inbox, out, "--rerun", "--until", "import");

		// then: both rows are rejected, and the WABA and both its channels stay c_005's
		assertThat(back.exitCode()).as(back.err()).isZero();
		assertThat(database.query("SELECT reason FROM import_reject WHERE billing_month = '2025-09' "
				+ "AND source_file = 'directory/channels.csv' AND line = 10"))
			.containsExactly("WABA 405566778899001 belongs to client c_005 (channel ch_010 recorded in the database "
					+ "from directory/channels.csv line 11; its row, line 11, is rejected); this row gives it to c_004");
		assertThat(database.query("SELECT reason FROM import_reject WHERE billing_month = '2025-09' "
				+ "AND source_file = 'directory/channels.csv' AND line = 11"))
			.singleElement()
			.asString()
			.contains("phone_number_id 106540352242922 belongs to channel ch_001 (directory/channels.csv line 2); "
					+ "this row gives it to ch_010");
		assertThat(database.query("SELECT waba_id || ' ' || client_id FROM waba WHERE waba_id = '405566778899001'"))
			.containsExactly("405566778899001 c_005");
		assertThat(database.query("SELECT channel_id || ' ' || client_id || ' ' || phone_number_id FROM channel "
				+ "WHERE waba_id = '405566778899001' ORDER BY channel_id"))
			.containsExactly("ch_009 c_005 409912345600001", "ch_010 c_005 409912345600002");
	}

	private CliRun close(TestInbox inbox, Path out, String... options) {
		List<String> args = new ArrayList<>(List.of("close", "--month", "2025-09", "--inbox", inbox.root().toString(),
				"--out", out.toString(), "--db-url", database.url(), "--max-reject-pct", "100"));
		args.addAll(List.of(options));
		return CliRun.of(args.toArray(String[]::new));
	}

}
