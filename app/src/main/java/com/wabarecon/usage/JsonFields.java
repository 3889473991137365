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

	/** The field as text, stripped; {@code null} when absent, null, or an object or array. */
	static String text(RowFields row, String field) {
		return text(row.get(field));
	}

	/** As {@link #text(RowFields, String)}, in a tree (a webhook payload). */
	static String text(JsonNode node, String field) {
		return text(scalar(node.get(field)));
	}

	/** As {@link #whole(RowFields, String)}, in a tree (a webhook payload). */
	static Long whole(JsonNode node, String field) {
		return whole(scalar(node.get(field)));
	}

	/** A tree's value in the form {@link RowFields} keeps it. */
	private static Object scalar(JsonNode node) {
		if (node == null || node.isContainerNode()) {
			return node;
		}
		if (node.isNull()) {
			return RowFields.NULL;
		}
		if (node.isIntegralNumber() && node.canConvertToLong()) {
			return node.longValue();
		}
		if (node.isNumber()) {
			return node.decimalValue();
		}
		return node.isBoolean() ? (Object) node.booleanValue() : node.asText();
	}

	private static String text(Object value) {
		return value == null || value == RowFields.NULL || value instanceof JsonNode ? null : asText(value).strip();
	}

	static boolean present(RowFields row, String field) {
		Object value = row.get(field);
		return value != null && value != RowFields.NULL;
	}

	/** A whole number, or {@code null} when absent or not a whole number. */
	static Long whole(RowFields row, String field) {
		return whole(row.get(field));
	}

	private static Long whole(Object value) {
		if (value instanceof Long number) {
			return number; // the usual case, without a detour through BigDecimal
		}
		try {
			BigDecimal decimal = value instanceof BigDecimal exact ? exact
					: value instanceof String text ? new BigDecimal(text.strip()) : null;
			return decimal != null && decimal.stripTrailingZeros().scale() <= 0 ? decimal.longValueExact() : null;
		}
		catch (NumberFormatException | ArithmeticException ex) {
			return null;
		}
	}

	/** An exact decimal, or {@code null} when absent or not a number. */
	static BigDecimal decimal(RowFields row, String field) {
		Object value = row.get(field);
		if (value instanceof BigDecimal decimal) {
			return decimal;
		}
		if (value instanceof Long number) {
			return BigDecimal.valueOf(number);
		}
		if (value instanceof String text) {
			try {
				return new BigDecimal(text.strip());
			}
			catch (NumberFormatException ex) {
				return null;
			}
		}
		return null;
	}

	/** "volume is missing" or "volume 'abc' is not a whole number", or {@code null} when fine. */
	static String wholeProblem(RowFields row, String field) {
		if (!present(row, field)) {
			return field + " is missing";
		}
		Long value = whole(row, field);
		if (value == null) {
			return field + " '" + asText(row.get(field)) + "' is not a whole number";
		}
		return value < 0 ? field + " " + value + " is negative" : null;
	}

	static String decimalProblem(RowFields row, String field) {
		if (!present(row, field)) {
			return null;
		}
		BigDecimal value = decimal(row, field);
		if (value == null) {
			return field + " '" + asText(row.get(field)) + "' is not a number";
		}
		return value.signum() < 0 ? field + " " + value.toPlainString() + " is negative" : null;
	}

	/** A value as the JSON tree's {@code asText} gave it: an object or array has none. */
	private static String asText(Object value) {
		return value instanceof JsonNode node ? node.asText() : String.valueOf(value);
	}

}
