package com.wabarecon.support.bulk;

import static org.assertj.core.api.Assertions.assertThat;

import com.wabarecon.PostgresDatabase;
import com.wabarecon.PostgresSchema;
import org.postgresql.ds.PGSimpleDataSource;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;

import org.springframework.jdbc.core.JdbcTemplate;

/** Fresh planner statistics on PostgreSQL: of a whole table, or of the columns a query needs. */
@ExtendWith(PostgresDatabase.class)
class TableStatisticsPostgresTests {

	@RegisterExtension
	static final PostgresSchema database = new PostgresSchema();

	@Test
	void refreshesTheStatisticsOfTheNamedColumnsOnlyOrOfEveryColumn() throws Exception {
		PGSimpleDataSource dataSource = new PGSimpleDataSource();
		dataSource.setURL(database.url());
		JdbcTemplate jdbc = new JdbcTemplate(dataSource);
		jdbc.execute("CREATE TABLE probe (month CHAR(7), waba_id VARCHAR(32), detail VARCHAR(500))");
		jdbc.execute("INSERT INTO probe SELECT '2025-09', 'w' || (i % 100), 'detail ' || i FROM generate_series(1, 1000) i");
		TableStatistics statistics = new TableStatistics(dataSource, jdbc);
		String columns = "SELECT attname FROM pg_stats WHERE schemaname = current_schema() AND tablename = 'probe'"
				+ " ORDER BY attname";

		statistics.refreshColumns("probe", "month", "waba_id");
		assertThat(jdbc.queryForList(columns, String.class)).containsExactly("month", "waba_id");

		statistics.refresh("probe");
		assertThat(jdbc.queryForList(columns, String.class)).containsExactly("detail", "month", "waba_id");
	}

}
