package com.wabarecon.usage;

import com.wabarecon.support.bulk.TableStatistics;

import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Every month in one table, its index always in place (H2 and other databases): nothing to
 * prepare or drop; after a load, only the statistics are refreshed.
 */
final class SingleTableMonths implements MonthPartitions {

	private final TableStatistics statistics;

	private final JdbcTemplate jdbc;

	private final String table;

	SingleTableMonths(TableStatistics statistics, JdbcTemplate jdbc, String table) {
		this.statistics = statistics;
		this.jdbc = jdbc;
		this.table = table;
	}

	@Override
	public void prepare(String month) {
		// one table for all months
	}

	@Override
	public void clear(String month) {
		jdbc.update("DELETE FROM " + table + " WHERE billing_month = ?", month);
	}

	@Override
	public void dropIndex(String month) {
		// the index stays: the table holds other months too
	}

	@Override
	public void buildIndex(String month) {
		analyze(month);
	}

	@Override
	public String tableFor(String month, String value) {
		return table;
	}

	@Override
	public void analyze(String month) {
		statistics.refresh(table);
	}

}
