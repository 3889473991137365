package com.wabarecon.usage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.wabarecon.PostgresDatabase;
import com.wabarecon.PostgresSchema;
import org.postgresql.ds.PGSimpleDataSource;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;

import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The partition a month's row is loaded into directly: the one PostgreSQL would route it to,
 * split or not, and never another (PostgreSQL refuses a row in the wrong partition).
 */
@ExtendWith(PostgresDatabase.class)
class PostgresMonthPartitionsTests {

	@RegisterExtension
	static final PostgresSchema database = new PostgresSchema();

	JdbcTemplate jdbc;

	PostgresMonthPartitions months;

	@BeforeEach
	void createTable() {
		PGSimpleDataSource dataSource = new PGSimpleDataSource();
		dataSource.setURL(database.url());
		jdbc = new JdbcTemplate(dataSource);
		jdbc.execute("DROP TABLE IF EXISTS probe");
		jdbc.execute("CREATE TABLE probe (billing_month CHAR(7) NOT NULL, cost_source VARCHAR(16) NOT NULL)"
				+ " PARTITION BY LIST (billing_month)");
		months = new PostgresMonthPartitions(jdbc, "probe", "cost_source",
				new PostgresMonthPartitions.Split("cost_source", "RATE_CARD"));
	}

	@Test
	void aSplitMonthsRowsGoStraightToThePartitionOfTheirValue() {
		months.prepare("2025-09");

		String rateCard = months.tableFor("2025-09", "RATE_CARD");
		String other = months.tableFor("2025-09", "SOURCE");
		assertThat(rateCard).isEqualTo("probe_2025_09_rate_card");
		assertThat(other).isEqualTo("probe_2025_09_other");
		assertThat(months.tableFor("2025-09", "FREE")).isEqualTo(other);

		jdbc.update("INSERT INTO " + rateCard + " VALUES ('2025-09', 'RATE_CARD')");
		jdbc.update("INSERT INTO " + other + " VALUES ('2025-09', 'SOURCE'), ('2025-09', 'FREE')");
		assertThat(jdbc.queryForList("SELECT cost_source FROM probe WHERE billing_month = '2025-09' ORDER BY 1",
				String.class))
			.containsExactly("FREE", "RATE_CARD", "SOURCE");
		// the same rows through the table land where tableFor sent them
		assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM probe_2025_09_rate_card", Long.class)).isOne();
		assertThatThrownBy(() -> jdbc.update("INSERT INTO " + other + " VALUES ('2025-09', 'RATE_CARD')"))
			.isInstanceOf(DataIntegrityViolationException.class);
	}

	@Test
	void aMonthMadeBeforeTheSplitTakesEveryRowInItsOnePartition() {
		jdbc.execute("CREATE TABLE probe_2025_08 PARTITION OF probe FOR VALUES IN ('2025-08')");
		months.prepare("2025-08");

		assertThat(months.tableFor("2025-08", "RATE_CARD")).isEqualTo("probe_2025_08");
		assertThat(months.tableFor("2025-08", "SOURCE")).isEqualTo("probe_2025_08");
	}

	@Test
	void aMonthPreparedAgainAfterItsPartitionWasReplacedIsLookedUpAfresh() {
		jdbc.execute("CREATE TABLE probe_2025_07 PARTITION OF probe FOR VALUES IN ('2025-07')");
		months.prepare("2025-07");
		assertThat(months.tableFor("2025-07", "RATE_CARD")).isEqualTo("probe_2025_07");

		jdbc.execute("DROP TABLE probe_2025_07");
		months.prepare("2025-07"); // made anew, split

		assertThat(months.tableFor("2025-07", "RATE_CARD")).isEqualTo("probe_2025_07_rate_card");
	}

}
