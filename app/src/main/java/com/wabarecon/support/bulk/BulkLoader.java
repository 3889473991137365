package com.wabarecon.support.bulk;

import java.util.List;
import java.util.function.Function;

import org.springframework.batch.infrastructure.item.ItemWriter;

/**
 * Appends rows to a table inside the caller's transaction (the chunk's), so a failed chunk
 * leaves nothing behind. PostgreSQL loads through {@code COPY}; every other database through
 * batched inserts. A value the database refuses surfaces as Spring's
 * {@link org.springframework.dao.DataIntegrityViolationException}, which an import step skips
 * row by row. Implementations are thread-safe.
 */
public interface BulkLoader {

	<T> void load(BulkTable<T> table, List<? extends T> items);

	/** An item writer that loads each chunk. */
	default <T> ItemWriter<T> writer(BulkTable<T> table) {
		return chunk -> load(table, chunk.getItems());
	}

	/** How this loader loads, for the run's log and the benchmark: {@code copy} or {@code batch}. */
	String method();

}
