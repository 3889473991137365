package com.wabarecon.usage;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.GZIPOutputStream;

import com.wabarecon.support.reject.RejectedRowException;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.batch.infrastructure.item.ExecutionContext;

class NdjsonLineReaderTests {

	@TempDir
	Path dir;

	@Test
	void aGzipFileIsReadLineByLine() throws IOException {
		Path file = write("w.ndjson.gz", gzip("{\"a\":1}\n{\"a\":2}\n{\"a\":3}", true));

		assertThat(readAll(file)).containsExactly("1 {\"a\":1}", "2 {\"a\":2}", "3 {\"a\":3}");
	}

	@Test
	void aGzipStreamCutInsideALineKeepsTheCompleteLinesAndRejectsTheCutOne() throws IOException {
		// given: three whole lines and half of the fourth, and the stream ends there
		Path file = write("w.ndjson.gz", gzip("{\"a\":1}\n{\"a\":2}\n{\"a\":3}\n{\"a\":", false));

		// then
		assertThat(readAll(file)).containsExactly("1 {\"a\":1}", "2 {\"a\":2}", "3 {\"a\":3}",
				"rejected 4 {\"a\":: the gzip stream ends early (the file is truncated): line 4 is incomplete, and nothing "
						+ "after it can be read");
	}

	@Test
	void aGzipStreamCutBetweenTwoLinesRejectsTheLineAfterTheLastOne() throws IOException {
		Path file = write("w.ndjson.gz", gzip("{\"a\":1}\r\n{\"a\":2}\r\n", false));

		assertThat(readAll(file)).containsExactly("1 {\"a\":1}", "2 {\"a\":2}",
				"rejected 3 null: the gzip stream ends early (the file is truncated) after line 2: nothing after it can be read");
	}

	@Test
	void aGzipStreamCutInsideItsHeaderIsOneRejectAtTheFirstLine() throws IOException {
		byte[] whole = gzip("{\"a\":1}\n", true);
		Path file = write("w.NDJSON.GZ", java.util.Arrays.copyOf(whole, 5));

		assertThat(readAll(file)).containsExactly(
				"rejected 1 null: the gzip stream ends early (the file is truncated) before its first line: nothing after it can be read");
	}

	@Test
	void aPlainFileWhoseLastLineHasNoLineBreakKeepsIt() throws IOException {
		Path file = write("w.ndjson", "{\"a\":1}\n{\"a\":2}".getBytes(StandardCharsets.UTF_8));

		assertThat(readAll(file)).containsExactly("1 {\"a\":1}", "2 {\"a\":2}");
	}

	/** The text gzip-compressed; {@code whole} false: the stream as far as the text, without its end (a cut file). */
	static byte[] gzip(String text, boolean whole) throws IOException {
		ByteArrayOutputStream bytes = new ByteArrayOutputStream();
		GZIPOutputStream gzip = new GZIPOutputStream(bytes, true);
		gzip.write(text.getBytes(StandardCharsets.UTF_8));
		if (whole) {
			gzip.close();
		}
		else {
			gzip.flush(); // everything written so far can be decompressed; the final block and trailer never come
		}
		return bytes.toByteArray();
	}

	private Path write(String name, byte[] bytes) throws IOException {
		Path file = dir.resolve(name);
		Files.write(file, bytes);
		return file;
	}

	/** Each line as "line text", each rejection as "rejected line raw: reason". */
	private static List<String> readAll(Path file) {
		NdjsonLineReader reader = new NdjsonLineReader(file, "webhooks/" + file.getFileName());
		reader.open(new ExecutionContext());
		List<String> read = new ArrayList<>();
		try {
			while (true) {
				try {
					TextLine line = reader.read();
					if (line == null) {
						return read;
					}
					read.add(line.source().line() + " " + line.text());
				}
				catch (RejectedRowException ex) {
					read.add("rejected " + ex.source().line() + " " + ex.source().raw() + ": " + ex.reason());
				}
			}
		}
		finally {
			reader.close();
		}
	}

}
