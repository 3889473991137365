package com.wabarecon.support.bulk;

import java.math.BigDecimal;
import java.sql.SQLException;
import java.util.Arrays;

import org.postgresql.copy.CopyIn;

import org.springframework.dao.DataIntegrityViolationException;

/**
 * Rows in PostgreSQL's COPY text format, encoded straight into UTF-8 bytes: columns separated by
 * tabs, rows ended by a newline, {@code \N} for null and backslash escapes for the separators;
 * decimals in plain notation, whole numbers and ISO dates as they print, which PostgreSQL reads
 * whatever its settings. Not thread-safe.
 */
final class CopyText {

	private byte[] bytes = new byte[1 << 12];

	private int length;

	void row(Object[] values) {
		for (int i = 0; i < values.length; i++) {
			if (i > 0) {
				put('\t');
			}
			value(values[i]);
		}
		put('\n');
	}

	/** The rows so far. */
	byte[] bytes() {
		return Arrays.copyOf(bytes, length);
	}

	/** How many bytes the rows so far take. */
	int length() {
		return length;
	}

	/** Sends the rows so far into the COPY and starts over with an empty text. */
	void sendTo(CopyIn copy) throws SQLException {
		if (length > 0) {
			copy.writeToCopy(bytes, 0, length);
			clear();
		}
	}

	/** Starts over with an empty text. */
	void clear() {
		length = 0;
	}

	private void value(Object value) {
		if (value == null) {
			put('\\');
			put('N');
		}
		else if (value instanceof BigDecimal decimal) {
			escaped(decimal.toPlainString());
		}
		else if (value instanceof Boolean bool) {
			put(bool ? 't' : 'f');
		}
		else {
			escaped(value.toString());
		}
	}

	private void escaped(String value) {
		// a value takes at most three bytes a character, and an escape two
		ensure(3 * value.length());
		for (int i = 0; i < value.length(); i++) {
			char c = value.charAt(i);
			switch (c) {
				case '\\' -> escape('\\');
				case '\t' -> escape('t');
				case '\n' -> escape('n');
				case '\r' -> escape('r');
				// PostgreSQL text cannot hold NUL; the INSERT path refuses such a row too
				case '\0' -> throw new DataIntegrityViolationException(
						"a value contains a NUL character, which PostgreSQL text cannot hold");
				default -> {
					if (c < 0x80) {
						bytes[length++] = (byte) c;
					}
					else if (c < 0x800) {
						bytes[length++] = (byte) (0xC0 | c >> 6);
						bytes[length++] = (byte) (0x80 | c & 0x3F);
					}
					else if (Character.isHighSurrogate(c) && i + 1 < value.length()
							&& Character.isLowSurrogate(value.charAt(i + 1))) {
						int code = Character.toCodePoint(c, value.charAt(++i));
						bytes[length++] = (byte) (0xF0 | code >> 18);
						bytes[length++] = (byte) (0x80 | code >> 12 & 0x3F);
						bytes[length++] = (byte) (0x80 | code >> 6 & 0x3F);
						bytes[length++] = (byte) (0x80 | code & 0x3F);
					}
					else if (Character.isSurrogate(c)) {
						bytes[length++] = '?'; // a lone surrogate, as Java's own UTF-8 encoder writes it
					}
					else {
						bytes[length++] = (byte) (0xE0 | c >> 12);
						bytes[length++] = (byte) (0x80 | c >> 6 & 0x3F);
						bytes[length++] = (byte) (0x80 | c & 0x3F);
					}
				}
			}
		}
	}

	private void escape(char c) {
		bytes[length++] = '\\';
		bytes[length++] = (byte) c;
	}

	private void put(char c) {
		ensure(2);
		bytes[length++] = (byte) c;
	}

	private void ensure(int more) {
		if (length + more > bytes.length) {
			bytes = Arrays.copyOf(bytes, Math.max(bytes.length * 2, length + more));
		}
	}

}
