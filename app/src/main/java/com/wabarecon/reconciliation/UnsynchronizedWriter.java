package com.wabarecon.reconciliation;

import java.io.IOException;
import java.io.Writer;

/**
 * A buffered writer for one thread: like {@link java.io.BufferedWriter}, without its lock on
 * every call. POI's streamed sheets write their XML a character at a time (escaping text), and
 * on a large partner's 128,000 lines that lock was a quarter of the workbook's time.
 */
final class UnsynchronizedWriter extends Writer {

	private static final int BUFFER_CHARS = 1 << 16;

	private final Writer out;

	private final char[] buffer = new char[BUFFER_CHARS];

	private int used;

	public UnsynchronizedWriter(Writer out) {
		this.out = out;
	}

	@Override
	public void write(int c) throws IOException {
		if (used == buffer.length) {
			flushBuffer();
		}
		buffer[used++] = (char) c;
	}

	@Override
	public void write(char[] chars, int offset, int length) throws IOException {
		if (length >= buffer.length) {
			flushBuffer();
			out.write(chars, offset, length);
			return;
		}
		if (length > buffer.length - used) {
			flushBuffer();
		}
		System.arraycopy(chars, offset, buffer, used, length);
		used += length;
	}

	@Override
	public void write(String text, int offset, int length) throws IOException {
		int end = offset + length;
		while (offset < end) {
			if (used == buffer.length) {
				flushBuffer();
			}
			int count = Math.min(buffer.length - used, end - offset);
			text.getChars(offset, offset + count, buffer, used);
			used += count;
			offset += count;
		}
	}

	@Override
	public void flush() throws IOException {
		flushBuffer();
		out.flush();
	}

	@Override
	public void close() throws IOException {
		try {
			flushBuffer();
		}
		finally {
			out.close();
		}
	}

	private void flushBuffer() throws IOException {
		if (used > 0) {
			out.write(buffer, 0, used);
			used = 0;
		}
	}

}
