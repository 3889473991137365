package com.wabarecon.invoice;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Supplier;

import com.wabarecon.support.reject.RowSource;

/**
 * Remembers every invoice line of the month's files, to tell a line that repeats one of another
 * file (the same invoice copied twice must not double it: {@link #check} names the first, and
 * the line is rejected) from identical lines inside one file, which are all kept (Meta may bill
 * one WABA two equal tax lines) and listed as a warning on the file ({@link #identicalLines}).
 * <p>
 * Memory stays bounded: a line is kept as a 128-bit digest of its identity (a {@link UUID}
 * made from MD5, not for security but because collisions among a million lines are out of
 * reach) with its file and line packed in a {@code long}: about 90 bytes a line, some 45 MB for
 * 500,000 lines, against several hundred for the lines' text. Of identical lines only those of
 * the first {@value #DESCRIBED_GROUPS} groups of a file are described, each naming at most
 * {@value #LISTED_LINES} lines; the others are counted. Seeing a line again at the same place is
 * not a repeat (should a row be processed twice). Not thread-safe.
 */
final class DuplicateLines {

	private static final int LINE_BITS = 40;

	/** Groups of identical lines described in a file's warning; more are counted. */
	static final int DESCRIBED_GROUPS = 5;

	/** Lines named in a group's description; more are counted. */
	static final int LISTED_LINES = 5;

	private final Map<UUID, Long> firstSeen = new HashMap<>();

	private final Map<String, Integer> fileIndex = new HashMap<>();

	private final List<String> files = new ArrayList<>();

	/** The groups of identical lines of one file each, by digest. */
	private final Map<UUID, Group> identical = new HashMap<>();

	/** Per file index: its groups of identical lines, in the order they were found. */
	private final Map<Integer, List<Group>> groupsByFile = new LinkedHashMap<>();

	/** Lines of one file with the same identity. */
	private static final class Group {

		final long firstLine;

		final String description;

		final List<Long> lines = new ArrayList<>(2);

		long count = 1;

		long lastLine;

		Group(long firstLine, String description) {
			this.firstLine = firstLine;
			this.description = description;
			this.lines.add(firstLine);
			this.lastLine = firstLine;
		}

		void add(long line) {
			if (line == lastLine) {
				return;
			}
			count++;
			lastLine = line;
			if (lines.size() < LISTED_LINES) {
				lines.add(line);
			}
		}

	}

	/**
	 * Records the line. Returns where it was first seen when that was in another file (the line
	 * is to be rejected), else {@code null}; a line identical to an earlier one of its own file
	 * joins that line's group.
	 *
	 * @param description what the line is, for the warning on its file: asked for only when the
	 * line repeats one of its own file
	 */
	String check(String identity, RowSource source, Supplier<String> description) {
		UUID key = UUID.nameUUIDFromBytes(identity.getBytes(StandardCharsets.UTF_8));
		int file = fileIndex.computeIfAbsent(source.file(), name -> {
			files.add(name);
			return files.size() - 1;
		});
		long line = source.line() == null ? 0 : source.line();
		long place = ((long) file << LINE_BITS) | line;
		Long first = firstSeen.putIfAbsent(key, place);
		if (first == null || first == place) {
			return null;
		}
		int firstFile = (int) (first >>> LINE_BITS);
		long firstLine = first & ((1L << LINE_BITS) - 1);
		if (firstFile != file) {
			return files.get(firstFile) + " line " + firstLine;
		}
		Group group = identical.get(key);
		if (group == null) {
			List<Group> groups = groupsByFile.computeIfAbsent(file, f -> new ArrayList<>());
			group = new Group(firstLine, groups.size() < DESCRIBED_GROUPS ? description.get() : null);
			groups.add(group);
			identical.put(key, group);
		}
		group.add(line);
		return null;
	}

	/**
	 * Per file with identical lines, the warning that lists them: "2 identical lines kept: lines
	 * 7 and 8 (TAX 34.00 EUR, WABA 102290129340398)", the groups in line order, separated by "; ".
	 */
	Map<String, String> identicalLines() {
		Map<String, String> warnings = new LinkedHashMap<>();
		groupsByFile.forEach((file, groups) -> {
			List<String> parts = new ArrayList<>();
			groups.stream()
				.filter(group -> group.description != null)
				.sorted(Comparator.comparingLong(group -> group.firstLine))
				.forEach(group -> parts.add(group.count + " identical lines kept: "
						+ lines(group.lines, group.count) + " (" + group.description + ")"));
			List<Group> more = groups.stream().filter(group -> group.description == null).toList();
			if (!more.isEmpty()) {
				long lines = more.stream().mapToLong(group -> group.count).sum();
				parts.add("and " + more.size() + " more groups of identical lines kept (" + lines + " lines)");
			}
			warnings.put(files.get(file), String.join("; ", parts));
		});
		return warnings;
	}

	/** "lines 7 and 8", "lines 7, 8 and 9", "lines 7, 8, 9, 10, 11 and 4 more". */
	static String lines(List<Long> listed, long count) {
		StringBuilder text = new StringBuilder("lines ");
		for (int i = 0; i < listed.size(); i++) {
			boolean last = i == listed.size() - 1 && count == listed.size();
			text.append(i == 0 ? "" : last ? " and " : ", ").append(listed.get(i));
		}
		if (count > listed.size()) {
			text.append(" and ").append(count - listed.size()).append(" more");
		}
		return text.toString();
	}

}
