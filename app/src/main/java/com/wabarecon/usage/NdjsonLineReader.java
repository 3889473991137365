package com.wabarecon.usage;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;

import com.wabarecon.support.reject.InputFileException;
import com.wabarecon.support.reject.RejectedRowException;
import com.wabarecon.support.reject.RowSource;

import org.springframework.batch.infrastructure.item.ExecutionContext;
import org.springframework.batch.infrastructure.item.ItemStreamReader;

/**
 * Streams the lines of a {@code .ndjson} file, or of a {@code .ndjson.gz} one through gzip,
 * each with its line number and text. A UTF-8 byte order mark before the first line is
 * dropped; a line with bytes that are not UTF-8 is rejected (its text would be a guess), and
 * the next line is read normally. A gzip stream that ends early or is corrupt ({@link FileBytes})
 * keeps every complete line before the break; the break is one rejection, at the incomplete
 * line it cut (a line is only whole with its line break, so the last line is read one line
 * ahead), or at the line after the last one when it fell between lines, and ends the file.
 * Not thread-safe; no restart state.
 */
class NdjsonLineReader implements ItemStreamReader<TextLine> {

	private static final char BOM = '\uFEFF';

	/** What the decoder puts in place of bytes that are not UTF-8. */
	private static final char REPLACEMENT = '\uFFFD';

	private final Path file;

	private final String sourceName;

	private FileBytes bytes;

	private BufferedReader in;

	private long line;

	/** The line after the one returned last, read ahead; {@code null} at the end. */
	private String ahead;

	NdjsonLineReader(Path file, String sourceName) {
		this.file = file;
		this.sourceName = sourceName;
	}

	@Override
	public void open(ExecutionContext executionContext) {
		try {
			bytes = FileBytes.open(file);
			in = new BufferedReader(new InputStreamReader(bytes, StandardCharsets.UTF_8.newDecoder()
				.onMalformedInput(CodingErrorAction.REPLACE)
				.onUnmappableCharacter(CodingErrorAction.REPLACE)), 1 << 16);
			ahead = in.readLine();
		}
		catch (IOException ex) {
			close();
			throw new InputFileException(sourceName + ": cannot be read: " + ex.getMessage(), ex);
		}
	}

	@Override
	public TextLine read() {
		if (in == null) {
			return null;
		}
		try {
			String text = ahead;
			if (text == null) {
				return end();
			}
			ahead = in.readLine();
			line++;
			if (ahead == null && bytes.broken() != null && !bytes.endsWithLineBreak()) {
				close();
				throw new RejectedRowException(RowSource.atLine(sourceName, line, text),
						bytes.broken() + ": line " + line + " is incomplete, and nothing after it can be read");
			}
			if (line == 1 && !text.isEmpty() && text.charAt(0) == BOM) {
				text = text.substring(1);
			}
			if (text.indexOf(REPLACEMENT) >= 0) {
				throw new RejectedRowException(RowSource.atLine(sourceName, line, text),
						"contains bytes that are not valid UTF-8");
			}
			return new TextLine(RowSource.atLine(sourceName, line, text), text);
		}
		catch (IOException ex) {
			close();
			throw new RejectedRowException(new RowSource(sourceName, line + 1, null, null),
					"the file cannot be read further (" + ex.getMessage() + "); lines after " + line + " are lost");
		}
	}

	/** The end of the file: a break between two lines is rejected at the line that would have come next. */
	private TextLine end() {
		String broken = bytes.broken();
		close();
		if (broken != null) {
			throw new RejectedRowException(new RowSource(sourceName, line + 1, null, null), broken
					+ (line == 0 ? " before its first line" : " after line " + line) + ": nothing after it can be read");
		}
		return null;
	}

	@Override
	public void close() {
		if (in != null) {
			try {
				in.close();
			}
			catch (IOException ex) {
				// read-only: nothing to lose
			}
			in = null;
		}
	}

}
