package com.wabarecon.invoice;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import com.wabarecon.support.reject.RowSource;

/**
 * Remembers every invoice line the step loaded, across all files of the folder (the same file
 * copied twice must not double the invoice), to reject a line that repeats one seen earlier.
 * <p>
 * Memory stays bounded: a line is kept as a 128-bit digest of its identity (a {@link UUID}
 * made from MD5, not for security but because collisions among a million lines are out of
 * reach) with its file and line packed in a {@code long}: about 90 bytes a line, some 45 MB for
 * 500,000 lines, against several hundred for the lines' text. Seeing a line again at the same
 * place is not a repeat: Spring Batch processes an item again when it scans a failed chunk.
 * Not thread-safe.
 */
final class DuplicateLines {

	private static final int LINE_BITS = 40;

	private final Map<UUID, Long> firstSeen = new HashMap<>();

	private final Map<String, Integer> fileIndex = new HashMap<>();

	private final List<String> files = new ArrayList<>();

	/** Records the line; returns where it was first seen when that was elsewhere, else {@code null}. */
	String check(String identity, RowSource source) {
		UUID key = UUID.nameUUIDFromBytes(identity.getBytes(StandardCharsets.UTF_8));
		long place = place(source);
		Long first = firstSeen.putIfAbsent(key, place);
		if (first == null || first == place) {
			return null;
		}
		return files.get((int) (first >>> LINE_BITS)) + " line " + (first & ((1L << LINE_BITS) - 1));
	}

	private long place(RowSource source) {
		int file = fileIndex.computeIfAbsent(source.file(), name -> {
			files.add(name);
			return files.size() - 1;
		});
		return ((long) file << LINE_BITS) | (source.line() == null ? 0 : source.line());
	}

}
