package com.wabarecon.support.bulk;

import java.util.regex.Pattern;

import org.springframework.jdbc.core.JdbcTemplate;

/**
 * A month's rows in a partition of their own ({@code usage_estimate_2025_09}, made by the
 * migration {@code V11}), with its own index, built after the month's bulk load.
 */
final class PostgresMonthPartitions implements MonthPartitions {

	private static final Pattern MONTH = Pattern.compile("\\d{4}-\\d{2}");

	private final JdbcTemplate jdbc;

	private final String table;

	private final String indexColumns;

	PostgresMonthPartitions(JdbcTemplate jdbc, String table, String indexColumns) {
		this.jdbc = jdbc;
		this.table = table;
		this.indexColumns = indexColumns;
	}

	@Override
	public void prepare(String month) {
		jdbc.execute("CREATE TABLE IF NOT EXISTS " + partition(month) + " PARTITION OF " + table + " FOR VALUES IN ('"
				+ month + "')");
	}

	@Override
	public void dropIndex(String month) {
		jdbc.execute("DROP INDEX IF EXISTS " + index(month));
	}

	@Override
	public void buildIndex(String month) {
		jdbc.execute("CREATE INDEX IF NOT EXISTS " + index(month) + " ON " + partition(month) + " (" + indexColumns + ")");
		analyze(month);
	}

	@Override
	public void analyze(String month) {
		// the month's partition, not the table: ANALYZE of the table samples every month kept
		jdbc.execute("ANALYZE " + partition(month));
	}

	/** {@code usage_estimate_2025_09}: the month is checked, since it becomes part of a name. */
	String partition(String month) {
		if (month == null || !MONTH.matcher(month).matches()) {
			throw new IllegalArgumentException("not a month (YYYY-MM): " + month);
		}
		return table + "_" + month.replace('-', '_');
	}

	String index(String month) {
		return partition(month) + "_idx";
	}

}
