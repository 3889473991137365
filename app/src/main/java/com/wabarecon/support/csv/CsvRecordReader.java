package com.wabarecon.support.csv;

import java.io.IOException;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;
import java.util.function.Function;

import com.opencsv.CSVReader;
import com.opencsv.CSVReaderBuilder;
import com.opencsv.ICSVParser;
import com.opencsv.RFC4180ParserBuilder;
import com.opencsv.exceptions.CsvMalformedLineException;
import com.opencsv.exceptions.CsvMultilineLimitBrokenException;
import com.wabarecon.support.reject.InputFileException;
import com.wabarecon.support.reject.RejectedRowException;
import com.wabarecon.support.reject.RowSource;

import org.springframework.batch.infrastructure.item.ExecutionContext;
import org.springframework.batch.infrastructure.item.ItemStreamException;
import org.springframework.batch.infrastructure.item.ItemStreamReader;

/**
 * Streams the records of a CSV file with the line each starts on and its raw text, for the
 * import steps. Forgiving in form: a UTF-8 byte order mark, CRLF line ends, {@code ;} or tab
 * as the separator (detected from the header) and quoted fields spanning lines are all read.
 * Strict in content: a record whose field count differs from the header's, with bytes that
 * are not UTF-8, or with a quote that never closes is thrown as a {@link RejectedRowException}
 * (a skip in read) and the next record is read normally. A missing file or a header without a
 * required column fails the step with an {@link InputFileException}.
 * <p>
 * OpenCSV's reader assembles the records (RFC 4180); this class finds the header and judges
 * each record. Keeps no restart state: a restarted step reads the file again from the top, and
 * the steps are written so that reading again replaces what the first attempt loaded. Not
 * thread-safe.
 */
public class CsvRecordReader implements ItemStreamReader<CsvRecord> {

	/**
	 * A quoted field still open after this many lines is taken as a quote that never closes; the
	 * line read past them goes with the rejected record.
	 */
	private static final int MAX_LINES_PER_RECORD = 10_000;

	private static final char REPLACEMENT = '\uFFFD';

	private final Path file;

	private final String sourceName;

	private final Function<CsvHeader, List<String>> missingColumns;

	private final int maxTitleLines;

	private RecordLines lines;

	private CsvHeader header;

	private char separator;

	private CSVReader records;

	public CsvRecordReader(Path file, String sourceName, List<String> requiredColumns) {
		this(file, sourceName, header -> header.missing(requiredColumns), 0);
	}

	/**
	 * A reader for files whose header may stand below title lines (exports made for people, such
	 * as an invoice): the header is the first of the first {@code maxTitleLines + 1} non-blank
	 * lines that lacks no required column; the lines above it are not records.
	 * @param missingColumns the required columns a candidate header lacks, as the error should
	 * name them (a header with other names for the columns can be matched this way)
	 */
	public CsvRecordReader(Path file, String sourceName, Function<CsvHeader, List<String>> missingColumns,
			int maxTitleLines) {
		this.file = file;
		this.sourceName = sourceName;
		this.missingColumns = missingColumns;
		this.maxTitleLines = maxTitleLines;
	}

	@Override
	public void open(ExecutionContext executionContext) throws ItemStreamException {
		try {
			lines = RecordLines.open(file);
		}
		catch (NoSuchFileException ex) {
			throw new InputFileException(sourceName + ": file not found (" + file.toAbsolutePath() + ")");
		}
		catch (IOException ex) {
			throw new InputFileException(sourceName + ": cannot be read: " + ex.getMessage(), ex);
		}
		readHeader();
		records = records();
	}

	private void readHeader() {
		HeaderSearch.Candidate<HeaderLine> found = HeaderSearch.find(this::nextHeaderLine, maxTitleLines,
				line -> missingColumns.apply(line.header()));
		if (found == null) {
			throw new InputFileException(sourceName + ": the file is empty (a header line naming the columns "
					+ String.join(", ", missingColumns.apply(new CsvHeader(new String[0]))) + " is expected)");
		}
		if (!found.isHeader()) {
			throw new InputFileException(sourceName + " line " + found.row().number() + ": "
					+ found.refusal(found.row().header().names()));
		}
		header = found.row().header();
		separator = found.row().separator();
	}

	/** A non-blank line offered as the header (a header is one line), split by the separator that splits it most. */
	private record HeaderLine(long number, char separator, CsvHeader header) {
	}

	private HeaderLine nextHeaderLine() {
		String line = nextLine();
		while (line != null && line.isBlank()) {
			line = nextLine();
		}
		if (line == null) {
			return null;
		}
		char separator = separatorOf(line);
		try {
			return new HeaderLine(lines.number(), separator, new CsvHeader(parser(separator).parseLine(line)));
		}
		catch (IOException ex) { // RFC4180Parser never throws it; ICSVParser declares it
			throw new InputFileException(
					sourceName + " line " + lines.number() + ": unreadable header: " + ex.getMessage());
		}
	}

	private String nextLine() {
		lines.startRecord(); // lines above the data are not kept
		try {
			return lines.readLine();
		}
		catch (IOException ex) {
			throw unreadable(ex);
		}
	}

	/** The separator that splits the header into the most columns: comma, semicolon or tab. */
	static char separatorOf(String headerLine) {
		char best = ',';
		long bestCount = headerLine.chars().filter(c -> c == ',').count();
		for (char candidate : new char[] { ';', '\t' }) {
			long count = headerLine.chars().filter(c -> c == candidate).count();
			if (count > bestCount) {
				best = candidate;
				bestCount = count;
			}
		}
		return best;
	}

	private static ICSVParser parser(char separator) {
		return new RFC4180ParserBuilder().withSeparator(separator).build();
	}

	/** OpenCSV's reader of the records from the next line on; a new one starts outside any quoted field. */
	private CSVReader records() {
		return new CSVReaderBuilder(lines).withCSVParser(parser(separator))
			.withMultilineLimit(MAX_LINES_PER_RECORD)
			.withVerifyReader(false) // the reader is ours and open; checking costs a mark and reset per line
			.build();
	}

	@Override
	public CsvRecord read() {
		lines.startRecord();
		String[] values;
		try {
			values = records.readNextSilently();
		}
		catch (CsvMalformedLineException ex) { // the file ends inside a quoted field
			records = records();
			throw reject(lines.record(), "a quoted field opened here is never closed");
		}
		catch (CsvMultilineLimitBrokenException ex) {
			records = records();
			throw reject(lines.recordButLastLine(), "a quoted field opened here is never closed");
		}
		catch (IOException ex) {
			throw unreadable(ex);
		}
		if (values == null) {
			return null;
		}
		String raw = lines.record();
		if (raw.indexOf(REPLACEMENT) >= 0) {
			throw reject(raw, "contains bytes that are not valid UTF-8");
		}
		CsvRecord record = new CsvRecord(RowSource.atLine(sourceName, lines.firstLine(), raw), header, values);
		if (!record.isBlank() && values.length != header.size()) {
			throw reject(raw, "has " + values.length + " fields where the header has " + header.size());
		}
		return record;
	}

	private RejectedRowException reject(String raw, String reason) {
		return new RejectedRowException(RowSource.atLine(sourceName, lines.firstLine(), raw), reason);
	}

	private InputFileException unreadable(IOException ex) {
		return new InputFileException(
				sourceName + " line " + (lines.number() + 1) + ": cannot be read: " + ex.getMessage(), ex);
	}

	@Override
	public void close() throws ItemStreamException {
		if (lines != null) {
			try {
				lines.close();
			}
			catch (IOException ex) {
				throw new ItemStreamException("Cannot close " + sourceName, ex);
			}
			lines = null;
		}
	}

}
