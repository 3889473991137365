package com.wabarecon.support.accounting;

/**
 * What became of one input file's rows: {@code read = loaded + rejected + skipped}.
 *
 * @param sourceFile the file, relative to the inbox
 * @param sha256 its checksum, or {@code null} when it could not be read
 * @param note what the step says about the file as a whole (a warning, why it was refused)
 */
public record FileCounts(String stepName, String sourceFile, String sha256, long read, long loaded, long rejected,
		long skipped, String note) {

	/** True when every row read is accounted for. */
	public boolean balanced() {
		return read == loaded + rejected + skipped;
	}

}
