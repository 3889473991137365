package com.wabarecon.support.csv;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * A CSV file's lines as OpenCSV's reader takes them (through {@link #readLine()}, carriage
 * returns not kept), counted from 1, with those of the record being read kept as the file has
 * them: a record's first line and raw text are what rejects show. Holds one record's lines at
 * a time. Bytes that are not UTF-8 are read as U+FFFD, for the caller to reject the record.
 */
final class RecordLines extends BufferedReader {

	private final StringBuilder record = new StringBuilder();

	/** The number of the last line read. */
	private long number;

	private long firstLine = 1;

	/** Where the last line read starts in {@link #record}; -1 while the record has no line. */
	private int lastLineStart = -1;

	private RecordLines(InputStreamReader in) {
		super(in, 1 << 16);
	}

	static RecordLines open(Path file) throws IOException {
		CharsetDecoder utf8 = StandardCharsets.UTF_8.newDecoder()
			.onMalformedInput(CodingErrorAction.REPLACE)
			.onUnmappableCharacter(CodingErrorAction.REPLACE);
		RecordLines lines = new RecordLines(new InputStreamReader(Files.newInputStream(file), utf8));
		try {
			lines.skipByteOrderMark();
		}
		catch (IOException ex) {
			lines.close();
			throw ex;
		}
		return lines;
	}

	/** A byte order mark (Excel writes one) can only open the file, and is no part of its first line. */
	private void skipByteOrderMark() throws IOException {
		mark(1);
		if (read() != '\uFEFF') {
			reset();
		}
	}

	/** A record starts at the next line: the lines kept so far are let go. */
	void startRecord() {
		record.setLength(0);
		lastLineStart = -1;
		firstLine = number + 1;
	}

	@Override
	public String readLine() throws IOException {
		String line = super.readLine();
		if (line != null) {
			number++;
			if (lastLineStart >= 0) {
				record.append('\n');
			}
			lastLineStart = record.length();
			record.append(line);
		}
		return line;
	}

	/** The number of the last line read; 0 before the first. */
	long number() {
		return number;
	}

	/** The number of the record's first line. */
	long firstLine() {
		return firstLine;
	}

	/** The record's lines as read, joined by {@code \n}. */
	String record() {
		return record.toString();
	}

	/** The record's lines but the last one read, joined by {@code \n}. */
	String recordButLastLine() {
		return record.substring(0, Math.max(lastLineStart - 1, 0));
	}

}
