package com.wabarecon.inbox;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeSet;
import java.util.function.Predicate;

/**
 * What changed in the inbox since a close took its inventory, as its resumed run finds it: a file
 * read added, removed, changed in size, or now read where it was refused (or the reverse). Only
 * the changes of a kind whose step the close has already completed count: that step does not run
 * again, so it can no longer read them; a step still to run reads the files as they are now.
 * Content changed in place at the same size is not seen: no file is digested again.
 */
final class InboxChanges {

	private InboxChanges() {
	}

	/**
	 * @param before the inventory the close took when it began
	 * @param now the inventory taken as it resumes
	 * @param completed whether the close has completed the step that reads a kind
	 * @return each change a completed step cannot see, naming the file and the step, in name order
	 */
	static List<String> unseen(List<InboxFile> before, List<InboxFile> now, Predicate<InboxKind> completed) {
		Map<String, InboxFile> was = byName(before);
		Map<String, InboxFile> is = byName(now);
		TreeSet<String> names = new TreeSet<>(was.keySet());
		names.addAll(is.keySet());
		List<String> changes = new ArrayList<>();
		for (String name : names) {
			InboxFile old = was.get(name);
			InboxFile current = is.get(name);
			InboxKind kind = read(current) ? current.kind() : read(old) ? old.kind() : null;
			if (kind == null || !completed.test(kind)) {
				continue;
			}
			String change = change(old, current);
			if (change != null) {
				changes.add(name + " " + change + " after " + kind.step() + " had read its files");
			}
		}
		return changes;
	}

	/** How a file read before or now changed; {@code null} when it did not. */
	private static String change(InboxFile old, InboxFile current) {
		if (old == null || !read(old) && read(current)) {
			return old == null ? "was added" : "is now read (it was " + old.reason() + ")";
		}
		if (current == null) {
			return "was removed";
		}
		if (!read(current)) {
			return "is no longer read (" + current.reason() + ")";
		}
		if (old.size() != current.size()) {
			return "changed in size (" + old.size() + " bytes, now " + current.size() + ")";
		}
		return null;
	}

	private static boolean read(InboxFile file) {
		return file != null && file.decision() == InboxFile.Decision.READ;
	}

	private static Map<String, InboxFile> byName(List<InboxFile> files) {
		Map<String, InboxFile> byName = new LinkedHashMap<>();
		files.stream().filter(Objects::nonNull).forEach(file -> byName.put(file.sourceName(), file));
		return byName;
	}

}
