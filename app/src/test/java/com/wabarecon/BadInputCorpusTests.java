package com.wabarecon;

import static com.wabarecon.invoice.InvoiceFiles.HEADER;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.stream.Stream;

import com.wabarecon.invoice.InvoiceFiles;
import com.wabarecon.support.accounting.FileCounts;
import com.wabarecon.support.accounting.InputFileRepository;

import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.test.JobOperatorTestUtils;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The bad-input corpus (issue 9): each case writes a month's inbox holding the bad input and
 * valid rows beside it, runs the real close until the import, and checks its expected outcome:
 * the close completes (unless failing is the documented behaviour), each bad row or file is
 * rejected naming file and position with a clear reason, the valid rows beside it load, and
 * every input file's rows balance ({@code read = loaded + rejected + skipped}).
 * <p>
 * Everything is generated per case, so no odd or big file is committed.
 */
@CloseJobTest
class BadInputCorpusTests {

	static final String MONTH = "2025-10";

	/** 2025-10-01T22:00:00Z: 2 October in Europe/Berlin. */
	static final long OCT_2 = 1759356000L;

	/** ch_001 (Europe/Berlin, EUR) and ch_002: phone number ids, WABA. */
	static final String CH_001 = "106540352242922";

	static final String CH_002 = "106540352242923";

	static final String USAGE = MONTH + "/usage/";

	static final String WEBHOOKS = MONTH + "/webhooks/";

	static final String INVOICE = MONTH + "/invoice/";

	static final String BOM = "\uFEFF";

	static final int TEN_MB = 10 * 1024 * 1024;

	@Autowired
	JobOperatorTestUtils jobOperatorTestUtils;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	InputFileRepository inputFiles;

	@TempDir
	Path dir;

	@TempDir
	Path out;

	@ParameterizedTest(name = "{0}")
	@MethodSource("corpus")
	void eachBadInputHasItsExpectedOutcome(Case badInput) throws Exception {
		// given
		TestInbox inbox = TestInbox.withSampleReferenceData(dir);
		badInput.given().write(inbox);

		// when
		JobExecution execution = CloseJobRuns.run(jobOperatorTestUtils, inbox.root(), out, MONTH, Stage.IMPORT, null);

		// then
		assertThat(execution.getStatus()).as(execution.getExitStatus().getExitDescription()).isEqualTo(badInput.status());
		if (badInput.failure() != null) {
			assertThat(execution.getAllFailureExceptions()).as("why the close failed")
				.anySatisfy(failure -> assertThat(String.valueOf(failure.getMessage())).contains(badInput.failure()));
		}
		List<Reject> rejects = rejects();
		assertThat(rejects).as("the month's rejects").hasSameSizeAs(badInput.rejects());
		for (Expected expected : badInput.rejects()) {
			assertThat(rejects).as("a reject of %s at %s saying '%s'", expected.file(), expected.line(), expected.reason())
				.anySatisfy(reject -> {
					assertThat(reject.file()).isEqualTo(expected.file());
					assertThat(reject.line()).isEqualTo(expected.line());
					assertThat(reject.reason()).contains(expected.reason());
				});
		}
		assertThat(rejects).as("every reject names its position in the file")
			.allSatisfy(reject -> assertThat(reject.line() != null || reject.position() != null).isTrue());
		assertThat(rejects).as("raw content is cut").allSatisfy(reject -> assertThat(
				reject.raw() == null ? 0 : reject.raw().length()).isLessThan(2100));
		badInput.loaded().verify(jdbc);
		assertThat(inputFiles.forMonth(MONTH)).as("the month's input files")
			.allSatisfy(file -> assertThat(file.balanced()).as(file.toString()).isTrue());
		badInput.files().verify(inputFiles.forMonth(MONTH));
	}

	static Stream<Case> corpus() {
		return Stream.of(
				// JSON usage exports
				new Case("truncated JSON: the rows before the break load, the rest of the file is rejected",
						inbox -> inbox.write(USAGE + "ch_001.json", """
								{"channel_id": "ch_001", "currency": "EUR", "granularity": "DAILY", "usage": [
								 %s,
								 {"start": %d, "country": "DE", "pricing_ca""".formatted(row(10), OCT_2)),
						BatchStatus.STOPPED,
						List.of(new Expected(USAGE + "ch_001.json", 3L, "JSON syntax error, the rest of the file is not read")),
						jdbc -> assertThat(volume(jdbc, "ch_001")).isEqualTo(10), files -> {
						}),
				new Case("JSON of the wrong shape: the file is refused whole, the other file loads", inbox -> {
					inbox.write(USAGE + "a-array.json", "[" + row(5) + "]");
					inbox.write(USAGE + "b-no-usage.json", "{\"channel_id\": \"ch_001\", \"rows\": [" + row(5) + "]}");
					inbox.write(USAGE + "c-usage-object.json", "{\"channel_id\": \"ch_001\", \"usage\": " + row(5) + "}");
					inbox.write(USAGE + "d-good.json", export("ch_001", row(10)));
				}, BatchStatus.STOPPED,
						List.of(new Expected(USAGE + "a-array.json", null, "expected a JSON object"),
								new Expected(USAGE + "b-no-usage.json", null, "not a usage export"),
								new Expected(USAGE + "c-usage-object.json", null, "not a usage export")),
						jdbc -> assertThat(volume(jdbc, "ch_001")).isEqualTo(10), files -> {
						}),
				new Case("wrong types: each row with a value of the wrong type is rejected, the others load",
						inbox -> inbox.write(USAGE + "ch_001.json", export("ch_001", row(10),
								"{\"start\": %d, \"country\": \"DE\", \"pricing_category\": \"MARKETING\", \"pricing_type\": \"REGULAR\", \"volume\": \"ten\"}"
									.formatted(OCT_2),
								"{\"start\": %d, \"country\": \"DE\", \"pricing_category\": \"MARKETING\", \"pricing_type\": \"REGULAR\", \"volume\": 1, \"cost\": \"a lot\"}"
									.formatted(OCT_2),
								"{\"start\": \"yesterday\", \"country\": \"DE\", \"pricing_category\": \"MARKETING\", \"pricing_type\": \"REGULAR\", \"volume\": 1}",
								"{\"start\": %d, \"country\": \"DE\", \"pricing_category\": {\"name\": \"MARKETING\"}, \"pricing_type\": \"REGULAR\", \"volume\": 1}"
									.formatted(OCT_2),
								"{\"start\": %d, \"country\": \"DE\", \"pricing_category\": \"MARKETING\", \"pricing_type\": \"REGULAR\", \"volume\": 2.5}"
									.formatted(OCT_2),
								row(7))),
						BatchStatus.STOPPED,
						List.of(new Expected(USAGE + "ch_001.json", 3L, "volume 'ten' is not a whole number"),
								new Expected(USAGE + "ch_001.json", 4L, "cost 'a lot' is not a number"),
								new Expected(USAGE + "ch_001.json", 5L, "start"),
								new Expected(USAGE + "ch_001.json", 6L, "pricing_category"),
								new Expected(USAGE + "ch_001.json", 7L, "volume '2.5' is not a whole number")),
						jdbc -> assertThat(volume(jdbc, "ch_001")).isEqualTo(17), files -> {
						}),
				new Case("a UTF-8 byte order mark: read as if absent, in JSON, NDJSON, CSV and the directory", inbox -> {
					inbox.write(USAGE + "ch_001.json", BOM + export("ch_001", row(10)));
					inbox.write(WEBHOOKS + "ch_002.ndjson",
							BOM + status(CH_002, "wamid.BOM1", "delivered") + "\n" + status(CH_002, "wamid.BOM2", "delivered") + "\n");
					inbox.write(INVOICE + "invoice.csv", BOM + HEADER + "\n" + invoiceLine(CH_001, 10) + "\n");
					inbox.write("directory/channels.csv", BOM + channels(channel("ch_bom", "200000000000001", "Europe/Berlin")));
				}, BatchStatus.STOPPED, List.of(), jdbc -> {
					assertThat(volume(jdbc, "ch_001")).isEqualTo(10);
					assertThat(volume(jdbc, "ch_002")).isEqualTo(2);
					assertThat(invoiceLines(jdbc, INVOICE + "invoice.csv")).isEqualTo(1);
					assertThat(channelZone(jdbc, "ch_bom")).isEqualTo("Europe/Berlin");
				}, files -> {
				}),
				new Case("CRLF line ends: read as LF, line numbers kept", inbox -> {
					inbox.write(USAGE + "ch_001.json", export("ch_001", row(10), row(5).replace("\"volume\": 5", "\"volume\": \"five\""))
						.replace("\n", "\r\n"));
					inbox.write(WEBHOOKS + "ch_002.ndjson",
							status(CH_002, "wamid.CRLF1", "delivered") + "\r\n" + status(CH_002, "wamid.CRLF2", "delivered") + "\r\n");
					inbox.write(INVOICE + "invoice.csv", String.join("\r\n", HEADER, invoiceLine(CH_001, 10),
							invoiceLine(CH_002, 20).replace(",20,", ",20x,"), invoiceLine(CH_002, 30)) + "\r\n");
				}, BatchStatus.STOPPED,
						List.of(new Expected(USAGE + "ch_001.json", 3L, "volume 'five' is not a whole number"),
								new Expected(INVOICE + "invoice.csv", 3L, "volume '20x' is not a whole number")),
						jdbc -> {
							assertThat(volume(jdbc, "ch_001")).isEqualTo(10);
							assertThat(volume(jdbc, "ch_002")).isEqualTo(2);
							assertThat(invoiceLines(jdbc, INVOICE + "invoice.csv")).isEqualTo(2);
						}, files -> {
						}),
				new Case("semicolon-delimited CSV: the separator is detected from the header", inbox -> {
					inbox.write(INVOICE + "invoice.csv", String.join("\n", HEADER.replace(',', ';'),
							invoiceLine(CH_001, 10).replace(',', ';'), invoiceLine(CH_002, 20).replace(',', ';'),
							invoiceLine(CH_002, 30).replace(",", ";").replace(";USAGE", ";USAGE;extra")) + "\n");
					inbox.write("directory/channels.csv",
							channels(channel("ch_semi", "200000000000002", "Europe/Berlin")).replace(',', ';'));
				}, BatchStatus.STOPPED,
						List.of(new Expected(INVOICE + "invoice.csv", 4L, "has 17 fields where the header has 16")),
						jdbc -> {
							assertThat(invoiceLines(jdbc, INVOICE + "invoice.csv")).isEqualTo(2);
							assertThat(channelZone(jdbc, "ch_semi")).isEqualTo("Europe/Berlin");
						}, files -> {
						}),
				new Case("quoted newlines: a field over several lines is one record; later lines keep their numbers",
						inbox -> {
							inbox.write("directory/clients.csv", """
									client_id,name,billing_emails,statement_currency,locale
									c_001,Müller Feinkost GmbH,buchhaltung@mueller-feinkost.example,EUR,de-DE
									c_nl,"Newline Trading
									Second Line Ltd",ap@newline.example,EUR,en-GB
									c_bad,Bad Currency Ltd,ap@bad.example,EURO,en-GB
									c_nl2,"Other ""Quoted""
									Name",ap@other.example,GBP,en-GB
									""");
							withoutChannels(inbox);
						},
						BatchStatus.STOPPED,
						List.of(new Expected("directory/clients.csv", 5L, "statement_currency 'EURO'")),
						jdbc -> {
							assertThat(clientName(jdbc, "c_nl")).isEqualTo("Newline Trading\nSecond Line Ltd");
							assertThat(clientName(jdbc, "c_nl2")).isEqualTo("Other \"Quoted\"\nName");
						}, files -> {
						}),
				new Case("an empty file: a JSON or CSV file is refused as empty, an empty NDJSON file has no lines", inbox -> {
					inbox.write(USAGE + "a-empty.json", "");
					inbox.write(USAGE + "b-good.json", export("ch_001", row(10)));
					inbox.write(WEBHOOKS + "empty.ndjson", "");
					inbox.write(INVOICE + "a-empty.csv", "");
					inbox.write(INVOICE + "b-good.csv", HEADER + "\n" + invoiceLine(CH_001, 10) + "\n");
				}, BatchStatus.STOPPED,
						List.of(new Expected(USAGE + "a-empty.json", null, "the file is empty"),
								new Expected(INVOICE + "a-empty.csv", null, "the file is empty")),
						jdbc -> {
							assertThat(volume(jdbc, "ch_001")).isEqualTo(10);
							assertThat(invoiceLines(jdbc, INVOICE + "b-good.csv")).isEqualTo(1);
						}, files -> assertThat(files).filteredOn(file -> file.sourceFile().equals(WEBHOOKS + "empty.ndjson"))
							.allSatisfy(file -> assertThat(file.read()).isZero())),
				new Case("a header-only file: no rows, nothing rejected, the other files load", inbox -> {
					inbox.write(USAGE + "a-no-rows.json", "{\"channel_id\": \"ch_001\", \"usage\": []}");
					inbox.write(USAGE + "b-good.json", export("ch_001", row(10)));
					inbox.write(INVOICE + "a-header-only.csv", HEADER + "\n");
					inbox.write(INVOICE + "b-good.csv", HEADER + "\n" + invoiceLine(CH_001, 10) + "\n");
					inbox.write("directory/channels.csv", channels());
				}, BatchStatus.STOPPED, List.of(), jdbc -> {
					assertThat(volume(jdbc, "ch_001")).isEqualTo(10);
					assertThat(invoiceLines(jdbc, INVOICE + "b-good.csv")).isEqualTo(1);
				}, files -> {
				}),
				new Case("a 10 MB single field: a client name longer than allowed is rejected, its raw content cut",
						inbox -> {
							inbox.write("directory/clients.csv", String.join("\n",
									"client_id,name,billing_emails,statement_currency,locale",
									"c_big,\"" + "N".repeat(TEN_MB) + "\",ap@big.example,EUR,en-GB",
									"c_after_big,After Big Ltd,ap@after.example,EUR,en-GB") + "\n");
							withoutChannels(inbox);
						},
						BatchStatus.STOPPED,
						List.of(new Expected("directory/clients.csv", 2L, "name is longer than 200")), jdbc -> {
							assertThat(jdbc.sql("SELECT raw_content FROM import_reject").query(String.class).single())
								.startsWith("c_big,\"NNN")
								.endsWith("... (" + (TEN_MB + 33 - 2000) + " more characters)");
							assertThat(clientName(jdbc, "c_after_big")).isEqualTo("After Big Ltd");
							assertThat(clientName(jdbc, "c_big")).isNull();
						}, files -> {
						}),
				new Case("a 10 MB single field: a 10 MB JSON value is rejected with its row, the others load",
						inbox -> inbox.write(USAGE + "ch_001.json", export("ch_001", row(10),
								row(3).replace("\"MARKETING\"", "\"" + "M".repeat(TEN_MB) + "\""), row(4))),
						BatchStatus.STOPPED,
						List.of(new Expected(USAGE + "ch_001.json", 3L, "is not a known category")), jdbc -> {
							assertThat(volume(jdbc, "ch_001")).isEqualTo(14);
							assertThat(jdbc.sql("SELECT reason FROM import_reject").query(String.class).single())
								.startsWith("pricing_category 'MMM")
								.contains("characters cut")
								.endsWith("MMM' is not a known category")
								.hasSizeLessThanOrEqualTo(2000);
						}, files -> {
						}),
				new Case("non-UTF-8 bytes: the CSV row, the NDJSON line or the rest of the JSON file is rejected", inbox -> {
					write(inbox, INVOICE + "invoice.csv", HEADER + "\n" + invoiceLine(CH_001, 10) + "\n",
							invoiceLine(CH_002, 20).replace("4930123456", "M\u00fcnchen"), "\n" + invoiceLine(CH_002, 30) + "\n");
					write(inbox, WEBHOOKS + "ch_002.ndjson", status(CH_002, "wamid.L1", "delivered") + "\n",
							status(CH_002, "wamid.L2", "delivered").replace("\"delivered\"", "\"d\u00e9livr\u00e9\""),
							"\n" + status(CH_002, "wamid.L3", "delivered") + "\n");
					write(inbox, USAGE + "ch_001.json", "{\"channel_id\": \"ch_001\", \"usage\": [\n " + row(10) + ",\n ",
							row(5).replace("\"DE\"", "\"D\u00c9\""), "\n]}");
				}, BatchStatus.STOPPED,
						List.of(new Expected(INVOICE + "invoice.csv", 3L, "not valid UTF-8"),
								new Expected(WEBHOOKS + "ch_002.ndjson", 2L, "not valid UTF-8"),
								new Expected(USAGE + "ch_001.json", 3L, "Invalid UTF-8")),
						jdbc -> {
							assertThat(invoiceLines(jdbc, INVOICE + "invoice.csv")).isEqualTo(2);
							assertThat(volume(jdbc, "ch_002")).isEqualTo(2);
							assertThat(volume(jdbc, "ch_001")).isEqualTo(10);
						}, files -> {
						}),
				new Case("the same invoice file twice: the copy is refused whole, the invoice counts once", inbox -> {
					String invoice = HEADER + "\n" + invoiceLine(CH_001, 10) + "\n" + invoiceLine(CH_002, 20) + "\n";
					inbox.write(INVOICE + "a.csv", invoice);
					inbox.write(INVOICE + "b-copy.csv", invoice);
				}, BatchStatus.STOPPED,
						List.of(new Expected(INVOICE + "b-copy.csv", null, "a copy of " + INVOICE + "a.csv (the same "
								+ "content, SHA-256 ")),
						jdbc -> assertThat(invoiceLines(jdbc, INVOICE + "a.csv") + invoiceLines(jdbc, INVOICE + "b-copy.csv")).isEqualTo(2), files -> assertThat(files)
							.filteredOn(file -> file.sourceFile().equals(INVOICE + "b-copy.csv"))
							.singleElement()
							.satisfies(file -> assertThat(file.read()).isZero())),
				new Case("the same usage export copied under a second name: refused whole as a copy", inbox -> {
					String export = """
							{"channel_id": "ch_001", "currency": "EUR", "granularity": "DAILY", "usage": [%s]}
							""".formatted(row(10));
					inbox.write(USAGE + "ch_001.json", export);
					inbox.write(USAGE + "ch_001_copy.JSON", export);
				}, BatchStatus.STOPPED,
						List.of(new Expected(USAGE + "ch_001_copy.JSON", null, "a copy of " + USAGE + "ch_001.json")),
						jdbc -> assertThat(volume(jdbc, "ch_001")).isEqualTo(10), files -> {
						}),
				new Case("exports named .JSON or .json.gz: read like .json", inbox -> {
					inbox.write(USAGE + "ch_001.JSON", export("ch_001", row(10)));
					inbox.write(USAGE + "ch_002.json.gz", export("ch_002", row(20)));
				}, BatchStatus.STOPPED, List.of(), jdbc -> {
					assertThat(volume(jdbc, "ch_001")).isEqualTo(10);
					assertThat(volume(jdbc, "ch_002")).isEqualTo(20);
				}, files -> assertThat(files).extracting(FileCounts::sourceFile)
					.contains(USAGE + "ch_001.JSON", USAGE + "ch_002.json.gz")),
				new Case("a symbolic link to an export: refused whole as a copy of it", inbox -> {
					java.nio.file.Path target = inbox.write(USAGE + "ch_001.json", export("ch_001", row(10)));
					Files.createSymbolicLink(target.resolveSibling("ch_001_link.json"), target);
				}, BatchStatus.STOPPED,
						List.of(new Expected(USAGE + "ch_001_link.json", null, "a copy of " + USAGE + "ch_001.json")),
						jdbc -> assertThat(volume(jdbc, "ch_001")).isEqualTo(10), files -> {
						}),
				new Case("files the close does not read: listed as not read with the reason", inbox -> {
					inbox.write(USAGE + "ch_001.json", """
							{"channel_id": "ch_001", "currency": "EUR", "granularity": "DAILY", "usage": [%s]}
							""".formatted(row(10)));
					inbox.write(USAGE + "notes.txt", "usage of October");
					inbox.write(USAGE + "old/ch_001.json", "{}");
					inbox.write(WEBHOOKS + "statuses.json", "{}");
					inbox.write(INVOICE + "meta-invoice.xls", "not really a workbook");
					inbox.write(MONTH + "/readme.md", "hello");
				}, BatchStatus.STOPPED,
						List.of(new Expected(USAGE + "notes.txt", null, "not read: usage exports are read from .json and .json.gz files"),
								new Expected(USAGE + "old/ch_001.json", null, "not read: in a folder below " + USAGE.substring(0, USAGE.length() - 1) + "/"),
								new Expected(WEBHOOKS + "statuses.json", null, "not read: webhooks are read from .ndjson and .ndjson.gz files, one stored webhook body per line"),
								new Expected(INVOICE + "meta-invoice.xls", null, "not read: an Excel 97-2003 workbook (.xls) is not read: save it as .xlsx or .csv"),
								new Expected(MONTH + "/readme.md", null, "not read: not in a folder the close reads")),
						jdbc -> assertThat(volume(jdbc, "ch_001")).isEqualTo(10), files -> assertThat(files)
							.extracting(FileCounts::sourceFile)
							.contains(USAGE + "notes.txt", USAGE + "old/ch_001.json", WEBHOOKS + "statuses.json",
									INVOICE + "meta-invoice.xls", MONTH + "/readme.md")),
				new Case("two identical lines in one invoice file: both kept, listed as a warning on the file", inbox -> {
					String tax = "INV-10,2025-11-03,2025-10-01,2025-10-31,102290129340398,,,,,,,,,34.00,EUR,TAX";
					inbox.write(INVOICE + "invoice.csv", String.join("\n", HEADER, invoiceLine(CH_001, 10), tax, tax) + "\n");
				}, BatchStatus.STOPPED, List.of(),
						jdbc -> assertThat(invoiceLines(jdbc, INVOICE + "invoice.csv")).isEqualTo(3),
						files -> assertThat(files).filteredOn(file -> file.sourceFile().equals(INVOICE + "invoice.csv"))
							.extracting(FileCounts::loaded, FileCounts::note)
							.containsExactly(org.assertj.core.api.Assertions.tuple(3L,
									"2 identical lines kept: lines 3 and 4 (TAX 34.00 EUR, WABA 102290129340398)"))),
				new Case("an invoice of another month: refused whole, the month's invoice loads", inbox -> {
					inbox.write(INVOICE + "a-september.csv", HEADER + "\n"
							+ InvoiceFiles.usage("2025-09", "INV-9", CH_001, "MARKETING", 10, "1.37", "EUR") + "\n");
					inbox.write(INVOICE + "b-good.csv", HEADER + "\n" + invoiceLine(CH_001, 10) + "\n");
				}, BatchStatus.STOPPED,
						List.of(new Expected(INVOICE + "a-september.csv", 2L,
								"invoice period 2025-09-01..2025-09-30 is not the month being closed (2025-10)")),
						jdbc -> {
							assertThat(invoiceLines(jdbc, INVOICE + "b-good.csv")).isEqualTo(1);
							assertThat(invoiceLines(jdbc, INVOICE + "a-september.csv")).isZero();
						}, files -> {
						}),
				new Case("an XLSX that is corrupt, password-protected or a zip bomb: refused whole, the others load", inbox -> {
					Path root = inbox.root();
					Files.writeString(InvoiceFiles.invoiceFile(root, MONTH, "a-corrupt.xlsx"), "PK\u0003\u0004 not really a zip");
					InvoiceFiles.passwordProtectedXlsx(root, MONTH, "b-password.xlsx");
					InvoiceFiles.zipBombXlsx(root, MONTH, "c-zip-bomb.xlsx");
					InvoiceFiles.xlsx(root, MONTH, "d-good.xlsx", List.of(invoiceLine(CH_001, 10)));
				}, BatchStatus.STOPPED,
						List.of(new Expected(INVOICE + "a-corrupt.xlsx", null, "a-corrupt.xlsx: cannot be opened as an XLSX workbook"),
								new Expected(INVOICE + "b-password.xlsx", null, "is a password-protected (encrypted) workbook"),
								new Expected(INVOICE + "c-zip-bomb.xlsx", null, "Zip bomb detected")),
						jdbc -> assertThat(invoiceLines(jdbc, INVOICE + "d-good.xlsx")).isEqualTo(1), files -> {
						}),
				new Case("webhooks with unknown fields or statuses: unknown fields are ignored, unknown statuses skipped",
						inbox -> inbox.write(WEBHOOKS + "ch_002.ndjson", String.join("\n",
								status(CH_002, "wamid.U1", "delivered").replace("\"status\":", "\"biz_opaque_callback_data\":\"x\",\"status\":"),
								status(CH_002, "wamid.U2", "delivered").replace("{\"object\":", "{\"new_top_level\":{\"a\":[1]},\"object\":"),
								status(CH_002, "wamid.U3", "deleted"), status(CH_002, "wamid.U4", "warning"),
								status(CH_002, "wamid.U5", "delivered").replace("\"type\":\"regular\"", "\"type\":\"premium\""))
								+ "\n"),
						BatchStatus.STOPPED,
						List.of(new Expected(WEBHOOKS + "ch_002.ndjson", 5L, "pricing.type 'premium' is not a known pricing type")),
						jdbc -> assertThat(volume(jdbc, "ch_002")).isEqualTo(2),
						files -> assertThat(files).filteredOn(file -> file.sourceFile().equals(WEBHOOKS + "ch_002.ndjson"))
							.extracting(FileCounts::read, FileCounts::loaded, FileCounts::rejected, FileCounts::skipped)
							.containsExactly(org.assertj.core.api.Assertions.tuple(5L, 2L, 1L, 2L))),
				new Case("channels breaking the directory's relations: each is rejected naming the row it contradicts",
						inbox -> inbox.write("directory/channels.csv", channels(
								"ch_rel_ok,c_001,300000000000101,200000000000101,49300000101,Europe/Berlin,EUR,PARTNER",
								"ch_rel_client,c_002,300000000000101,200000000000102,,Europe/Berlin,EUR,PARTNER",
								"ch_rel_currency,c_001,300000000000101,200000000000103,,Europe/Berlin,USD,PARTNER",
								"ch_rel_zone,c_001,300000000000101,200000000000104,,Europe/Vienna,EUR,PARTNER",
								"ch_rel_phone,c_001,300000000000102,200000000000101,,Europe/Berlin,EUR,PARTNER",
								"ch_rel_display,c_001,300000000000102,200000000000105,+49 300 000 101,Europe/Berlin,EUR,PARTNER")),
						BatchStatus.STOPPED,
						List.of(new Expected("directory/channels.csv", 15L, "WABA 300000000000101 belongs to client "
								+ "c_001 (directory/channels.csv line 14); this row gives it to c_002"),
								new Expected("directory/channels.csv", 16L, "WABA 300000000000101 is invoiced in EUR "
										+ "(directory/channels.csv line 14); this row gives USD"),
								new Expected("directory/channels.csv", 17L, "WABA 300000000000101 is in time zone "
										+ "Europe/Berlin (directory/channels.csv line 14); this row gives Europe/Vienna"),
								new Expected("directory/channels.csv", 18L, "phone_number_id 200000000000101 belongs to "
										+ "channel ch_rel_ok (directory/channels.csv line 14); this row gives it to ch_rel_phone"),
								new Expected("directory/channels.csv", 19L, "display_phone_number 49300000101 belongs to "
										+ "channel ch_rel_ok (directory/channels.csv line 14); this row gives it to ch_rel_display")),
						jdbc -> {
							assertThat(channelZone(jdbc, "ch_rel_ok")).isEqualTo("Europe/Berlin");
							for (String rejected : List.of("ch_rel_client", "ch_rel_currency", "ch_rel_zone", "ch_rel_phone",
									"ch_rel_display")) {
								assertThat(channelZone(jdbc, rejected)).as(rejected).isNull();
							}
						}, files -> {
						}),
				new Case("a channel with an invalid time zone: that channel is rejected, the others load",
						inbox -> inbox.write("directory/channels.csv",
								channels(channel("ch_tz_ok", "200000000000003", "America/Sao_Paulo"),
										channel("ch_tz_bad", "200000000000004", "Europe/Atlantis"),
										channel("ch_tz_utc", "200000000000005", "+05:30"))),
						BatchStatus.STOPPED,
						List.of(new Expected("directory/channels.csv", 15L, "waba_timezone 'Europe/Atlantis'"),
								new Expected("directory/channels.csv", 16L, "waba_timezone '+05:30'")),
						jdbc -> {
							assertThat(channelZone(jdbc, "ch_tz_ok")).isEqualTo("America/Sao_Paulo");
							assertThat(channelZone(jdbc, "ch_tz_bad")).isNull();
							assertThat(channelZone(jdbc, "ch_001")).isEqualTo("Europe/Berlin");
						}, files -> {
						}),
				new Case("a directory file without a required column: the close fails (documented)",
						inbox -> inbox.write("directory/channels.csv",
								"channel_id,client_id,waba_id,phone_number_id,display_phone_number,waba_currency\n"
										+ "ch_x,c_001,1,2,3,EUR\n"),
						BatchStatus.FAILED, List.of(), jdbc -> assertThat(channelZone(jdbc, "ch_x")).isNull(), files -> {
						}, "directory/channels.csv line 1: missing required column(s) waba_timezone"));
	}

	// --- the cases' inputs

	/** A valid charged marketing row of 2 October (Berlin) for the usage export. */
	static String row(int volume) {
		return "{\"start\": %d, \"end\": %d, \"country\": \"DE\", \"pricing_category\": \"MARKETING\", \"pricing_type\": \"REGULAR\", \"tier\": \"0:MAX\", \"volume\": %d, \"cost\": %s}"
			.formatted(OCT_2, OCT_2 + 86400, volume, new java.math.BigDecimal("0.1365").multiply(java.math.BigDecimal.valueOf(volume)));
	}

	/** A usage export of the channel, one row a line (the header is line 1, the first row line 2). */
	static String export(String channel, String... rows) {
		return "{\"channel_id\": \"" + channel + "\", \"currency\": \"EUR\", \"granularity\": \"DAILY\", \"usage\": [\n "
				+ String.join(",\n ", rows) + "\n]}\n";
	}

	/** A usage line of the month's invoice for the phone number. */
	static String invoiceLine(String phone, long volume) {
		return InvoiceFiles.usage(MONTH, "INV-10", phone, "MARKETING", volume,
				new java.math.BigDecimal("0.1365").multiply(java.math.BigDecimal.valueOf(volume)).toPlainString(), "EUR");
	}

	/** A stored status webhook of the phone number to a German number, delivered on 10 October. */
	static String status(String phoneNumberId, String wamid, String status) {
		long epoch = Instant.parse("2025-10-10T08:00:00Z").getEpochSecond();
		return "{\"object\":\"whatsapp_business_account\",\"entry\":[{\"id\":\"102290129340398\",\"changes\":[{"
				+ "\"field\":\"messages\",\"value\":{\"metadata\":{\"display_phone_number\":\"4940987654\","
				+ "\"phone_number_id\":\"" + phoneNumberId + "\"},\"statuses\":[{\"id\":\"" + wamid + "\",\"status\":\""
				+ status + "\",\"timestamp\":\"" + epoch + "\",\"recipient_id\":\"4915112345678\","
				+ "\"pricing\":{\"billable\":true,\"pricing_model\":\"PMP\",\"type\":\"regular\",\"category\":\"marketing\"}}]}}]}]}";
	}

	/** The sample's channels.csv with these rows added after it. */
	static String channels(String... rows) throws java.io.IOException {
		String sample = Files.readString(TestInbox.SAMPLE.resolve("directory/channels.csv"));
		return sample + (sample.endsWith("\n") ? "" : "\n") + String.join("\n", rows) + (rows.length > 0 ? "\n" : "");
	}

	/**
	 * The sample's channels.csv and auto-renewal.csv without their rows: the inbox of a case whose
	 * clients.csv has not the sample's clients, whose channels would be rejected for naming them.
	 */
	static void withoutChannels(TestInbox inbox) throws java.io.IOException {
		for (String file : List.of("directory/channels.csv", "directory/auto-renewal.csv")) {
			inbox.write(file, Files.readAllLines(TestInbox.SAMPLE.resolve(file)).get(0) + "\n");
		}
	}

	/**
	 * A channel of c_001 on a WABA of its own, with a display number of its own (both from the
	 * phone number id): the directory is cumulative, so the cases' channels stay side by side.
	 */
	static String channel(String id, String phoneNumberId, String zone) {
		return String.join(",", id, "c_001", "3" + phoneNumberId.substring(1), phoneNumberId,
				"49" + phoneNumberId.substring(phoneNumberId.length() - 9), zone, "EUR", "PARTNER");
	}

	/** Writes text around bytes that are not UTF-8: {@code bad} in ISO-8859-1. */
	static void write(TestInbox inbox, String relative, String before, String bad, String after) throws java.io.IOException {
		ByteArrayOutputStream bytes = new ByteArrayOutputStream();
		bytes.writeBytes(before.getBytes(StandardCharsets.UTF_8));
		bytes.writeBytes(bad.getBytes(StandardCharsets.ISO_8859_1));
		bytes.writeBytes(after.getBytes(StandardCharsets.UTF_8));
		Path file = inbox.root().resolve(relative);
		Files.createDirectories(file.getParent());
		Files.write(file, bytes.toByteArray());
	}

	// --- what the cases check

	/** The charged marketing volume of the channel in the month's estimates that count. */
	static long volume(JdbcClient jdbc, String channel) {
		return jdbc.sql("""
				SELECT COALESCE(SUM(volume), 0) FROM usage_estimate WHERE billing_month = ? AND channel_id = ?
				AND pricing_category = 'MARKETING' AND pricing_type = 'REGULAR' AND counts_as_estimate""")
			.params(MONTH, channel)
			.query(Long.class)
			.single();
	}

	static long invoiceLines(JdbcClient jdbc, String sourceFile) {
		return jdbc.sql("SELECT COUNT(*) FROM invoice_line WHERE billing_month = ? AND source_file = ?")
			.params(MONTH, sourceFile)
			.query(Long.class)
			.single();
	}

	static String channelZone(JdbcClient jdbc, String channel) {
		return jdbc.sql("SELECT waba_timezone FROM channel WHERE channel_id = ?").param(channel).query(String.class)
			.optional()
			.orElse(null);
	}

	static String clientName(JdbcClient jdbc, String client) {
		return jdbc.sql("SELECT name FROM client WHERE client_id = ?").param(client).query(String.class)
			.optional()
			.orElse(null);
	}

	private List<Reject> rejects() {
		return jdbc.sql("SELECT source_file, line, position, raw_content, reason FROM import_reject WHERE billing_month = ?")
			.param(MONTH)
			.query((rs, n) -> new Reject(rs.getString(1), (Long) rs.getObject(2, Long.class), rs.getString(3),
					rs.getString(4), rs.getString(5)))
			.list();
	}

	// --- the corpus' types

	@FunctionalInterface
	interface Inputs {

		void write(TestInbox inbox) throws Exception;

	}

	@FunctionalInterface
	interface Check<T> {

		void verify(T value);

	}

	/** A reject the case expects: its file, line ({@code null} for a whole file) and part of its reason. */
	record Expected(String file, Long line, String reason) {
	}

	record Reject(String file, Long line, String position, String raw, String reason) {
	}

	/**
	 * One bad input and its expected outcome.
	 * @param files more checks on the month's input files (their balance is always checked)
	 */
	record Case(String name, Inputs given, BatchStatus status, List<Expected> rejects, Check<JdbcClient> loaded,
			Check<List<FileCounts>> files, String failure) {

		Case(String name, Inputs given, BatchStatus status, List<Expected> rejects, Check<JdbcClient> loaded,
				Check<List<FileCounts>> files) {
			this(name, given, status, rejects, loaded, files, null);
		}

		@Override
		public String toString() {
			return name;
		}

	}

}
