package com.wabarecon.support.bulk;

import javax.sql.DataSource;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.support.MetaDataAccessException;
import org.springframework.stereotype.Component;

/**
 * Brings the planner's statistics of tables up to date after a bulk load. Without it
 * PostgreSQL plans the first queries after a load of millions of rows as if the table were
 * still empty (autovacuum analyses it later), and a join it believes to touch one row runs
 * as a nested loop over all of them.
 */
@Component
public class TableStatistics {

	private final JdbcTemplate jdbc;

	private final boolean h2;

	TableStatistics(DataSource dataSource, JdbcTemplate jdbc) throws MetaDataAccessException {
		this.jdbc = jdbc;
		this.h2 = DatabaseProduct.of(dataSource) == DatabaseProduct.H2;
	}

	public void refresh(String... tables) {
		for (String table : tables) {
			jdbc.execute(analyze(table));
		}
	}

	/**
	 * Only the statistics of the columns a query filters, groups and joins on, where the
	 * database can be told (PostgreSQL): the others' histograms are computed for nothing.
	 */
	public void refreshColumns(String table, String... columns) {
		jdbc.execute(h2 ? analyze(table) : analyze(table) + " (" + String.join(", ", columns) + ")");
	}

	private String analyze(String table) {
		// H2 names the table after the keyword TABLE; PostgreSQL takes it directly
		return (h2 ? "ANALYZE TABLE " : "ANALYZE ") + table;
	}

}
