package com.wabarecon.inbox;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.YearMonth;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Which step reads each inbox file, and why the others are not read: one row per file name.
 */
class InboxInventoryTests {

	static final YearMonth MONTH = YearMonth.of(2025, 9);

	@TempDir
	Path inbox;

	@ParameterizedTest(name = "{0}")
	@CsvSource(delimiter = '|', textBlock = """
			# file                                  | decision | kind or reason
			directory/clients.csv                   | READ     | CLIENTS
			directory/channels.csv                  | READ     | CHANNELS
			directory/auto-renewal.csv              | READ     | AUTO_RENEWAL
			directory/Clients.CSV                   | NOT_READ | not read: the directory is read from clients.csv, channels.csv and auto-renewal.csv (names in lower case)
			rate-cards/2025-07-01.csv               | READ     | RATE_CARD
			rate-cards/2025-07-01.CSV               | READ     | RATE_CARD
			rate-cards/markets.csv                  | READ     | MARKETS
			rate-cards/notes.txt                    | NOT_READ | not read: rate cards are read from .csv files
			fx/2025-09.csv                          | READ     | FX
			fx/readme.txt                           | NOT_READ | not read: FX rates are read from <month>.csv files
			2025-09/usage/ch_001.json               | READ     | USAGE_EXPORT
			2025-09/usage/ch_001.JSON               | READ     | USAGE_EXPORT
			2025-09/usage/ch_001.json.gz            | READ     | USAGE_EXPORT
			2025-09/usage/ch_001.balance.json       | READ     | BALANCE_EXPORT
			2025-09/usage/ch_001.ndjson             | NOT_READ | not read: usage exports are read from .json and .json.gz files (balance exports from .balance.json)
			2025-09/usage/old/ch_001.json           | NOT_READ | not read: in a folder below 2025-09/usage/: the close reads the files directly in it
			2025-09/usage/.DS_Store                 | NOT_READ | not read: a hidden file
			2025-09/webhooks/a.ndjson               | READ     | WEBHOOKS
			2025-09/webhooks/a.NDJSON.GZ            | READ     | WEBHOOKS
			2025-09/webhooks/a.json                 | NOT_READ | not read: webhooks are read from .ndjson and .ndjson.gz files, one stored webhook body per line: if this file holds one per line, name it .ndjson
			2025-09/invoice/meta.csv                | READ     | INVOICE
			2025-09/invoice/meta.XLSX               | READ     | INVOICE
			2025-09/invoice/meta.xls                | NOT_READ | not read: an Excel 97-2003 workbook (.xls) is not read: save it as .xlsx or .csv
			2025-09/invoice/~$meta.xlsx             | NOT_READ | not read: an Excel lock file (the workbook is open in Excel), not a workbook
			2025-09/invoice/meta.pdf                | NOT_READ | not read: Meta's invoice is read from .csv and .xlsx files
			2025-09/calls/ch_001.json               | READ     | CALL_EXPORT
			2025-09/calls/ch_001.json.gz            | READ     | CALL_EXPORT
			2025-09/calls/ch_001.csv                | NOT_READ | not read: call analytics exports are read from .json and .json.gz files
			2025-09/balance/ch_011.json             | READ     | BALANCE_SNAPSHOT
			2025-09/balance/movements.csv           | READ     | FUNDS_MOVEMENTS
			2025-09/balance/top-ups.csv             | NOT_READ | not read: balances are read from <channel_id>.json snapshots and movements.csv
			2025-09/voice/ch_001.json               | NOT_READ | not read: 2025-09/voice/ is not a folder the close reads (usage, calls, webhooks, balance, invoice)
			2025-09/readme.md                       | NOT_READ | not read: not in a folder the close reads (2025-09/usage/, calls/, webhooks/, balance/ or invoice/)
			2025-08/webhooks/late.ndjson            | READ     | WEBHOOKS
			2025-10/webhooks/late.ndjson.gz         | READ     | WEBHOOKS
			""")
	void eachFileIsReadByTheStepOfItsKindOrListedWithTheReason(String file, String decision, String kindOrReason)
			throws Exception {
		write(file, "content of " + file);

		InboxFile listed = only(InboxInventory.take(inbox, MONTH));

		assertThat(listed.sourceName()).isEqualTo(file);
		assertThat(listed.decision()).hasToString(decision);
		assertThat(decision.equals("READ") ? listed.kind().name() : listed.reason()).isEqualTo(kindOrReason);
	}

	@Test
	void filesOfOtherMonthsAreNotTheClosesInputs() throws Exception {
		write("fx/2025-08.csv", "a");
		write("2025-08/usage/ch_001.json", "b");
		write("2025-10/invoice/meta.csv", "c");
		write("2025-10/webhooks/notes.txt", "d");

		assertThat(InboxInventory.take(inbox, MONTH)).isEmpty();
	}

	@Test
	void aCopyIsRefusedWholeAndOnlyFilesOfOneKindAndSizeAreDigested() throws Exception {
		write("2025-09/usage/a.json", "{\"same\": 1}");
		write("2025-09/usage/b.json", "{\"same\": 1}");
		write("2025-09/usage/c.json", "{\"diff\": 1}"); // same size, other content
		write("2025-09/usage/d.json", "{\"other size\": 1}");
		write("2025-09/webhooks/e.ndjson", "{\"same\": 1}"); // another kind
		Files.createSymbolicLink(inbox.resolve("2025-09/usage/f.json"), inbox.resolve("2025-09/usage/c.json"));

		Map<String, InboxFile> files = new TreeMap<>();
		InboxInventory.take(inbox, MONTH).forEach(file -> files.put(file.sourceName(), file));

		assertThat(files.get("2025-09/usage/a.json").decision()).isEqualTo(InboxFile.Decision.READ);
		assertThat(files.get("2025-09/usage/b.json").decision()).isEqualTo(InboxFile.Decision.REFUSED);
		assertThat(files.get("2025-09/usage/b.json").reason()).startsWith("a copy of 2025-09/usage/a.json (the same content, SHA-256 ");
		assertThat(files.get("2025-09/usage/c.json").decision()).isEqualTo(InboxFile.Decision.READ);
		assertThat(files.get("2025-09/usage/f.json").reason()).startsWith("a copy of 2025-09/usage/c.json");
		assertThat(files.get("2025-09/usage/d.json").sha256()).as("a size of its own: not digested").isNull();
		assertThat(files.get("2025-09/webhooks/e.ndjson").decision()).isEqualTo(InboxFile.Decision.READ);
	}

	@Test
	void aFolderThatIsALinkIsReadThroughAndALoopIsListed() throws Exception {
		Path elsewhere = inbox.resolveSibling(inbox.getFileName() + "-volume");
		Files.createDirectories(elsewhere);
		Files.writeString(elsewhere.resolve("ch_001.json"), "{}");
		Files.createDirectories(inbox.resolve("2025-09"));
		Files.createSymbolicLink(inbox.resolve("2025-09/usage"), elsewhere);
		Files.createSymbolicLink(elsewhere.resolve("again"), elsewhere);

		Map<String, InboxFile> files = new TreeMap<>();
		InboxInventory.take(inbox, MONTH).forEach(file -> files.put(file.sourceName(), file));

		assertThat(files.get("2025-09/usage/ch_001.json").kind()).isEqualTo(InboxKind.USAGE_EXPORT);
		assertThat(files.get("2025-09/usage/again").reason())
			.isEqualTo("not read: a link to a folder that holds it (a loop)");
	}

	private void write(String file, String content) throws Exception {
		Path path = inbox.resolve(file);
		Files.createDirectories(path.getParent());
		Files.writeString(path, content);
	}

	private static InboxFile only(List<InboxFile> files) {
		assertThat(files).hasSize(1);
		return files.get(0);
	}

}
