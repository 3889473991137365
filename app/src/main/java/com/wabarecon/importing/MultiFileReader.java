package com.wabarecon.importing;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import com.wabarecon.inbox.InboxFiles;
import com.wabarecon.support.reject.InputFileException;
import com.wabarecon.support.reject.RejectedRowException;
import com.wabarecon.support.reject.RowSource;

import org.springframework.batch.infrastructure.item.ExecutionContext;
import org.springframework.batch.infrastructure.item.ItemStreamException;
import org.springframework.batch.infrastructure.item.ItemStreamReader;

/**
 * Reads several input files one after the other through a reader per file. A file that
 * cannot be opened at all (missing columns, not the expected format) is thrown as one
 * {@link RejectedRowException} for the file, so the step records it and goes on with the next
 * file: one bad file never stops the others.
 * <p>
 * Keeps no restart state (the import steps read their files again from the top). Not
 * thread-safe.
 *
 * @param <T> the items of every file
 */
public class MultiFileReader<T> implements ItemStreamReader<T> {

	/** Opens the reader of one file; {@code sourceName} is how rejects and summaries name it. */
	@FunctionalInterface
	public interface PerFile<T> {

		ItemStreamReader<T> reader(Path file, String sourceName);

	}

	private final Path inbox;

	private final List<Path> files;

	private final PerFile<T> perFile;

	private int next;

	private ItemStreamReader<T> current;

	public MultiFileReader(Path inbox, List<Path> files, PerFile<T> perFile) {
		this.inbox = inbox;
		this.files = files;
		this.perFile = perFile;
	}

	@Override
	public void open(ExecutionContext executionContext) {
		next = 0;
	}

	@Override
	public T read() throws Exception {
		while (true) {
			if (current == null) {
				if (next >= files.size()) {
					return null;
				}
				Path file = files.get(next++);
				String sourceName = InboxFiles.sourceName(inbox, file);
				current = perFile.reader(file, sourceName);
				try {
					current.open(new ExecutionContext());
				}
				catch (InputFileException ex) {
					closeCurrent();
					throw new RejectedRowException(RowSource.wholeFile(sourceName),
							"file refused: " + ex.getMessage());
				}
			}
			T item = current.read();
			if (item != null) {
				return item;
			}
			closeCurrent();
		}
	}

	/**
	 * Every item of a few small files, for a check over all of them: a row or file that cannot be
	 * read is left out here, and left to the step, which reads them again and rejects it.
	 */
	public List<T> readAll(String what) {
		List<T> items = new ArrayList<>();
		open(new ExecutionContext());
		try {
			while (true) {
				try {
					T item = read();
					if (item == null) {
						return items;
					}
					items.add(item);
				}
				catch (RejectedRowException ex) {
					// the step's own reading rejects it
				}
				catch (Exception ex) {
					throw new IllegalStateException("cannot read " + what + ": " + ex.getMessage(), ex);
				}
			}
		}
		finally {
			close();
		}
	}

	private void closeCurrent() {
		if (current != null) {
			current.close();
			current = null;
		}
	}

	@Override
	public void close() throws ItemStreamException {
		closeCurrent();
	}

}
