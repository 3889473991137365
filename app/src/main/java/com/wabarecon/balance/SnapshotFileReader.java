package com.wabarecon.balance;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.wabarecon.support.reject.RejectedRowException;
import com.wabarecon.support.reject.RowSource;
import com.wabarecon.support.reject.SourcedItem;
import com.wabarecon.usage.JsonDocuments;

import org.springframework.batch.infrastructure.item.ExecutionContext;
import org.springframework.batch.infrastructure.item.ItemStreamReader;

/**
 * A balance snapshot file ({@code <month>/balance/<channel>.json}) as one item: the document and
 * the channel its name gives. A file that is no JSON object is one rejected row, naming why.
 */
class SnapshotFileReader implements ItemStreamReader<SnapshotFileReader.Document> {

	/** The document of one file, and the channel id of its name (without {@code .json}). */
	record Document(JsonNode json, String nameChannel, RowSource source) implements SourcedItem {
	}

	private final Path file;

	private final String sourceName;

	private boolean read;

	SnapshotFileReader(Path file, String sourceName) {
		this.file = file;
		this.sourceName = sourceName;
	}

	@Override
	public Document read() {
		if (read) {
			return null;
		}
		read = true;
		RowSource source = RowSource.wholeFile(sourceName);
		String name = file.getFileName().toString();
		String channel = name.toLowerCase(Locale.ROOT).endsWith(".json") ? name.substring(0, name.length() - 5) : name;
		try (InputStream in = Files.newInputStream(file)) {
			JsonNode json = JsonDocuments.TREES.readTree(in);
			if (json == null || !json.isObject()) {
				throw new RejectedRowException(source, "not a JSON object");
			}
			return new Document(json, channel, source);
		}
		catch (JsonProcessingException ex) {
			throw new RejectedRowException(source, "not JSON: " + ex.getOriginalMessage());
		}
		catch (IOException ex) {
			throw new RejectedRowException(source, "cannot be read: " + ex.getMessage());
		}
	}

	@Override
	public void open(ExecutionContext executionContext) {
		read = false;
	}

}
