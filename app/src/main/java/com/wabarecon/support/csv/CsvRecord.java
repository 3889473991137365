package com.wabarecon.support.csv;

import java.util.Arrays;

import com.wabarecon.support.reject.RowSource;
import com.wabarecon.support.reject.SourcedItem;

/**
 * One record of a CSV file: its values by column name, and where it came from.
 */
public record CsvRecord(RowSource source, CsvHeader header, String[] values) implements SourcedItem {

	/** The column's value with surrounding spaces removed; empty when absent or blank. */
	public String text(String column) {
		int i = header.indexOf(column);
		if (i < 0 || i >= values.length || values[i] == null) {
			return "";
		}
		return values[i].strip();
	}

	/** A line with nothing on it (or only separators): skipped, not rejected. */
	public boolean isBlank() {
		return Arrays.stream(values).allMatch(value -> value == null || value.isBlank());
	}

}
