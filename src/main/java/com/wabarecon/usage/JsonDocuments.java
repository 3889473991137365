package com.wabarecon.usage;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;

/**
 * The one JSON configuration of the usage stage: numbers are kept as exact decimals (a cost
 * of 16.38 stays 16.38), unknown fields are simply not looked at.
 */
final class JsonDocuments {

	static final ObjectMapper MAPPER = JsonMapper.builder()
		.enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
		.nodeFactory(JsonNodeFactory.withExactBigDecimals(true))
		.build();

	static final JsonFactory FACTORY = MAPPER.getFactory();

	private JsonDocuments() {
	}

}
