package com.wabarecon.support.reject;

import java.util.Objects;
import java.util.function.Supplier;

/**
 * Where an input row came from: enough for a person to open the file and find it.
 * <p>
 * The raw content may be given as a supplier: it is needed only when the row is rejected, and
 * most rows are not: a parsed JSON row is turned back into text only if someone asks.
 */
public final class RowSource {

	/** The position of a problem that concerns the whole file. */
	public static final String WHOLE_FILE = "whole file";

	private final String file;

	private final Long line;

	private final String position;

	private Supplier<String> rawSupplier;

	private String raw;

	/**
	 * @param file the file, relative to the inbox (for example {@code directory/clients.csv})
	 * @param line the 1-based line the row starts on, or {@code null} where lines mean nothing
	 * @param position further detail (a column, a JSON path), or {@code null}
	 * @param raw the row as it stood in the file, or {@code null} when it could not be read
	 */
	public RowSource(String file, Long line, String position, String raw) {
		this.file = file;
		this.line = line;
		this.position = position;
		this.raw = raw;
	}

	/** A source whose raw content is produced only if someone asks for it. */
	public static RowSource withLazyRaw(String file, Long line, String position, Supplier<String> raw) {
		RowSource source = new RowSource(file, line, position, null);
		source.rawSupplier = raw;
		return source;
	}

	public static RowSource atLine(String file, long line, String raw) {
		return new RowSource(file, line, null, raw);
	}

	/** A problem of a file as a whole (its format, its header): no one row is to blame. */
	public static RowSource wholeFile(String file) {
		return new RowSource(file, null, WHOLE_FILE, null);
	}

	public String file() {
		return file;
	}

	public Long line() {
		return line;
	}

	public String position() {
		return position;
	}

	public String raw() {
		if (raw == null && rawSupplier != null) {
			raw = rawSupplier.get();
			rawSupplier = null;
		}
		return raw;
	}

	/** "directory/clients.csv line 7" or "usage/a.json line 3, column 12". */
	public String describe() {
		StringBuilder text = new StringBuilder(file);
		if (line != null) {
			text.append(" line ").append(line);
		}
		if (position != null) {
			text.append(line != null ? ", " : " ").append(position);
		}
		return text.toString();
	}

	@Override
	public boolean equals(Object other) {
		return other instanceof RowSource that && Objects.equals(file, that.file) && Objects.equals(line, that.line)
				&& Objects.equals(position, that.position) && Objects.equals(raw(), that.raw());
	}

	@Override
	public int hashCode() {
		return Objects.hash(file, line, position);
	}

	@Override
	public String toString() {
		return describe();
	}

}
