package com.wabarecon.usage;

import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;

import org.springframework.jdbc.core.JdbcTemplate;

/**
 * A month's rows in a partition of their own ({@code usage_estimate_2025_09}, made by the
 * migration {@code V11}), with its own index, built after the month's bulk load. The month's
 * partition is itself split in two by one column's value ({@link Split}): a step that works on
 * the rows with that value reads only their partition, not the whole month.
 */
final class PostgresMonthPartitions implements MonthPartitions {

	private static final Pattern MONTH = Pattern.compile("\\d{4}-\\d{2}");

	/**
	 * The rows of a month whose {@code column} holds {@code value}, in a partition of their own
	 * ({@code usage_estimate_2025_09_rate_card}), and the others ({@code ..._other}).
	 */
	record Split(String column, String value) {
	}

	private final JdbcTemplate jdbc;

	private final String table;

	private final String indexColumns;

	private final Split split;

	/** Whether each month is split, as its last {@link #prepare} found: asked for every chunk loaded. */
	private final Map<String, Boolean> splitMonths = new ConcurrentHashMap<>();

	PostgresMonthPartitions(JdbcTemplate jdbc, String table, String indexColumns, Split split) {
		this.jdbc = jdbc;
		this.table = table;
		this.indexColumns = indexColumns;
		this.split = split;
	}

	/**
	 * Creates the month's partition, split, if there is none. A month made before the split was
	 * keeps its one partition; it is read and loaded as before, only without the shortcut.
	 */
	@Override
	public void prepare(String month) {
		String partition = partition(month);
		jdbc.execute("CREATE TABLE IF NOT EXISTS " + partition + " PARTITION OF " + table + " FOR VALUES IN ('" + month
				+ "') PARTITION BY LIST (" + split.column() + ")");
		boolean isSplit = isSplit(partition);
		splitMonths.put(month, isSplit);
		if (isSplit) {
			jdbc.execute("CREATE TABLE IF NOT EXISTS " + partition + "_" + split.value().toLowerCase(Locale.ROOT)
					+ " PARTITION OF " + partition + " FOR VALUES IN ('" + split.value() + "')");
			jdbc.execute("CREATE TABLE IF NOT EXISTS " + partition + "_other PARTITION OF " + partition + " DEFAULT");
		}
	}

	private boolean isSplit(String partition) {
		return Boolean.TRUE.equals(jdbc.queryForObject(
				"SELECT relkind = 'p' FROM pg_class WHERE oid = to_regclass(?)", Boolean.class, partition));
	}

	/** The month's partition and, split or not, all of its rows. */
	@Override
	public void clear(String month) {
		prepare(month);
		jdbc.execute("TRUNCATE " + partition(month));
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

	/**
	 * {@code usage_estimate_2025_09_rate_card} or {@code ..._other}; a month made before the
	 * split, its one partition.
	 */
	@Override
	public String tableFor(String month, String value) {
		String partition = partition(month);
		if (!splitMonths.computeIfAbsent(month, m -> isSplit(partition))) {
			return partition;
		}
		return partition + "_" + (split.value().equals(value) ? split.value().toLowerCase(Locale.ROOT) : "other");
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
