package com.wabarecon.statement;

import java.io.IOException;
import java.io.OutputStream;

/**
 * Renders a client's statement as one kind of file (PDF for people, XLSX for their
 * accountants). Implementations are thread-safe: they keep no state between statements.
 */
interface StatementRenderer {

	/** The extension of the files it renders, without the dot: {@code pdf}, {@code xlsx}. */
	String extension();

	/** Writes the whole file to {@code out}; does not close it. */
	void render(Statement statement, OutputStream out) throws IOException;

}
