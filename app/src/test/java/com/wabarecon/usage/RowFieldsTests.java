package com.wabarecon.usage;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.util.List;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;

import org.junit.jupiter.api.Test;

/**
 * A row read field by field must give every field reader exactly what the JSON tree gave it,
 * whatever form a value takes, and the same raw text for a rejected row.
 */
class RowFieldsTests {

	static final String ROW = """
			{"start": 1756684800, "volume": "12", "cost": 16.380, "tier": null, "big": 123456789012345678901234,
			 "float_whole": 5.000, "negative": -3, "text": "  DE ", "flag": true, "nested": {"a": [1, 2]},
			 "list": [3], "sci": 1E+3, "dup": 1, "dup": "two", "empty": ""}""";

	static final List<String> FIELDS = List.of("start", "volume", "cost", "tier", "big", "float_whole", "negative",
			"text", "flag", "nested", "list", "sci", "dup", "empty", "absent");

	@Test
	void everyReaderAnswersAsItDidOnTheTree() throws IOException {
		RowFields row = parse(ROW);
		JsonNode tree = JsonDocuments.MAPPER.readTree(ROW);

		for (String field : FIELDS) {
			assertThat(JsonFields.text(row, field)).as("text %s", field).isEqualTo(JsonFields.text(tree, field));
			assertThat(JsonFields.whole(row, field)).as("whole %s", field).isEqualTo(JsonFields.whole(tree, field));
			assertThat(JsonFields.present(row, field)).as("present %s", field)
				.isEqualTo(tree.has(field) && !tree.get(field).isNull());
			assertThat(JsonFields.decimal(row, field)).as("decimal %s", field).isEqualTo(treeDecimal(tree, field));
		}
		assertThat(JsonFields.whole(row, "start")).isEqualTo(1_756_684_800L);
		assertThat(JsonFields.whole(row, "float_whole")).isEqualTo(5L);
		assertThat(JsonFields.whole(row, "big")).isNull();
		assertThat(JsonFields.decimal(row, "cost").toPlainString()).isEqualTo("16.380");
		assertThat(JsonFields.text(row, "dup")).isEqualTo("two");
		assertThat(JsonFields.wholeProblem(row, "text")).isEqualTo("text '  DE ' is not a whole number");
		assertThat(JsonFields.wholeProblem(row, "tier")).isEqualTo("tier is missing");
		assertThat(JsonFields.wholeProblem(row, "negative")).isEqualTo("negative -3 is negative");
		assertThat(JsonFields.decimalProblem(row, "flag")).isEqualTo("flag 'true' is not a number");
	}

	@Test
	void aFieldIsFoundByANameThatIsNotTheParsersOwnString() throws IOException {
		RowFields row = parse(ROW);

		assertThat(row.get(new String("volume"))).isEqualTo("12");
		assertThat(row.get(new String("dup"))).isEqualTo("two");
		assertThat(row.get(new String("absent"))).isNull();
	}

	@Test
	void theRawTextIsTheTreesText() throws IOException {
		assertThat(parse(ROW).toString()).isEqualTo(JsonDocuments.MAPPER.readTree(ROW).toString());
	}

	@Test
	void theParserIsLeftAtTheRowsEnd() throws IOException {
		try (JsonParser parser = JsonDocuments.FACTORY.createParser("[{\"a\": {\"b\": 1}}, {\"a\": 2}]")) {
			assertThat(parser.nextToken()).isEqualTo(JsonToken.START_ARRAY);
			parser.nextToken();
			assertThat(RowFields.read(parser).toString()).isEqualTo("{\"a\":{\"b\":1}}");
			parser.nextToken();
			assertThat(JsonFields.whole(RowFields.read(parser), "a")).isEqualTo(2L);
			assertThat(parser.nextToken()).isEqualTo(JsonToken.END_ARRAY);
		}
	}

	/** The decimal reader as it was on the tree. */
	private static Object treeDecimal(JsonNode tree, String field) {
		JsonNode node = tree.get(field);
		if (node == null || node.isNull()) {
			return null;
		}
		if (node.isNumber()) {
			return node.decimalValue();
		}
		try {
			return new java.math.BigDecimal(node.asText().strip());
		}
		catch (NumberFormatException ex) {
			return null;
		}
	}

	private static RowFields parse(String json) throws IOException {
		try (JsonParser parser = JsonDocuments.FACTORY.createParser(json)) {
			parser.nextToken();
			return RowFields.read(parser);
		}
	}

}
