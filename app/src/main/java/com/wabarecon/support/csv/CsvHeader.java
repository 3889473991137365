package com.wabarecon.support.csv;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The column names of a CSV file, matched without regard to case or surrounding spaces.
 */
public final class CsvHeader {

	private final List<String> names;

	private final Map<String, Integer> index = new HashMap<>();

	CsvHeader(String[] fields) {
		this.names = new ArrayList<>(fields.length);
		for (int i = 0; i < fields.length; i++) {
			String name = normalise(fields[i]);
			names.add(name);
			index.putIfAbsent(name, i);
		}
	}

	static String normalise(String name) {
		return name == null ? "" : name.strip().toLowerCase(Locale.ROOT);
	}

	public int size() {
		return names.size();
	}

	public List<String> names() {
		return List.copyOf(names);
	}

	/** The required columns this header lacks, in the order given. */
	public List<String> missing(Collection<String> required) {
		return required.stream().filter(column -> !index.containsKey(normalise(column))).toList();
	}

	/** The column's position, or -1 when the file has no such column. */
	public int indexOf(String column) {
		return index.getOrDefault(normalise(column), -1);
	}

}
