package com.wabarecon.support.csv;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import com.wabarecon.support.reject.InputFileException;
import com.wabarecon.support.reject.RejectedRowException;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.batch.infrastructure.item.ExecutionContext;

class CsvRecordReaderTests {

	private static final List<String> COLUMNS = List.of("id", "name");

	@TempDir
	Path dir;

	@Test
	void readsBomCrlfAndQuotedNewlinesWithTheLineEachRecordStartsOn() throws IOException {
		// given
		Path file = write("\uFEFFid,name\r\n1,plain\r\n2,\"two\nlines\"\r\n\r\n3,\"quoted, comma\"\r\n");

		// when
		List<Object> read = readAll(file);

		// then
		assertThat(read).hasSize(4);
		CsvRecord second = (CsvRecord) read.get(1);
		assertThat(second.text("name")).isEqualTo("two\nlines");
		assertThat(second.source().line()).isEqualTo(3);
		assertThat(second.source().raw()).isEqualTo("2,\"two\nlines\"");
		assertThat(((CsvRecord) read.get(2)).isBlank()).isTrue();
		CsvRecord fourth = (CsvRecord) read.get(3);
		assertThat(fourth.source().line()).isEqualTo(6);
		assertThat(fourth.text("NAME")).isEqualTo("quoted, comma");
	}

	@Test
	void detectsSemicolonAsTheSeparator() throws IOException {
		Path file = write("id;name\n1;Ünïcödé;\n2;b\n");

		List<Object> read = readAll(file);

		assertThat(read.get(0)).isInstanceOf(RejectedRowException.class);
		assertThat(((RejectedRowException) read.get(0)).reason()).isEqualTo("has 3 fields where the header has 2");
		assertThat(((CsvRecord) read.get(1)).text("name")).isEqualTo("b");
	}

	@Test
	void rejectsRowsWithBytesThatAreNotUtf8AndKeepsReadingTheNextOnes() throws IOException {
		Path file = dir.resolve("latin1.csv");
		Files.write(file, "id,name\n1,M\u00fcller\n2,ok\n".getBytes(StandardCharsets.ISO_8859_1));

		List<Object> read = readAll(file);

		assertThat(read).hasSize(2);
		RejectedRowException rejected = (RejectedRowException) read.get(0);
		assertThat(rejected.source().line()).isEqualTo(2);
		assertThat(rejected.reason()).contains("not valid UTF-8");
		assertThat(((CsvRecord) read.get(1)).text("name")).isEqualTo("ok");
	}

	@Test
	void rejectsAQuoteThatNeverClosesWithTheLineItOpenedOn() throws IOException {
		Path file = write("id,name\n1,ok\n2,\"never closed\n3,lost\n");

		List<Object> read = readAll(file);

		assertThat(read).hasSize(2);
		RejectedRowException rejected = (RejectedRowException) read.get(1);
		assertThat(rejected.getMessage()).startsWith("test.csv line 3: a quoted field opened here is never closed");
	}

	@Test
	void takesAQuoteStillOpenAfterTenThousandLinesAsNeverClosedAndReadsOnPastIt() throws IOException {
		StringBuilder content = new StringBuilder("id,name\n1,\"opened\n");
		content.append("x\n".repeat(9_999)).append("past the limit\n3,after\n");
		Path file = write(content.toString());

		List<Object> read = readAll(file);

		assertThat(read).hasSize(2);
		RejectedRowException rejected = (RejectedRowException) read.get(0);
		assertThat(rejected.source().line()).isEqualTo(2);
		assertThat(rejected.reason()).isEqualTo("a quoted field opened here is never closed");
		assertThat(rejected.source().raw()).as("the record's 10,000 lines").startsWith("1,\"opened\nx\n").endsWith("\nx")
			.hasLineCount(10_000);
		CsvRecord after = (CsvRecord) read.get(1);
		assertThat(after.source().line()).isEqualTo(10_003);
		assertThat(after.text("name")).isEqualTo("after");
	}

	@Test
	void aByteOrderMarkOpensTheFileAndIsNoLineOfItsOwn() throws IOException {
		Path file = write("\uFEFF\nid,name\n1,a\n");

		List<Object> read = readAll(file);

		assertThat(((CsvRecord) read.get(0)).text("name")).isEqualTo("a");
		assertThat(((CsvRecord) read.get(0)).source().line()).isEqualTo(3);
	}

	@Test
	void failsTheFileWhenARequiredColumnIsMissingNamingIt() throws IOException {
		Path file = write("id,label\n1,x\n");
		CsvRecordReader reader = new CsvRecordReader(file, "test.csv", COLUMNS);

		assertThatThrownBy(() -> reader.open(new ExecutionContext())).isInstanceOf(InputFileException.class)
			.hasMessage("test.csv line 1: missing required column(s) name (the header has: id, label)");
	}

	@Test
	void failsAnEmptyFileAndAMissingOneClearly() throws IOException {
		Path empty = write("");
		assertThatThrownBy(() -> new CsvRecordReader(empty, "test.csv", COLUMNS).open(new ExecutionContext()))
			.isInstanceOf(InputFileException.class)
			.hasMessageStartingWith("test.csv: the file is empty");
		assertThatThrownBy(
				() -> new CsvRecordReader(dir.resolve("absent.csv"), "absent.csv", COLUMNS).open(new ExecutionContext()))
			.isInstanceOf(InputFileException.class)
			.hasMessageStartingWith("absent.csv: file not found");
	}

	@Test
	void findsTheHeaderBelowTitleLinesWhenAllowedAndNamesTheClosestCandidateWhenNoneFits() throws IOException {
		Path titled = write("Meta Platforms Ireland Limited\n\n\"Invoice lines, September\"\nid;name\n1;a\n");
		CsvRecordReader reader = new CsvRecordReader(titled, "test.csv", header -> header.missing(COLUMNS), 3);
		reader.open(new ExecutionContext());
		CsvRecord first = reader.read();
		assertThat(first.text("name")).isEqualTo("a");
		assertThat(first.source().line()).isEqualTo(5);
		reader.close();

		Path noHeader = write("Title\nid;label;x\n1;a;b\n");
		assertThatThrownBy(() -> new CsvRecordReader(noHeader, "test.csv", header -> header.missing(COLUMNS), 5)
			.open(new ExecutionContext())).isInstanceOf(InputFileException.class)
			.hasMessage("test.csv line 2: missing required column(s) name (the header has: id, label, x)");
	}

	private Path write(String content) throws IOException {
		Path file = dir.resolve("test.csv");
		Files.writeString(file, content, StandardCharsets.UTF_8);
		return file;
	}

	/** Records, and the rejections thrown in their place, in file order. */
	private static List<Object> readAll(Path file) {
		CsvRecordReader reader = new CsvRecordReader(file, "test.csv", COLUMNS);
		reader.open(new ExecutionContext());
		List<Object> read = new ArrayList<>();
		while (true) {
			try {
				CsvRecord record = reader.read();
				if (record == null) {
					break;
				}
				read.add(record);
			}
			catch (RejectedRowException ex) {
				read.add(ex);
			}
		}
		reader.close();
		return read;
	}

}
