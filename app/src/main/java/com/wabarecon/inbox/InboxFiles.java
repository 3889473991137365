package com.wabarecon.inbox;

import java.nio.file.Path;

/**
 * Input files' names as the rejects and the run summary show them: relative to the inbox.
 */
public final class InboxFiles {

	private InboxFiles() {
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
