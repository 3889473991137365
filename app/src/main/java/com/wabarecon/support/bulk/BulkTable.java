package com.wabarecon.support.bulk;

import java.util.List;
import java.util.function.Function;

/**
 * What a bulk load appends to: a table, the columns it fills, and how an item gives their values
 * (in the same order). Values are {@code null}, {@link String}, {@link Number},
 * {@link Boolean} or {@link java.time.LocalDate}.
 */
public record BulkTable<T>(String name, List<String> columns, Function<T, Object[]> values) {

	public BulkTable {
		columns = List.copyOf(columns);
	}

	public static <T> BulkTable<T> of(String name, Function<T, Object[]> values, String... columns) {
		return new BulkTable<>(name, List.of(columns), values);
	}

	/** The same columns and values, appended to another table (a partition of this one). */
	public BulkTable<T> into(String table) {
		return new BulkTable<>(table, columns, values);
	}

	String columnList() {
		return String.join(", ", columns);
	}

}
