package com.wabarecon.support.bulk;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

import org.springframework.dao.DataIntegrityViolationException;

/**
 * A chunk's rows in PostgreSQL's COPY text format, encoded straight into UTF-8 bytes: columns
 * separated by tabs, rows ended by a newline, {@code \N} for null and backslash escapes for the
 * separators. Plain ASCII, nearly every value, is copied byte for byte. Not thread-safe.
 */
final class CopyText {

	private byte[] bytes;

	private int length;

	/**
	 * The text last written in each column, and where its bytes are: consecutive rows repeat
	 * the same month, channel, file and category objects, which are then copied, not encoded.
	 */
	private Object[] lastValue = new Object[0];

	private int[] lastStart = new int[0];

	private int[] lastLength = new int[0];

	CopyText(int capacity) {
		bytes = new byte[Math.max(capacity, 1024)];
	}

	void row(Object[] values) {
		if (lastValue.length != values.length) {
			lastValue = new Object[values.length];
			lastStart = new int[values.length];
			lastLength = new int[values.length];
		}
		for (int i = 0; i < values.length; i++) {
			if (i > 0) {
				put('\t');
			}
			Object value = values[i];
			if (value instanceof String && value == lastValue[i]) {
				ensure(lastLength[i]);
				System.arraycopy(bytes, lastStart[i], bytes, length, lastLength[i]);
				length += lastLength[i];
				continue;
			}
			int start = length;
			value(value);
			lastValue[i] = value;
			lastStart[i] = start;
			lastLength[i] = length - start;
		}
		put('\n');
	}

	/** Starts over with an empty text (the rows so far were sent). */
	void clear() {
		length = 0;
		Arrays.fill(lastValue, null); // their bytes are gone
	}

	byte[] bytes() {
		return bytes;
	}

	int length() {
		return length;
	}

	private void value(Object value) {
		if (value == null) {
			put('\\');
			put('N');
		}
		else if (value instanceof String text) {
			text(text);
		}
		else if (value instanceof BigDecimal decimal) {
			ascii(decimal.toPlainString());
		}
		else if (value instanceof Boolean bool) {
			put(bool ? 't' : 'f');
		}
		else {
			// numbers and dates print in forms PostgreSQL reads as they are
			text(value.toString());
		}
	}

	private void ascii(String text) {
		ensure(text.length());
		for (int i = 0; i < text.length(); i++) {
			bytes[length++] = (byte) text.charAt(i);
		}
	}

	private void text(String text) {
		ensure(2 * text.length()); // room for every ASCII character escaped
		for (int i = 0; i < text.length(); i++) {
			char c = text.charAt(i);
			if (c >= 0x80) {
				// the rest of the value is not plain ASCII: escape it, then encode it whole
				escapedUtf8(text.substring(i));
				return;
			}
			switch (c) {
				case '\\' -> escape('\\');
				case '\t' -> escape('t');
				case '\n' -> escape('n');
				case '\r' -> escape('r');
				case '\0' -> throw nul();
				default -> bytes[length++] = (byte) c;
			}
		}
	}

	private void escapedUtf8(String text) {
		String escaped = text.replace("\\", "\\\\").replace("\t", "\\t").replace("\n", "\\n").replace("\r", "\\r");
		if (escaped.indexOf('\0') >= 0) {
			throw nul();
		}
		byte[] utf8 = escaped.getBytes(StandardCharsets.UTF_8);
		ensure(utf8.length);
		System.arraycopy(utf8, 0, bytes, length, utf8.length);
		length += utf8.length;
	}

	private void escape(char c) {
		bytes[length++] = '\\';
		bytes[length++] = (byte) c;
	}

	private void put(char c) {
		ensure(1);
		bytes[length++] = (byte) c;
	}

	private void ensure(int more) {
		if (length + more + 2 > bytes.length) {
			bytes = Arrays.copyOf(bytes, Math.max(bytes.length * 2, length + more + 2));
		}
	}

	private static DataIntegrityViolationException nul() {
		// PostgreSQL text cannot hold NUL; the INSERT path refuses such a row too
		return new DataIntegrityViolationException("a value contains a NUL character, which PostgreSQL text cannot hold");
	}

}
