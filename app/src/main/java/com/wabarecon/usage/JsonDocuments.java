package com.wabarecon.usage;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectReader;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;

/**
 * The one JSON configuration of the usage stage: numbers are kept as exact decimals (a cost
 * of 16.38 stays 16.38), unknown fields are simply not looked at.
 */
public final class JsonDocuments {

	static final ObjectMapper MAPPER = JsonMapper.builder()
		.enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
		.nodeFactory(JsonNodeFactory.withExactBigDecimals(true))
		.build();

	static final JsonFactory FACTORY = MAPPER.getFactory();

	/**
	 * Reads a whole document as a tree, refusing an object that gives a name twice (a tree would
	 * keep the last value silently): {@link #repeatedName} tells that failure apart.
	 */
	public static final ObjectReader TREES = MAPPER.reader().with(DeserializationFeature.FAIL_ON_READING_DUP_TREE_KEY);

	/**
	 * The name {@link #TREES} found twice, and where, as {@code 'status' in /entry/0/statuses/0};
	 * {@code null} when the failure is another.
	 */
	static String repeatedName(JsonProcessingException ex) {
		if (ex instanceof MismatchedInputException && String.valueOf(ex.getOriginalMessage()).startsWith("Duplicate field")
				&& ex.getProcessor() instanceof JsonParser parser && parser.getParsingContext().getCurrentName() != null) {
			String object = parser.getParsingContext().pathAsPointer().head().toString();
			return "'" + parser.getParsingContext().getCurrentName() + "' in "
					+ (object.isEmpty() ? "the top-level object" : object);
		}
		return null;
	}

	private JsonDocuments() {
	}

}
