package com.wabarecon.usage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import com.wabarecon.support.reject.InputFileException;
import com.wabarecon.support.reject.RejectedRowException;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.batch.infrastructure.item.ExecutionContext;

class JsonRowsReaderTests {

	@TempDir
	Path dir;

	@Test
	void readsRowsWithTheirPositionAndTopLevelFieldsThatComeAfterThem() throws IOException {
		Path file = write("""
				{"usage": [
				  {"start": 1, "volume": 2, "cost": 16.380},
				  {"start": 3, "volume": 4, "nested": {"usage": [{"not": "a row"}]}}
				 ],
				 "channel_id": "ch_001", "currency": "EUR", "extra": {"ignored": true}}
				""");

		List<Object> rows = readAll(file);

		assertThat(rows).hasSize(2);
		JsonRow first = (JsonRow) rows.get(0);
		assertThat(first.document()).containsEntry("channel_id", "ch_001").containsEntry("currency", "EUR");
		assertThat(first.source().line()).isEqualTo(2);
		assertThat(first.source().position()).isEqualTo("column 3, usage[0]");
		assertThat(JsonFields.decimal(first.row(), "cost")).isEqualByComparingTo("16.38");
		assertThat(JsonFields.decimal(first.row(), "cost").toPlainString()).isEqualTo("16.380");
		assertThat(((JsonRow) rows.get(1)).source().position()).isEqualTo("column 3, usage[1]");
	}

	@Test
	void readsMetasPricingAnalyticsEnvelope() throws IOException {
		Path file = write("""
				{"pricing_analytics": {"data": [
				  {"data_points": [{"start": 1, "phone_number": "4930123456", "volume": 5}]},
				  {"data_points": [{"start": 2, "phone_number": "4930123456", "volume": 6}]}]}}
				""");

		List<Object> rows = readAll(file);

		assertThat(rows).hasSize(2).allSatisfy(row -> assertThat(((JsonRow) row).envelope()).isTrue());
		assertThat(((JsonRow) rows.get(1)).source().position()).endsWith("data_points[1]");
	}

	@Test
	void aTruncatedFileKeepsTheRowsBeforeTheErrorAndNamesLineAndColumn() throws IOException {
		Path file = write("{\"channel_id\": \"ch_001\", \"usage\": [\n {\"start\": 1, \"volume\": 2},\n {\"start\": 3, \"vol");

		List<Object> rows = readAll(file);

		assertThat(rows).hasSize(2);
		assertThat(rows.get(0)).isInstanceOf(JsonRow.class);
		RejectedRowException error = (RejectedRowException) rows.get(1);
		assertThat(error.source().line()).isEqualTo(3);
		assertThat(error.source().position()).startsWith("column ");
		assertThat(error.reason()).startsWith("JSON syntax error, the rest of the file is not read: Unexpected end-of-input");
	}

	@Test
	void aDocumentOfTheWrongShapeIsRefusedClearly() throws IOException {
		assertThatThrownBy(() -> readAll(write("[1, 2, 3]"))).isInstanceOf(InputFileException.class)
			.hasMessage("usage/test.json line 1: expected a JSON object, found [");
		assertThatThrownBy(() -> readAll(write(""))).isInstanceOf(InputFileException.class)
			.hasMessage("usage/test.json: the file is empty");
		List<Object> noRows = readAll(write("{\"channel_id\": \"ch_001\", \"rows\": []}"));
		assertThat(((RejectedRowException) noRows.get(0)).reason())
			.isEqualTo("no 'usage' array and no 'pricing_analytics' envelope: not a usage export");
	}

	@Test
	void aLongDocumentReadInTwoPassesGivesWhatOnePassGives() throws IOException {
		List<String> documents = List.of("""
				{"usage": [{"start": 1, "volume": 2}, {"start": 3, "volume": 4}, {"start": 5, "volume": 6}],
				 "channel_id": "ch_001", "currency": "EUR", "extra": {"channel_id": "not this"}, "tags": ["x"]}""",
				"""
				{"currency": "EUR", "usage": [{"start": 1, "volume": 2}, {"start": 3}],
				 "pricing_analytics": {"data": [{"data_points": [{"start": 7, "phone_number": "4930123456"}]}]}}""",
				"{\"channel_id\": \"ch_001\", \"usage\": [\n {\"start\": 1}, {\"start\": 2},\n {\"start\": 3, \"vol",
				"{\"channel_id\": \"ch_001\", \"rows\": [{\"start\": 1}]}", "{\"usage\": [{\"start\": 1}], \"channel_id\": null}");
		for (String json : documents) {
			Path file = write(json);

			List<String> onePass = describe(readAll(file, JsonRowsReader.LOOK_AHEAD_ROWS));
			List<String> twoPasses = describe(readAll(file, 1));

			assertThat(twoPasses).as(json).isEqualTo(onePass).isNotEmpty();
		}
		assertThat(describe(readAll(write(documents.get(1)), JsonRowsReader.LOOK_AHEAD_ROWS)))
			.allMatch(row -> row.contains("envelope true") && row.contains("currency=EUR"));
	}

	@Test
	void aRowThatGivesANameTwiceIsRejectedNamingItAndTheNextRowsLoad() throws IOException {
		Path file = write("""
				{"channel_id": "ch_001", "usage": [
				 {"start": 1, "volume": 2},
				 {"start": 3, "volume": 4, "volume": 40},
				 {"start": 5, "volume": 6}
				]}""");

		for (int lookAhead : new int[] { JsonRowsReader.LOOK_AHEAD_ROWS, 1 }) {
			assertThat(describe(readAll(file, lookAhead))).as("look-ahead %d", lookAhead)
				.hasSize(3)
				.element(1)
				.isEqualTo("3 column 2, usage[1] the row gives 'volume' more than once: which value holds cannot be known");
		}
	}

	@Test
	void aTopLevelNameGivenTwiceRejectsEveryRowOfTheDocument() throws IOException {
		Path file = write("""
				{"channel_id": "ch_001", "usage": [
				 {"start": 1, "volume": 2},
				 {"start": 3, "volume": 4}
				], "channel_id": "ch_002"}""");

		for (int lookAhead : new int[] { JsonRowsReader.LOOK_AHEAD_ROWS, 1 }) {
			assertThat(describe(readAll(file, lookAhead))).as("look-ahead %d", lookAhead).containsExactly(
					"2 column 2, usage[0] the document's top level gives 'channel_id' more than once: which value holds cannot be known",
					"3 column 2, usage[1] the document's top level gives 'channel_id' more than once: which value holds cannot be known");
		}
	}

	@Test
	void aGzipCompressedExportIsReadAsTheExportItHolds() throws IOException {
		String json = """
				{"channel_id": "ch_001", "usage": [
				 {"start": 1, "volume": 2},
				 {"start": 3, "volume": 4}
				]}""";
		List<String> plain = describe(readAll(write(json)));

		for (String name : new String[] { "test.json.gz", "TEST.JSON.GZ" }) {
			Path file = dir.resolve(name);
			Files.write(file, NdjsonLineReaderTests.gzip(json, true));
			for (int lookAhead : new int[] { JsonRowsReader.LOOK_AHEAD_ROWS, 1 }) {
				assertThat(describe(readAll(file, lookAhead))).as("%s, look-ahead %d", name, lookAhead)
					.isEqualTo(plain)
					.hasSize(2);
			}
		}
	}

	@Test
	void aTruncatedGzipExportKeepsTheRowsBeforeTheBreakAndRejectsTheRestAtTheBreak() throws IOException {
		// given: two whole rows and half of the third, and the gzip stream ends there
		Path file = dir.resolve("test.json.gz");
		Files.write(file, NdjsonLineReaderTests.gzip("""
				{"channel_id": "ch_001", "usage": [
				 {"start": 1, "volume": 2},
				 {"start": 3, "volume": 4},
				 {"start": 5, "vol""", false));

		for (int lookAhead : new int[] { JsonRowsReader.LOOK_AHEAD_ROWS, 1 }) {
			// when
			List<Object> read = readAll(file, lookAhead);

			// then
			assertThat(read).as("look-ahead %d", lookAhead).hasSize(3);
			assertThat(((JsonRow) read.get(1)).source().line()).isEqualTo(3);
			RejectedRowException end = (RejectedRowException) read.get(2);
			assertThat(end.source().line()).isEqualTo(4);
			assertThat(end.source().position()).startsWith("column ");
			assertThat(end.reason())
				.isEqualTo("the gzip stream ends early (the file is truncated), the rest of the file is not read");
		}
	}

	/** Each row with its place, its document and its raw text; each rejection with its place and reason. */
	private static List<String> describe(List<Object> read) {
		return read.stream().map(item -> item instanceof JsonRow row
				? row.source().line() + " " + row.source().position() + " " + new java.util.TreeMap<>(row.document())
						+ " envelope " + row.envelope() + " " + row.row()
				: ((RejectedRowException) item).source().line() + " " + ((RejectedRowException) item).source().position()
						+ " " + ((RejectedRowException) item).reason())
			.toList();
	}

	private Path write(String json) throws IOException {
		Path file = dir.resolve("test.json");
		Files.writeString(file, json);
		return file;
	}

	private static List<Object> readAll(Path file) {
		return readAll(file, JsonRowsReader.LOOK_AHEAD_ROWS);
	}

	private static List<Object> readAll(Path file, int lookAheadRows) {
		JsonRowsReader reader = new JsonRowsReader(file, "usage/test.json", lookAheadRows);
		reader.open(new ExecutionContext());
		List<Object> rows = new ArrayList<>();
		try {
			while (true) {
				try {
					JsonRow row = reader.read();
					if (row == null) {
						return rows;
					}
					rows.add(row);
				}
				catch (RejectedRowException ex) {
					rows.add(ex);
				}
			}
		}
		finally {
			reader.close();
		}
	}

}
