package com.wabarecon;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import com.opencsv.CSVReader;
import com.wabarecon.support.MonthFolders;
import com.wabarecon.support.accounting.FileCounts;
import com.wabarecon.support.accounting.InputFileRepository;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.job.parameters.JobParameters;
import org.springframework.batch.core.job.parameters.JobParametersBuilder;
import org.springframework.batch.core.step.StepExecution;
import org.springframework.batch.test.JobOperatorTestUtils;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The close job on the embedded database (H2 in PostgreSQL mode), against real files.
 */
@CloseJobTest
class MonthlyCloseJobFunctionalTests {

	static final Path SAMPLE_INBOX = Path.of("sample-invoices");

	static final Path BAD_DIRECTORY = Path.of("app/src/test/resources/inboxes/bad-directory");

	@Autowired
	JobOperatorTestUtils jobOperatorTestUtils;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	InputFileRepository inputFiles;

	@TempDir
	Path out;

	@TempDir
	Path inboxDir;

	@Test
	void closesTheSampleMonthAndLoadsItsDirectory() throws Exception {
		// when
		JobExecution execution = jobOperatorTestUtils.startJob(parameters(SAMPLE_INBOX, "2025-09", null));

		// then
		assertThat(execution.getStatus()).isEqualTo(BatchStatus.COMPLETED);
		assertThat(StepExecutions.named(execution, "clientsStep").getWriteCount()).isEqualTo(6);
		assertThat(StepExecutions.named(execution, "channelsStep").getWriteCount()).isEqualTo(12);
		assertThat(count("client")).isEqualTo(6);
		assertThat(count("channel")).isEqualTo(12);
		assertThat(jdbc.sql("SELECT name FROM client WHERE client_id = 'c_005'").query(String.class).single())
			.isEqualTo("Οινοποιία Παπαδόπουλος Α.Ε.");
		assertThat(rejects(out, "2025-09")).extracting(row -> row[0] + " line " + row[1] + ": " + row[4])
			.as("the sample's two deliberate bad rows")
			.containsExactly("2025-09/usage/ch_008-2025-09.json line 71: volume is missing",
					"2025-09/webhooks/misc-2025-09.ndjson line 3: not valid JSON: Unexpected end-of-input: "
							+ "was expecting closing quote for a string value");
	}

	@Test
	void closingTheMonthAgainDuplicatesNothing() throws Exception {
		// given
		jobOperatorTestUtils.startJob(parameters(BAD_DIRECTORY, "2025-09", null));

		// when
		JobExecution again = jobOperatorTestUtils.startJob(parameters(BAD_DIRECTORY, "2025-09", 1L));

		// then
		assertThat(again.getStatus()).as("stopped after the import, as asked").isEqualTo(BatchStatus.STOPPED);
		assertThat(count("client")).isEqualTo(2);
		assertThat(count("channel")).isEqualTo(2);
		assertThat(count("import_reject")).isEqualTo(12);
		assertThat(rejects(out, "2025-09")).hasSize(12);
	}

	@Test
	void badDirectoryRowsAreRejectedWithFileLineAndReasonAndTheGoodRowsLoad() throws Exception {
		// when
		JobExecution execution = jobOperatorTestUtils.startJob(parameters(BAD_DIRECTORY, "2025-10", null));

		// then
		assertThat(execution.getStatus()).as("stopped after the import, as asked").isEqualTo(BatchStatus.STOPPED);
		StepExecution clients = StepExecutions.named(execution, "clientsStep");
		assertThat(clients.getWriteCount()).isEqualTo(2);
		assertThat(clients.getProcessSkipCount()).isEqualTo(5);
		assertThat(clients.getFilterCount()).as("the blank line").isEqualTo(1);
		StepExecution channels = StepExecutions.named(execution, "channelsStep");
		assertThat(channels.getWriteCount()).isEqualTo(2);
		assertThat(channels.getProcessSkipCount() + channels.getReadSkipCount()).isEqualTo(7);
		assertThat(jdbc.sql("SELECT client_id FROM client ORDER BY client_id").query(String.class).list())
			.containsExactly("c_001", "c_004");
		assertThat(jdbc.sql("SELECT display_phone_number FROM channel WHERE channel_id = 'ch_001'")
			.query(String.class)
			.single()).isEqualTo("49301234");

		Map<String, String> reasons = rejects(out, "2025-10").stream()
			.collect(java.util.stream.Collectors.toMap(row -> row[0] + ":" + row[1], row -> row[4]));
		assertThat(reasons).containsEntry("directory/clients.csv:3",
				"duplicate client_id 'c_001' (first seen on line 2)")
			.containsEntry("directory/clients.csv:4", "statement_currency 'EURO' is not an ISO 4217 currency code")
			.containsEntry("directory/clients.csv:5", "billing_emails has an invalid address 'not-an-email'")
			.containsEntry("directory/clients.csv:9", "locale 'xx-YY' is not a language tag (such as de-DE)")
			.containsEntry("directory/channels.csv:3", "unknown client_id 'c_999' (not in clients.csv)")
			.containsEntry("directory/channels.csv:4",
					"waba_timezone 'Mars/Olympus' is not an IANA time zone (such as Europe/Berlin)")
			.containsEntry("directory/channels.csv:5", "waba_currency 'XYZ' is not an ISO 4217 currency code")
			.containsEntry("directory/channels.csv:6", "duplicate channel_id 'ch_001' (first seen on line 2)")
			.containsEntry("directory/channels.csv:7",
					"phone_number_id 201 belongs to channel ch_001 (directory/channels.csv line 2); this row gives it to ch_005")
			.containsEntry("directory/channels.csv:10", "has 3 fields where the header has 7");
		assertThat(inputFiles.forMonth("2025-10")).extracting(FileCounts::sourceFile, FileCounts::read,
				FileCounts::loaded, FileCounts::rejected, FileCounts::skipped)
			.containsExactly(tuple("directory/channels.csv", 9L, 2L, 7L, 0L),
					tuple("directory/clients.csv", 8L, 2L, 5L, 1L));
		assertThat(inputFiles.forMonth("2025-10")).allSatisfy(file -> assertThat(file.sha256()).hasSize(64));
		assertThat(reasons.get("directory/clients.csv:6")).startsWith("client_id '../evil' may hold only");
		assertThat(rejects(out, "2025-10")).filteredOn(row -> row[1].equals("6") && row[0].endsWith("clients.csv"))
			.singleElement()
			.satisfies(row -> assertThat(row[3]).isEqualTo("../evil,Path Client,d@evil.example,USD,en-US"));
	}

	@Test
	void aDirectoryFileWithoutARequiredColumnFailsTheCloseNamingFileAndColumn() throws Exception {
		// when
		JobExecution execution = jobOperatorTestUtils
			.startJob(parameters(Path.of("app/src/test/resources/inboxes/missing-column"), "2025-09", null));

		// then
		assertThat(execution.getStatus()).isEqualTo(BatchStatus.FAILED);
		assertThat(execution.getAllFailureExceptions()).extracting(Throwable::getMessage)
			.anySatisfy(message -> assertThat(message).contains(
					"directory/clients.csv line 1: missing required column(s) locale (the header has: client_id, name, billing_emails, statement_currency)"));
		assertThat(count("client")).isZero();
	}

	@Test
	void aRowContradictingARecordedChannelNoLongerInTheFileIsRejectedNamingWhereItWasRecordedFrom() throws Exception {
		// given: the sample's directory loaded, then a file without ch_003 (line 4 then), with a
		// channel given its display number and one of another client on its WABA; and without
		// ch_010 (line 11 then), whose WABA's other channel, ch_009, is given to another client
		TestInbox inbox = TestInbox.withSampleReferenceData(inboxDir);
		jobOperatorTestUtils.startJob(parameters(inbox.root(), "2025-09", null));
		List<String> rows = new java.util.ArrayList<>(Files.readAllLines(inbox.root().resolve("directory/channels.csv")));
		rows.removeIf(row -> row.startsWith("ch_003,") || row.startsWith("ch_010,"));
		rows.replaceAll(row -> row.replace("ch_009,c_004,", "ch_009,c_005,"));
		rows.add("ch_013,c_006,607788990011224,601112345678902,4989555000,Asia/Nicosia,EUR,PARTNER");
		rows.add("ch_014,c_002,102290129340399,106540352242926,,Europe/Berlin,EUR,PARTNER");
		inbox.write("directory/channels.csv", String.join("\n", rows) + "\n");

		// when
		JobExecution again = jobOperatorTestUtils.startJob(parameters(inbox.root(), "2025-09", 1L));

		// then: ch_003 and ch_010 stay as recorded, and hold their numbers and WABAs
		assertThat(again.getStatus()).as("stopped after the import, as asked").isEqualTo(BatchStatus.STOPPED);
		assertThat(rejects(out, "2025-09")).extracting(row -> row[0] + " line " + row[1] + ": " + row[4])
			.containsExactly("directory/channels.csv line 9: WABA 405566778899001 belongs to client c_004 "
					+ "(channel ch_010 recorded in the database from directory/channels.csv line 11; not in this file); "
					+ "this row gives it to c_005",
					"directory/channels.csv line 12: display_phone_number 4989555000 belongs to channel ch_003 "
					+ "(recorded in the database from directory/channels.csv line 4; not in this file); "
					+ "this row gives it to ch_013",
					"directory/channels.csv line 13: WABA 102290129340399 belongs to client c_001 (channel ch_003 "
							+ "recorded in the database from directory/channels.csv line 4; not in this file); "
							+ "this row gives it to c_002");
		assertThat(jdbc.sql("SELECT client_id || ' ' || display_phone_number FROM channel WHERE channel_id = 'ch_003'")
			.query(String.class)
			.single()).isEqualTo("c_001 4989555000");
		assertThat(jdbc.sql("SELECT channel_id || ' ' || client_id FROM channel WHERE waba_id = '405566778899001' "
				+ "ORDER BY channel_id").query(String.class).list()).containsExactly("ch_009 c_004", "ch_010 c_004");
		assertThat(count("channel")).isEqualTo(12);
	}

	@Test
	void aWabaMovedWholeToAnotherClientIsAnUpdate() throws Exception {
		// given: the sample's directory loaded, then both channels of c_004's WABA given to c_005
		TestInbox inbox = TestInbox.withSampleReferenceData(inboxDir);
		jobOperatorTestUtils.startJob(parameters(inbox.root(), "2025-09", null));
		Path channels = inbox.root().resolve("directory/channels.csv");
		Files.writeString(channels, Files.readString(channels)
			.replace("ch_009,c_004,", "ch_009,c_005,")
			.replace("ch_010,c_004,", "ch_010,c_005,"));

		// when
		JobExecution again = jobOperatorTestUtils.startJob(parameters(inbox.root(), "2025-09", 1L));

		// then
		assertThat(again.getStatus()).as("stopped after the import, as asked").isEqualTo(BatchStatus.STOPPED);
		assertThat(rejects(out, "2025-09")).isEmpty();
		assertThat(jdbc.sql("SELECT channel_id || ' ' || client_id FROM channel WHERE waba_id = '405566778899001' "
				+ "ORDER BY channel_id").query(String.class).list()).containsExactly("ch_009 c_005", "ch_010 c_005");
		assertThat(jdbc.sql("SELECT client_id FROM waba WHERE waba_id = '405566778899001'").query(String.class).single())
			.isEqualTo("c_005");
	}

	/**
	 * The whole close of the sample inbox; a directory test's inbox has no month's files, so its
	 * close stops after the import, before the guard that would refuse it (GuardedCloseTests).
	 */
	private JobParameters parameters(Path inbox, String month, Long rerun) {
		Stage until = inbox.equals(SAMPLE_INBOX) ? Stage.DELIVERY : Stage.IMPORT;
		JobParametersBuilder builder = new JobParametersBuilder().addString(CloseJobParameters.MONTH, month)
			.addString(CloseJobParameters.INBOX, inbox.toAbsolutePath().toString(), false)
			.addString(CloseJobParameters.OUT, out.toString(), false)
			.addString(CloseJobParameters.UNTIL, until.id(), false);
		if (rerun != null) {
			builder.addLong(CloseJobParameters.RERUN, rerun);
		}
		return builder.toJobParameters();
	}

	private long count(String table) {
		return jdbc.sql("SELECT COUNT(*) FROM " + table).query(Long.class).single();
	}

	static List<String[]> rejects(Path out, String month) throws Exception {
		try (CSVReader reader = new CSVReader(
				Files.newBufferedReader(MonthFolders.rejectsFile(out, month), StandardCharsets.UTF_8))) {
			List<String[]> rows = reader.readAll();
			return rows.subList(1, rows.size());
		}
	}

}
