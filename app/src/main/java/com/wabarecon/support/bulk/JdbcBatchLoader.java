package com.wabarecon.support.bulk;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The portable loader: one batched {@code INSERT} per chunk, through the transaction-bound
 * connection.
 */
class JdbcBatchLoader implements BulkLoader {

	static final String METHOD = "batch";

	private final JdbcTemplate jdbc;

	JdbcBatchLoader(JdbcTemplate jdbc) {
		this.jdbc = jdbc;
	}

	@Override
	public <T> void load(BulkTable<T> table, List<? extends T> items) {
		if (items.isEmpty()) {
			return;
		}
		String sql = "INSERT INTO " + table.name() + " (" + table.columnList() + ") VALUES ("
				+ String.join(", ", Collections.nCopies(table.columns().size(), "?")) + ")";
		List<Object[]> rows = new ArrayList<>(items.size());
		for (T item : items) {
			rows.add(table.values().apply(item));
		}
		jdbc.batchUpdate(sql, rows);
	}

	@Override
	public String method() {
		return METHOD;
	}

}
