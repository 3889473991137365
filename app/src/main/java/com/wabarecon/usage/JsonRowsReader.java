package com.wabarecon.usage;

import java.io.IOException;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonStreamContext;
import com.fasterxml.jackson.core.JsonToken;
import com.wabarecon.support.reject.InputFileException;
import com.wabarecon.support.reject.RejectedRowException;
import com.wabarecon.support.reject.RowSource;

import org.springframework.batch.infrastructure.item.ExecutionContext;
import org.springframework.batch.infrastructure.item.ItemStreamReader;

/**
 * Streams the rows of one JSON usage document: the elements of the top-level {@code usage}
 * array, or of every {@code data_points} array inside Meta's {@code pricing_analytics}
 * envelope (of a call analytics export, {@link #calls}: inside {@code call_analytics}), each with its line, column and index, and with the document's top-level scalar
 * fields, which may come after the rows. A document of up to {@value #LOOK_AHEAD_ROWS} rows (a
 * channel's month, nearly always) is read once, its rows held until its end; a longer one is
 * read twice, a first pass collecting the top-level fields and the second streaming the rows,
 * so that memory stays bounded whatever the file's size. A syntax error is thrown once as a
 * rejection naming line and column, and ends the file: the rows before it stand, the next file
 * is read normally. A {@code .gz} file (any case) is read through gzip; a gzip stream that ends
 * early or is corrupt ({@link FileBytes}) is such an error, said as what it is.
 * <p>
 * A JSON object that gives a name twice holds two values for one field, and which was meant
 * cannot be known (a tree keeps the last, silently): a row that repeats a name is rejected
 * naming it; a document whose top level repeats one (two {@code channel_id}s, two
 * {@code usage} arrays) has every row rejected naming it, each counted, as the rows of a
 * refused invoice are. The rows are checked one by one as they stream, so a repeated name
 * never stops the rest of the file.
 * <p>
 * Not thread-safe; no restart state (the step reads its files again from the top).
 */
class JsonRowsReader implements ItemStreamReader<JsonRow> {

	static final String ROWS = "usage";

	static final String ENVELOPE = "pricing_analytics";

	static final String ENVELOPE_ROWS = "data_points";

	/** The rows held while the document is read to its end in one pass. */
	static final int LOOK_AHEAD_ROWS = 10_000;

	/** A call analytics export: rows only in {@code data_points}, inside Meta's {@code call_analytics}. */
	static final String CALL_ENVELOPE = "call_analytics";

	private final Path file;

	private final String sourceName;

	/** The top-level array of rows ({@code null}: none), the envelope's name, what such a file is called. */
	private final String rowsName;

	private final String envelopeName;

	private final String what;

	private final int lookAheadRows;

	private final Map<String, String> document = new HashMap<>();

	/** The names the document's top level gives, and those it gives more than once. */
	private final Set<String> topLevelNames = new HashSet<>();

	private final Set<String> repeatedTopLevelNames = new LinkedHashSet<>();

	private final ArrayDeque<JsonRow> ahead = new ArrayDeque<>();

	private boolean envelope;

	private boolean rowsSeen;

	private JsonParser parser;

	/** The bytes under {@link #parser}: whether they broke off. */
	private FileBytes bytes;

	private long index;

	/** Whether the first pass read the whole document: the rows ahead are all there are. */
	private boolean readWhole;

	/** A syntax error met while reading ahead, thrown after the rows before it. */
	private RejectedRowException syntaxError;

	private boolean finished;

	JsonRowsReader(Path file, String sourceName) {
		this(file, sourceName, LOOK_AHEAD_ROWS);
	}

	JsonRowsReader(Path file, String sourceName, int lookAheadRows) {
		this(file, sourceName, lookAheadRows, ROWS, ENVELOPE, "a usage export");
	}

	private JsonRowsReader(Path file, String sourceName, int lookAheadRows, String rowsName, String envelopeName,
			String what) {
		this.file = file;
		this.sourceName = sourceName;
		this.lookAheadRows = lookAheadRows;
		this.rowsName = rowsName;
		this.envelopeName = envelopeName;
		this.what = what;
	}

	/** The data points of a call analytics export ({@code call_analytics}, {@code data_points}, or both under {@code data}). */
	static JsonRowsReader calls(Path file, String sourceName) {
		return new JsonRowsReader(file, sourceName, LOOK_AHEAD_ROWS, null, CALL_ENVELOPE, "a call analytics export");
	}

	@Override
	public void open(ExecutionContext executionContext) {
		parser = createParser();
		try {
			JsonToken first = parser.nextToken();
			if (first == null || first != JsonToken.START_OBJECT) {
				close();
				throw new InputFileException(first == null ? sourceName + ": the file is empty"
						: sourceName + " line 1: expected a JSON object, found " + first.asString());
			}
			readAhead();
		}
		catch (JsonProcessingException ex) {
			syntaxError = syntaxError(ex);
			readWhole = true;
		}
		catch (IOException ex) {
			throw new InputFileException(sourceName + ": cannot be read: " + ex.getMessage(), ex);
		}
	}

	/**
	 * One pass, holding the rows, to the document's end; past {@link #lookAheadRows} rows, the
	 * top-level fields are collected by a pass of their own and the rows streamed from the top.
	 */
	private void readAhead() throws IOException {
		JsonRow row;
		while ((row = next(true)) != null) {
			ahead.add(row);
			if (ahead.size() > lookAheadRows) {
				ahead.clear();
				close();
				document.clear();
				topLevelNames.clear();
				repeatedTopLevelNames.clear();
				envelope = false;
				rowsSeen = false;
				index = 0;
				scanTopLevel();
				parser = createParser();
				return;
			}
		}
		readWhole = true;
	}

	/** A parser of the file from its top; its bytes become {@link #bytes} (the reading parser is always made last). */
	private JsonParser createParser() {
		try {
			bytes = FileBytes.open(file);
			return JsonDocuments.FACTORY.createParser(bytes);
		}
		catch (NoSuchFileException ex) {
			throw new InputFileException(sourceName + ": file not found");
		}
		catch (IOException ex) {
			throw new InputFileException(sourceName + ": cannot be read: " + ex.getMessage(), ex);
		}
	}

	/** First pass of a long document: the top-level scalars, skipping arrays and objects without building them. */
	private void scanTopLevel() {
		try (JsonParser scan = createParser()) {
			scan.nextToken(); // the top object, checked when opened
			while (scan.nextToken() == JsonToken.FIELD_NAME) {
				String name = scan.currentName();
				topLevelName(name);
				JsonToken value = scan.nextToken();
				if (value.isScalarValue()) {
					document.put(name, value == JsonToken.VALUE_NULL ? null : scan.getText());
				}
				else {
					envelope |= envelopeName.equals(name);
					rowsSeen |= rowsName != null && rowsName.equals(name) && value == JsonToken.START_ARRAY;
					scan.skipChildren();
				}
			}
		}
		catch (JsonProcessingException ex) {
			// the second pass reports it, with the rows before it loaded
		}
		catch (IOException ex) {
			throw new InputFileException(sourceName + ": cannot be read: " + ex.getMessage(), ex);
		}
	}

	@Override
	public JsonRow read() {
		if (!ahead.isEmpty()) {
			JsonRow row = ahead.poll();
			// an envelope that comes after rows makes them all the envelope's, as on a first pass
			return checked(row.envelope() == envelope ? row : new JsonRow(row.source(), document, envelope, row.row()));
		}
		if (finished) {
			return null;
		}
		finished = readWhole;
		try {
			JsonRow row = readWhole ? null : next(false);
			if (row != null) {
				finished = false;
				return checked(row);
			}
		}
		catch (JsonProcessingException ex) {
			syntaxError = syntaxError(ex);
		}
		catch (IOException ex) {
			throw new InputFileException(sourceName + ": cannot be read: " + ex.getMessage(), ex);
		}
		finished = true;
		if (syntaxError != null) {
			throw syntaxError;
		}
		if (bytes != null && bytes.broken() != null) {
			// the document ended whole, and the gzip stream's check of it failed after it
			throw new RejectedRowException(new RowSource(sourceName, null, "end of file", null),
					bytes.broken() + ": the rows before it may not be what was written");
		}
		if (!rowsSeen && !envelope) {
			throw new RejectedRowException(RowSource.wholeFile(sourceName), (rowsName == null ? ""
					: "no '" + rowsName + "' array and ") + "no '" + envelopeName + "' envelope: not " + what);
		}
		return null;
	}

	/** The row, unless it or its document gives a name twice: which value was meant cannot be known. */
	private JsonRow checked(JsonRow row) {
		if (!repeatedTopLevelNames.isEmpty()) {
			throw new RejectedRowException(row.source(), "the document's top level gives "
					+ names(repeatedTopLevelNames) + " more than once: which value holds cannot be known");
		}
		if (row.row().repeated() != null) {
			throw new RejectedRowException(row.source(),
					"the row gives '" + row.row().repeated() + "' more than once: which value holds cannot be known");
		}
		return row;
	}

	private static String names(Set<String> names) {
		return names.stream().map(name -> "'" + name + "'").collect(Collectors.joining(", "));
	}

	private void topLevelName(String name) {
		if (!topLevelNames.add(name)) {
			repeatedTopLevelNames.add(name);
		}
	}

	/**
	 * The next row, or {@code null} at the document's end; with {@code collect}, the top-level
	 * scalar fields met on the way go into the document.
	 */
	private JsonRow next(boolean collect) throws IOException {
		JsonToken token;
		while ((token = parser.nextToken()) != null) {
			JsonStreamContext context = parser.getParsingContext();
			if (token == JsonToken.START_OBJECT && isRow(context.getParent())) {
				JsonLocation at = parser.currentTokenLocation();
				String arrayName = context.getParent().getParent().getCurrentName();
				RowFields row = RowFields.read(parser);
				RowSource source = RowSource.withLazyRaw(sourceName, (long) at.getLineNr(),
						"column " + at.getColumnNr() + ", " + arrayName + "[" + index++ + "]", row::toString);
				return new JsonRow(source, document, envelope, row);
			}
			if (collect) {
				collect(token, context);
			}
		}
		return null;
	}

	/** A top-level scalar into the document; the top-level containers that make a usage export noted. */
	private void collect(JsonToken token, JsonStreamContext context) throws IOException {
		if (token == JsonToken.FIELD_NAME && context.getParent() != null && context.getParent().inRoot()) {
			topLevelName(parser.currentName());
		}
		else if (token.isScalarValue() && context.inObject() && context.getParent().inRoot()) {
			document.put(parser.currentName(), token == JsonToken.VALUE_NULL ? null : parser.getText());
		}
		else if (token.isStructStart() && context.getParent() != null && context.getParent().inObject()
				&& context.getParent().getParent().inRoot()) {
			String name = context.getParent().getCurrentName();
			envelope |= envelopeName.equals(name);
			rowsSeen |= rowsName != null && rowsName.equals(name) && token == JsonToken.START_ARRAY;
		}
	}

	private RejectedRowException syntaxError(JsonProcessingException ex) {
		JsonLocation at = ex.getLocation();
		RowSource source = new RowSource(sourceName, at == null ? null : (long) at.getLineNr(),
				at == null ? null : "column " + at.getColumnNr(), null);
		if (bytes != null && bytes.broken() != null) {
			return new RejectedRowException(source, bytes.broken() + ", the rest of the file is not read");
		}
		return new RejectedRowException(source, "JSON syntax error, the rest of the file is not read: " + ex.getOriginalMessage());
	}

	/** An object directly inside {@code usage} of the top object, or inside any {@code data_points}. */
	private boolean isRow(JsonStreamContext array) {
		if (array == null || !array.inArray()) {
			return false;
		}
		JsonStreamContext owner = array.getParent();
		String name = owner.getCurrentName();
		if (rowsName != null && rowsName.equals(name)) {
			return owner.getParent() != null && owner.getParent().inRoot();
		}
		return ENVELOPE_ROWS.equals(name);
	}

	@Override
	public void close() {
		if (parser != null) {
			try {
				parser.close();
			}
			catch (IOException ex) {
				// nothing was written; a failing close of a read-only file changes nothing
			}
			parser = null;
		}
	}

}
