package com.wabarecon.distribution;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/**
 * The check that a worker sees the manager's folders: the statements it writes must reach the
 * manager's delivery, and the usage files it loads must be the manager's. Before it sends a
 * step's partitions, the manager writes {@code <out>/.recon-close/<month>}: its execution's id
 * and the list of the month's inbox files with their sizes (one close of a month runs at a time,
 * so the month names the close). A worker runs a partition only when it finds that file, of its
 * execution, under the same output path, and the same files in the inbox under the same path.
 * The manager removes the file when the step's partitions have ended; one left by a manager that
 * died is replaced by the next close of the month.
 */
public final class SharedFolders {

	static final String FOLDER = ".recon-close";

	private SharedFolders() {
	}

	/** Written by the manager; the same content again when a step after the first writes it. */
	static void write(Path out, Path inbox, String month, long jobExecutionId) {
		try {
			Path marker = marker(out, month);
			Files.createDirectories(marker.getParent());
			List<String> lines = new java.util.ArrayList<>();
			lines.add(execution(jobExecutionId));
			lines.addAll(listing(inbox, month));
			Files.writeString(marker, String.join("\n", lines), StandardCharsets.UTF_8);
		}
		catch (IOException ex) {
			throw new UncheckedIOException("the output folder " + out + " cannot be written: " + ex.getMessage(), ex);
		}
	}

	/**
	 * Why this worker does not share the manager's folders, or {@code null} when it does.
	 */
	static String problem(Path out, Path inbox, String month, long jobExecutionId) {
		Path marker = marker(out, month);
		if (!Files.isRegularFile(marker)) {
			return "this worker does not see the manager's output folder " + out + " (no " + marker.getFileName()
					+ " in " + marker.getParent() + "): mount the shared output folder at the same path on every worker";
		}
		try {
			List<String> managers = Files.readAllLines(marker, StandardCharsets.UTF_8);
			if (managers.isEmpty() || !managers.get(0).equals(execution(jobExecutionId))) {
				return "the manager's output folder " + out + " holds " + (managers.isEmpty() ? "nothing" : managers.get(0))
						+ " for " + month + ", not " + execution(jobExecutionId) + ": is this worker's output folder "
						+ "the manager's?";
			}
			managers = managers.subList(1, managers.size());
			List<String> mine = listing(inbox, month);
			if (!managers.equals(mine)) {
				return "this worker does not see the manager's inbox " + inbox.resolve(month) + " (the manager lists "
						+ managers.size() + " files, this worker " + mine.size() + " or other sizes): mount the shared "
						+ "inbox at the same path on every worker";
			}
			return null;
		}
		catch (IOException | UncheckedIOException ex) {
			return "this worker cannot read the shared folders: " + ex.getMessage();
		}
	}

	static void remove(Path out, String month) {
		try {
			Files.deleteIfExists(marker(out, month));
		}
		catch (IOException ex) {
			// a marker left behind holds a file list and nothing else
		}
	}

	private static Path marker(Path out, String month) {
		return out.resolve(FOLDER).resolve(month);
	}

	private static String execution(long jobExecutionId) {
		return "execution " + jobExecutionId;
	}

	/** "usage/a.csv 1234", one line per file under the month's inbox folder, in name order. */
	private static List<String> listing(Path inbox, String month) {
		Path folder = inbox.resolve(month);
		if (!Files.isDirectory(folder)) {
			return List.of();
		}
		try (Stream<Path> files = Files.walk(folder)) {
			return files.filter(Files::isRegularFile)
				.map(file -> folder.relativize(file).toString().replace('\\', '/') + " " + size(file))
				.sorted()
				.toList();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	private static long size(Path file) {
		try {
			return Files.size(file);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

}
