package com.wabarecon.importing;

import java.util.HashMap;
import java.util.Map;

/**
 * Remembers the line each key was first seen on, to reject later rows that repeat it. Seeing
 * the same key on the same line again is not a repeat: Spring Batch processes an item again
 * when it scans a failed chunk. Not thread-safe.
 */
public final class FirstOccurrence {

	private final Map<String, Long> firstLine = new HashMap<>();

	/**
	 * Records the key, and returns a reason when an earlier line already had it.
	 */
	public String check(String column, String key, long line) {
		Long first = firstLine.putIfAbsent(key, line);
		if (first == null || first == line) {
			return null;
		}
		return "duplicate " + column + " '" + key + "' (first seen on line " + first + ")";
	}

}
