package com.wabarecon.bench;

import java.io.BufferedWriter;
import java.io.Closeable;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * A small CSV file written row by row: RFC 4180 quoting where a field needs it, LF line ends
 * (the same bytes on every system). Not thread-safe.
 */
final class CsvFile implements Closeable {

	private final BufferedWriter out;

	private long rows;

	CsvFile(Path file, String header) throws IOException {
		Files.createDirectories(file.getParent());
		this.out = Files.newBufferedWriter(file, StandardCharsets.UTF_8);
		out.write(header);
		out.write('\n');
	}

	void row(Object... fields) throws IOException {
		for (int i = 0; i < fields.length; i++) {
			if (i > 0) {
				out.write(',');
			}
			out.write(quoted(fields[i] == null ? "" : fields[i].toString()));
		}
		out.write('\n');
		rows++;
	}

	long rows() {
		return rows;
	}

	private static String quoted(String field) {
		if (field.indexOf(',') < 0 && field.indexOf('"') < 0 && field.indexOf('\n') < 0 && field.indexOf(';') < 0) {
			return field;
		}
		return '"' + field.replace("\"", "\"\"") + '"';
	}

	@Override
	public void close() throws IOException {
		out.close();
	}

}
