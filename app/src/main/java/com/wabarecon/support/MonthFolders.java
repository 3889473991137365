package com.wabarecon.support;

import java.nio.file.Path;

/**
 * Where a month's files are, in the inbox and in the output folder (layout in docs/formats.md).
 * One place, so that every stage agrees on the names.
 */
public final class MonthFolders {

	private MonthFolders() {
	}

	/** {@code <inbox>/directory/<file>}: the directory is not per month. */
	public static Path directoryFile(Path inbox, String file) {
		return inbox.resolve("directory").resolve(file);
	}

	/** {@code <inbox>/<month>/<kind>}, for example {@code usage}, {@code webhooks}, {@code invoice}. */
	public static Path inboxFolder(Path inbox, String month, String kind) {
		return inbox.resolve(month).resolve(kind);
	}

	/** {@code <out>/<month>}: every file the close writes for the month is below it. */
	public static Path outputFolder(Path out, String month) {
		return out.resolve(month);
	}

	/**
	 * {@code <out>/<month>/<clientId>}: one client's statements. The directory import already
	 * keeps client ids to safe names; this checks again that the folder stays inside the month's.
	 */
	public static Path clientFolder(Path out, String month, String clientId) {
		Path monthFolder = outputFolder(out, month).toAbsolutePath().normalize();
		Path folder = monthFolder.resolve(clientId).normalize();
		if (clientId.isBlank() || !folder.startsWith(monthFolder) || folder.equals(monthFolder)) {
			throw new IllegalArgumentException("client id '" + clientId + "' does not name a folder inside " + monthFolder);
		}
		return folder;
	}

	public static Path rejectsFile(Path out, String month) {
		return outputFolder(out, month).resolve("rejects-" + month + ".csv");
	}

}
