package com.wabarecon.support.bulk;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.Arrays;

import org.springframework.dao.DataIntegrityViolationException;

/**
 * A chunk's rows in PostgreSQL's COPY text format, encoded straight into UTF-8 bytes: columns
 * separated by tabs, rows ended by a newline, {@code \N} for null and backslash escapes for the
 * separators. Plain ASCII, nearly every value, is copied byte for byte. Not thread-safe.
 */
final class CopyText {

	/** Texts up to this long are compared with the column's last text before being encoded. */
	private static final int SHORT_TEXT = 16;

	private static final long[] POWERS_OF_TEN = new long[19];

	static {
		POWERS_OF_TEN[0] = 1;
		for (int i = 1; i < POWERS_OF_TEN.length; i++) {
			POWERS_OF_TEN[i] = POWERS_OF_TEN[i - 1] * 10;
		}
	}

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
			if (value != null && repeats(value, lastValue[i])) {
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

	/**
	 * Whether a value is the one written last in its column: the same object, or an equal short
	 * text, number or date (a month, a country, a row's start or day: made anew for each row, but
	 * the same in row after row).
	 */
	private static boolean repeats(Object value, Object last) {
		if (value == last) {
			return true;
		}
		if (value instanceof String text) {
			return last instanceof String previous && text.length() <= SHORT_TEXT
					&& text.length() == previous.length() && text.equals(previous);
		}
		if (value instanceof Long number) {
			return last instanceof Long previous && number.longValue() == previous.longValue();
		}
		return value instanceof LocalDate date && date.equals(last);
	}

	private void value(Object value) {
		if (value == null) {
			put('\\');
			put('N');
		}
		else if (value instanceof String text) {
			text(text);
		}
		else if (value instanceof Long number) {
			digits(number);
		}
		else if (value instanceof Integer number) {
			digits(number);
		}
		else if (value instanceof LocalDate date && date.getYear() >= 1000 && date.getYear() <= 9999) {
			date(date);
		}
		else if (value instanceof BigDecimal decimal) {
			decimal(decimal);
		}
		else if (value instanceof Boolean bool) {
			put(bool ? 't' : 'f');
		}
		else {
			// numbers and dates print in forms PostgreSQL reads as they are
			text(value.toString());
		}
	}

	/** A whole number, its digits written straight into the text: no String on the way. */
	private void digits(long number) {
		if (number == Long.MIN_VALUE) {
			ascii(Long.toString(number));
			return;
		}
		ensure(20);
		if (number < 0) {
			bytes[length++] = '-';
			number = -number;
		}
		int end = length + digitCount(number);
		int at = end;
		while (number >= 100) { // two digits a division
			long quotient = number / 100;
			int pair = (int) (number - quotient * 100);
			bytes[--at] = (byte) ('0' + pair % 10);
			bytes[--at] = (byte) ('0' + pair / 10);
			number = quotient;
		}
		if (number >= 10) {
			bytes[--at] = (byte) ('0' + number % 10);
			number /= 10;
		}
		bytes[--at] = (byte) ('0' + number);
		length = end;
	}

	/** The digits of a number that is not negative: compared with powers of ten, not divided. */
	private static int digitCount(long number) {
		int count = 1;
		while (count < POWERS_OF_TEN.length && number >= POWERS_OF_TEN[count]) {
			count++;
		}
		return count;
	}

	/** An ISO date, {@code 2025-09-30}, which PostgreSQL reads whatever its DateStyle. */
	private void date(LocalDate date) {
		ensure(10);
		fixed(date.getYear(), 4);
		bytes[length++] = '-';
		fixed(date.getMonthValue(), 2);
		bytes[length++] = '-';
		fixed(date.getDayOfMonth(), 2);
	}

	/** A decimal in plain notation ({@code 12.500000}); unscaled values that fit a long without a String. */
	private void decimal(BigDecimal decimal) {
		int scale = decimal.scale();
		if (scale < 0 || scale > 18 || decimal.precision() > 18) {
			ascii(decimal.toPlainString());
			return;
		}
		long unscaled = decimal.unscaledValue().longValue();
		if (unscaled < 0) {
			put('-');
			unscaled = -unscaled;
		}
		long factor = POWERS_OF_TEN[scale];
		digits(unscaled / factor);
		if (scale > 0) {
			put('.');
			ensure(scale);
			fixed(unscaled % factor, scale);
		}
	}

	/** The number's last {@code width} digits, zero-padded. */
	private void fixed(long number, int width) {
		for (int at = length + width - 1; at >= length; at--) {
			bytes[at] = (byte) ('0' + number % 10);
			number /= 10;
		}
		length += width;
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
