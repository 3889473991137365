package com.wabarecon.support.reject;

/**
 * Where an input row came from: enough for a person to open the file and find it.
 *
 * @param file the file, relative to the inbox (for example {@code directory/clients.csv})
 * @param line the 1-based line the row starts on, or {@code null} where lines mean nothing
 * @param position further detail (a column, a JSON path), or {@code null}
 * @param raw the row as it stood in the file, or {@code null} when it could not be read
 */
public record RowSource(String file, Long line, String position, String raw) {

	/** The position of a problem that concerns the whole file. */
	public static final String WHOLE_FILE = "whole file";

	public static RowSource atLine(String file, long line, String raw) {
		return new RowSource(file, line, null, raw);
	}

	/** A problem of a file as a whole (its format, its header): no one row is to blame. */
	public static RowSource wholeFile(String file) {
		return new RowSource(file, null, WHOLE_FILE, null);
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

}
