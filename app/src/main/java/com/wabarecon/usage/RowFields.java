package com.wabarecon.usage;

import java.io.IOException;
import java.math.BigDecimal;
import java.util.Arrays;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * The fields of one row object, read straight off the parser: scalars as Java values (text,
 * {@link Long}, exact {@link BigDecimal}, {@link Boolean}, JSON {@code null}), a nested object
 * or array as a tree. A usage row is a handful of scalars, which need no tree of their own (a map,
 * a node per value, the deserializer's bookkeeping). Reads as the tree did (a repeated name keeps its last value), and notes the
 * first name the row repeats: such a row is rejected ({@link JsonRowsReader}), since which of
 * its values was meant cannot be known.
 */
final class RowFields {

	/** A field given as JSON {@code null}: present in the row, without a value. */
	static final Object NULL = new Object();

	private String[] names = new String[12];

	private Object[] values = new Object[12];

	private int size;

	private String repeated;

	private RowFields() {
	}

	/** Reads the object the parser is at (its {@code START_OBJECT}), up to its end. */
	static RowFields read(JsonParser parser) throws IOException {
		RowFields row = new RowFields();
		String name;
		while ((name = parser.nextFieldName()) != null) {
			row.put(name, value(parser, parser.nextToken()));
		}
		if (parser.currentToken() != JsonToken.END_OBJECT) {
			throw new IllegalStateException("not at the end of an object: " + parser.currentToken());
		}
		return row;
	}

	private static Object value(JsonParser parser, JsonToken token) throws IOException {
		return switch (token) {
			case VALUE_STRING -> parser.getText();
			case VALUE_NUMBER_INT -> parser.getNumberType() == JsonParser.NumberType.BIG_INTEGER
					? new BigDecimal(parser.getBigIntegerValue()) : (Object) parser.getLongValue();
			case VALUE_NUMBER_FLOAT -> parser.getDecimalValue();
			case VALUE_TRUE -> Boolean.TRUE;
			case VALUE_FALSE -> Boolean.FALSE;
			case VALUE_NULL -> NULL;
			default -> JsonDocuments.MAPPER.readTree(parser); // an object or array inside the row
		};
	}

	private void put(String name, Object value) {
		for (int i = 0; i < size; i++) {
			if (names[i].equals(name)) {
				values[i] = value;
				repeated = repeated == null ? name : repeated;
				return;
			}
		}
		if (size == names.length) {
			names = Arrays.copyOf(names, size * 2);
			values = Arrays.copyOf(values, size * 2);
		}
		names[size] = name;
		values[size++] = value;
	}

	/** The first name the row gives twice, or {@code null}. */
	String repeated() {
		return repeated;
	}

	/**
	 * The field's value: text, {@link Long}, {@link BigDecimal}, {@link Boolean}, {@link #NULL}
	 * or a {@link JsonNode}; {@code null} when the row has no such field.
	 */
	Object get(String name) {
		// the parser hands out interned names, and callers pass constants: nearly always the same
		// object, found without comparing a character
		for (int i = 0; i < size; i++) {
			if (names[i] == name) {
				return values[i];
			}
		}
		for (int i = 0; i < size; i++) {
			if (names[i].equals(name)) {
				return values[i];
			}
		}
		return null;
	}

	/** The row as JSON text, for a rejected row's raw content. */
	@Override
	public String toString() {
		JsonNodeFactory nodes = JsonDocuments.MAPPER.getNodeFactory();
		ObjectNode row = nodes.objectNode();
		for (int i = 0; i < size; i++) {
			Object value = values[i];
			row.set(names[i], value == NULL ? nodes.nullNode()
					: value instanceof String text ? nodes.textNode(text)
							: value instanceof Long number ? nodes.numberNode(number)
									: value instanceof BigDecimal decimal ? nodes.numberNode(decimal)
											: value instanceof Boolean bool ? nodes.booleanNode(bool) : (JsonNode) value);
		}
		return row.toString();
	}

}
