package com.wabarecon.usage;

import java.io.EOFException;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.zip.GZIPInputStream;

/**
 * The bytes of an input file, through gzip when its name ends with {@code .gz} (any case). A
 * gzip stream that ends early (a truncated file) or is corrupt does not throw: its bytes end
 * where it broke, and {@link #broken()} says why. Thrown, the exception would take with it
 * whatever had been decompressed and not yet handed on (the readers above decode and split
 * lines in blocks), so the complete lines or rows before the break would be lost with it; this
 * way the reader reads them, meets the end, and reports the break once, where it happened.
 * <p>
 * A plain file's read errors are thrown as they come. Not thread-safe.
 */
final class FileBytes extends FilterInputStream {

	private static final String ENDS_EARLY = "the gzip stream ends early (the file is truncated)";

	private final boolean gzip;

	private String broken;

	/** The last byte handed on, or -1 before the first. */
	private int last = -1;

	private FileBytes(InputStream in, boolean gzip) {
		super(in);
		this.gzip = gzip;
	}

	/**
	 * @throws IOException when the file cannot be opened, or is named {@code .gz} and is not gzip
	 */
	static FileBytes open(Path file) throws IOException {
		InputStream raw = Files.newInputStream(file);
		if (!isGzip(file)) {
			return new FileBytes(raw, false);
		}
		try {
			return new FileBytes(new GZIPInputStream(raw, 1 << 16), true);
		}
		catch (EOFException ex) {
			raw.close();
			FileBytes none = new FileBytes(InputStream.nullInputStream(), true);
			none.broken = ENDS_EARLY;
			return none;
		}
		catch (IOException | RuntimeException ex) {
			raw.close();
			throw ex;
		}
	}

	static boolean isGzip(Path file) {
		return file.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".gz");
	}

	/** Why the bytes ended before the file did ({@code the gzip stream ends early ...}), or {@code null}. */
	String broken() {
		return broken;
	}

	/** Whether the last byte handed on ends a line: after a break, whether the line before it is whole. */
	boolean endsWithLineBreak() {
		return last == '\n' || last == '\r';
	}

	@Override
	public int read() throws IOException {
		if (broken != null) {
			return -1;
		}
		try {
			int b = in.read();
			if (b >= 0) {
				last = b;
			}
			return b;
		}
		catch (IOException ex) {
			return brokenBy(ex);
		}
	}

	@Override
	public int read(byte[] buffer, int offset, int length) throws IOException {
		if (broken != null) {
			return -1;
		}
		try {
			int n = in.read(buffer, offset, length);
			if (n > 0) {
				last = buffer[offset + n - 1];
			}
			return n;
		}
		catch (IOException ex) {
			return brokenBy(ex);
		}
	}

	private int brokenBy(IOException ex) throws IOException {
		if (!gzip) {
			throw ex;
		}
		broken = ex instanceof EOFException ? ENDS_EARLY : "the gzip stream is corrupt (" + ex.getMessage() + ")";
		return -1;
	}

	@Override
	public long skip(long n) throws IOException {
		byte[] skipped = new byte[(int) Math.min(n, 8192)];
		int read = read(skipped, 0, skipped.length);
		return Math.max(read, 0);
	}

	@Override
	public int available() throws IOException {
		return broken != null ? 0 : in.available();
	}

	@Override
	public boolean markSupported() {
		return false;
	}

}
