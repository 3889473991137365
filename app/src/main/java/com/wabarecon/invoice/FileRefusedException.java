package com.wabarecon.invoice;

import com.wabarecon.support.reject.RowSource;

/**
 * An invoice file that cannot be loaded at all (unreadable, corrupt, password-protected, no
 * header with the required columns, or another month's invoice). Unlike the directory, an
 * invoice folder may hold several files: the step rejects this one whole, notes why in the
 * file's accounting, and loads the others.
 */
class FileRefusedException extends RuntimeException {

	private final RowSource source;

	FileRefusedException(RowSource source, String reason) {
		super(reason);
		this.source = source;
	}

	FileRefusedException(RowSource source, String reason, Throwable cause) {
		super(reason, cause);
		this.source = source;
	}

	/** The file, and the line that shows the problem when there is one. */
	RowSource source() {
		return source;
	}

}
