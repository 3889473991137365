package com.wabarecon.support.bulk;

/**
 * Every month in one table, its index always in place (H2 and other databases): nothing to
 * prepare or drop; after a load, only the statistics are refreshed.
 */
final class SingleTableMonths implements MonthPartitions {

	private final TableStatistics statistics;

	private final String table;

	SingleTableMonths(TableStatistics statistics, String table) {
		this.statistics = statistics;
		this.table = table;
	}

	@Override
	public void prepare(String month) {
		// one table for all months
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
	public void analyze(String month) {
		statistics.refresh(table);
	}

}
