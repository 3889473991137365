package com.wabarecon.support.bulk;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;

import org.springframework.dao.DataIntegrityViolationException;

/**
 * Rows in PostgreSQL's COPY text format: columns separated by tabs, rows ended by a newline,
 * {@code \N} for null and backslash escapes for the separators; decimals in plain notation,
 * whole numbers and ISO dates as they print, which PostgreSQL reads whatever its settings.
 * Not thread-safe.
 */
final class CopyText {

	private final StringBuilder text = new StringBuilder();

	void row(Object[] values) {
		for (int i = 0; i < values.length; i++) {
			if (i > 0) {
				text.append('\t');
			}
			value(values[i]);
		}
		text.append('\n');
	}

	/** The rows so far, in UTF-8. */
	byte[] bytes() {
		return text.toString().getBytes(StandardCharsets.UTF_8);
	}

	/** How many characters the rows so far take. */
	int length() {
		return text.length();
	}

	/** Starts over with an empty text (the rows so far were sent). */
	void clear() {
		text.setLength(0);
	}

	private void value(Object value) {
		if (value == null) {
			text.append("\\N");
		}
		else if (value instanceof BigDecimal decimal) {
			text.append(decimal.toPlainString());
		}
		else if (value instanceof Boolean bool) {
			text.append(bool ? 't' : 'f');
		}
		else {
			escaped(value.toString());
		}
	}

	private void escaped(String value) {
		for (int i = 0; i < value.length(); i++) {
			char c = value.charAt(i);
			switch (c) {
				case '\\' -> text.append("\\\\");
				case '\t' -> text.append("\\t");
				case '\n' -> text.append("\\n");
				case '\r' -> text.append("\\r");
				// PostgreSQL text cannot hold NUL; the INSERT path refuses such a row too
				case '\0' -> throw new DataIntegrityViolationException(
						"a value contains a NUL character, which PostgreSQL text cannot hold");
				default -> text.append(c);
			}
		}
	}

}
