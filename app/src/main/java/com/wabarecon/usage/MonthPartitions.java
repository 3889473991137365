package com.wabarecon.usage;

/**
 * Where a table keeps each billing month's rows, and when the month's index is built. On
 * PostgreSQL every month is a partition of its own, loaded without an index that is built once
 * after the load, since keeping an index up to date row by row costs the load more than
 * building it once. Closes of other months keep
 * their partitions and indexes untouched. Elsewhere (H2) the table is one, with its index
 * always in place, and these steps only refresh statistics.
 */
public interface MonthPartitions {

	/** Makes room for the month's rows: on PostgreSQL, creates its partition if there is none. */
	void prepare(String month);

	/**
	 * Removes every row of the month at once, before the month is loaded again: on PostgreSQL,
	 * truncates its partition, so that the new rows do not load among the old ones' dead rows.
	 */
	void clear(String month);

	/** Before a bulk load into the month: its index goes, to be built once afterwards. */
	void dropIndex(String month);

	/** After the load: builds the month's index if it is missing, and refreshes statistics. */
	void buildIndex(String month);

	/** Refreshes the planner's statistics of the month's rows only. */
	void analyze(String month);

	/**
	 * The table that takes the month's rows whose split column holds {@code value} directly,
	 * once the month is {@link #prepare prepared}: on PostgreSQL the partition they belong to,
	 * so that a bulk load does not route every row through the table's two partition levels (a
	 * tenth of COPY's time). Elsewhere, the table itself.
	 */
	String tableFor(String month, String value);

}
