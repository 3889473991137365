package com.wabarecon.usage;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

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
 * Streams the rows of one JSON usage document, never holding more than one row: the elements
 * of the top-level {@code usage} array, or of every {@code data_points} array inside Meta's
 * {@code pricing_analytics} envelope. A first pass collects the top-level scalar fields
 * (which may come after the rows); the second streams the rows, each with its line, column
 * and index. A syntax error is thrown once as a rejection naming line and column, and ends
 * the file: the rows before it stand, the next file is read normally.
 * <p>
 * Not thread-safe; no restart state (the step reads its files again from the top).
 */
class JsonRowsReader implements ItemStreamReader<JsonRow> {

	static final String ROWS = "usage";

	static final String ENVELOPE = "pricing_analytics";

	static final String ENVELOPE_ROWS = "data_points";

	private final Path file;

	private final String sourceName;

	private final Map<String, String> document = new HashMap<>();

	private boolean envelope;

	private boolean rowsSeen;

	private JsonParser parser;

	private long index;

	private boolean finished;

	JsonRowsReader(Path file, String sourceName) {
		this.file = file;
		this.sourceName = sourceName;
	}

	@Override
	public void open(ExecutionContext executionContext) {
		scanTopLevel();
		try {
			parser = JsonDocuments.FACTORY.createParser(file.toFile());
		}
		catch (IOException ex) {
			throw new InputFileException(sourceName + ": cannot be read: " + ex.getMessage(), ex);
		}
	}

	/** First pass: the top-level scalars, skipping arrays and objects without building them. */
	private void scanTopLevel() {
		try (JsonParser scan = JsonDocuments.FACTORY.createParser(file.toFile())) {
			JsonToken first = scan.nextToken();
			if (first == null) {
				throw new InputFileException(sourceName + ": the file is empty");
			}
			if (first != JsonToken.START_OBJECT) {
				throw new InputFileException(sourceName + " line 1: expected a JSON object, found " + first.asString());
			}
			while (scan.nextToken() == JsonToken.FIELD_NAME) {
				String name = scan.currentName();
				JsonToken value = scan.nextToken();
				if (value.isScalarValue()) {
					document.put(name, value == JsonToken.VALUE_NULL ? null : scan.getText());
				}
				else {
					envelope |= ENVELOPE.equals(name);
					rowsSeen |= ROWS.equals(name) && value == JsonToken.START_ARRAY;
					scan.skipChildren();
				}
			}
		}
		catch (NoSuchFileException ex) {
			throw new InputFileException(sourceName + ": file not found");
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
		if (finished) {
			return null;
		}
		try {
			JsonToken token;
			while ((token = parser.nextToken()) != null) {
				if (token == JsonToken.START_OBJECT && isRow(parser.getParsingContext().getParent())) {
					JsonLocation at = parser.currentTokenLocation();
					String arrayName = parser.getParsingContext().getParent().getParent().getCurrentName();
					RowFields row = RowFields.read(parser);
					RowSource source = RowSource.withLazyRaw(sourceName, (long) at.getLineNr(),
							"column " + at.getColumnNr() + ", " + arrayName + "[" + index++ + "]", row::toString);
					return new JsonRow(source, document, envelope, row);
				}
			}
			finished = true;
			if (!rowsSeen && !envelope) {
				throw new RejectedRowException(RowSource.wholeFile(sourceName),
						"no '" + ROWS + "' array and no '" + ENVELOPE + "' envelope: not a usage export");
			}
			return null;
		}
		catch (JsonProcessingException ex) {
			finished = true;
			JsonLocation at = ex.getLocation();
			throw new RejectedRowException(
					new RowSource(sourceName, at == null ? null : (long) at.getLineNr(),
							at == null ? null : "column " + at.getColumnNr(), null),
					"JSON syntax error, the rest of the file is not read: " + ex.getOriginalMessage());
		}
		catch (IOException ex) {
			throw new InputFileException(sourceName + ": cannot be read: " + ex.getMessage(), ex);
		}
	}

	/** An object directly inside {@code usage} of the top object, or inside any {@code data_points}. */
	private boolean isRow(JsonStreamContext array) {
		if (array == null || !array.inArray()) {
			return false;
		}
		JsonStreamContext owner = array.getParent();
		String name = owner.getCurrentName();
		if (ROWS.equals(name)) {
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
