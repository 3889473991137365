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

	private final String analyze;

	TableStatistics(DataSource dataSource, JdbcTemplate jdbc) throws MetaDataAccessException {
		this.jdbc = jdbc;
		// H2 names the table after the keyword TABLE; PostgreSQL takes it directly
		this.analyze = DatabaseProduct.of(dataSource) == DatabaseProduct.H2 ? "ANALYZE TABLE " : "ANALYZE ";
	}

	public void refresh(String... tables) {
		for (String table : tables) {
			jdbc.execute(analyze + table);
		}
	}

}
