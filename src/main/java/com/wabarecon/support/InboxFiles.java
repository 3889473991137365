package com.wabarecon.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.function.Predicate;
import java.util.stream.Stream;

/**
 * The input files of one kind in an inbox folder, in name order (so runs read them in the same
 * order), and their names as the rejects and the run summary show them: relative to the inbox.
 */
public final class InboxFiles {

	private InboxFiles() {
	}

	/** Regular files directly in the folder whose name passes the filter; none when the folder is absent. */
	public static List<Path> list(Path folder, Predicate<String> nameFilter) {
		if (!Files.isDirectory(folder)) {
			return List.of();
		}
		try (Stream<Path> files = Files.list(folder)) {
			return files.filter(Files::isRegularFile)
				.filter(file -> nameFilter.test(file.getFileName().toString()))
				.sorted()
				.toList();
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Cannot list " + folder, ex);
		}
	}

	/** {@code 2025-09/usage/ch_001.json} for a file under the inbox; the absolute path otherwise. */
	public static String sourceName(Path inbox, Path file) {
		Path absoluteInbox = inbox.toAbsolutePath().normalize();
		Path absoluteFile = file.toAbsolutePath().normalize();
		if (absoluteFile.startsWith(absoluteInbox)) {
			return absoluteInbox.relativize(absoluteFile).toString().replace('\\', '/');
		}
		return absoluteFile.toString();
	}

}
