package com.wabarecon.usage;

import java.math.BigDecimal;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * Reading typed values out of a JSON row, forgiving in form (a number may come as a string)
 * and strict in content (each reader says what is wrong, or returns the value).
 */
final class JsonFields {

	private JsonFields() {
	}

	static String text(JsonNode row, String field) {
		JsonNode node = row.get(field);
		return node == null || node.isNull() || node.isContainerNode() ? null : node.asText().strip();
	}

	static boolean present(JsonNode row, String field) {
		JsonNode node = row.get(field);
		return node != null && !node.isNull();
	}

	/** A whole number, or {@code null} when absent or not a whole number. */
	static Long whole(JsonNode row, String field) {
		JsonNode node = row.get(field);
		if (node == null || node.isNull()) {
			return null;
		}
		if (node.isIntegralNumber() && node.canConvertToLong()) {
			return node.longValue(); // the usual case, without a detour through BigDecimal
		}
		try {
			BigDecimal value = node.isNumber() ? node.decimalValue() : new BigDecimal(node.asText().strip());
			return value.stripTrailingZeros().scale() <= 0 ? value.longValueExact() : null;
		}
		catch (NumberFormatException | ArithmeticException ex) {
			return null;
		}
	}

	/** An exact decimal, or {@code null} when absent or not a number. */
	static BigDecimal decimal(JsonNode row, String field) {
		JsonNode node = row.get(field);
		if (node == null || node.isNull()) {
			return null;
		}
		if (node.isNumber()) {
			return node.decimalValue();
		}
		try {
			return new BigDecimal(node.asText().strip());
		}
		catch (NumberFormatException ex) {
			return null;
		}
	}

	/** "volume is missing" or "volume 'abc' is not a whole number", or {@code null} when fine. */
	static String wholeProblem(JsonNode row, String field) {
		if (!present(row, field)) {
			return field + " is missing";
		}
		Long value = whole(row, field);
		if (value == null) {
			return field + " '" + row.get(field).asText() + "' is not a whole number";
		}
		return value < 0 ? field + " " + value + " is negative" : null;
	}

	static String decimalProblem(JsonNode row, String field) {
		if (!present(row, field)) {
			return null;
		}
		BigDecimal value = decimal(row, field);
		if (value == null) {
			return field + " '" + row.get(field).asText() + "' is not a number";
		}
		return value.signum() < 0 ? field + " " + value.toPlainString() + " is negative" : null;
	}

}
