package com.wabarecon.inbox;

import java.nio.file.Path;

/**
 * One file under the inbox and what the close does with it.
 *
 * @param sourceName the file relative to the inbox, as rejects and summaries name it
 * @param kind the step that reads it; {@code null} for a file no step reads
 * @param reason why it is refused or not read; {@code null} when it is read
 * @param sha256 its checksum where the inventory took it (files of one kind and size), else {@code null}
 */
record InboxFile(String sourceName, Path path, InboxKind kind, Decision decision, String reason, long size,
		String sha256) {

	/** What the close does with a file. */
	public enum Decision {

		/** A step reads it. */
		READ,
		/** It is of a kind the close reads, but refused whole (a copy of another file, unreadable). */
		REFUSED,
		/** No step reads it (another extension, a folder where files are expected, a hidden file). */
		NOT_READ

	}

	static InboxFile read(String sourceName, Path path, InboxKind kind, long size) {
		return new InboxFile(sourceName, path, kind, Decision.READ, null, size, null);
	}

	static InboxFile notRead(String sourceName, Path path, String reason, long size) {
		return new InboxFile(sourceName, path, null, Decision.NOT_READ, reason, size, null);
	}

	InboxFile refused(String why, String checksum) {
		return new InboxFile(sourceName, path, kind, Decision.REFUSED, why, size, checksum);
	}

	InboxFile withSha256(String checksum) {
		return new InboxFile(sourceName, path, kind, decision, reason, size, checksum);
	}

}
