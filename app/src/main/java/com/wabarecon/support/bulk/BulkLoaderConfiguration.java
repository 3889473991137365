package com.wabarecon.support.bulk;

import javax.sql.DataSource;

import com.wabarecon.ReconProperties.Import.BulkLoad;
import com.wabarecon.ReconProperties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.support.MetaDataAccessException;

/**
 * Chooses the bulk loader: {@code COPY} where the database is PostgreSQL (or where
 * {@code recon.import.bulk-load} says so), batched inserts elsewhere; and how the month's
 * usage estimates are kept ({@link MonthPartitions}).
 */
@Configuration
class BulkLoaderConfiguration {

	private static final Logger log = LoggerFactory.getLogger(BulkLoaderConfiguration.class);

	static final String USAGE_ESTIMATE = "usage_estimate";

	/**
	 * What the month's estimates are read by: a channel's days (statements, likely causes). The
	 * channel alone, a few hundred rows a month each, which a second column would not narrow
	 * enough to pay for the larger index.
	 */
	static final String USAGE_ESTIMATE_INDEX = "channel_id";

	/**
	 * The estimates the pricing prices from the rate card, apart from the others: its update
	 * reads those, a few percent of the month's estimates, not all of them.
	 */
	static final PostgresMonthPartitions.Split RATE_CARD_ROWS = new PostgresMonthPartitions.Split("cost_source",
			"RATE_CARD");

	/** The month's usage estimates: a partition per month on PostgreSQL, indexed after the load. */
	@Bean
	MonthPartitions usageEstimateMonths(DataSource dataSource, JdbcTemplate jdbc, TableStatistics statistics)
			throws MetaDataAccessException {
		return DatabaseProduct.of(dataSource) == DatabaseProduct.POSTGRESQL
				? new PostgresMonthPartitions(jdbc, USAGE_ESTIMATE, USAGE_ESTIMATE_INDEX, RATE_CARD_ROWS)
				: new SingleTableMonths(statistics, jdbc, USAGE_ESTIMATE);
	}

	@Bean
	BulkLoader bulkLoader(DataSource dataSource, JdbcTemplate jdbc, ReconProperties properties)
			throws MetaDataAccessException {
		BulkLoad setting = properties.importing().bulkLoad();
		boolean copy = switch (setting) {
			case COPY -> true;
			case BATCH -> false;
			case AUTO -> DatabaseProduct.of(dataSource) == DatabaseProduct.POSTGRESQL;
		};
		BulkLoader loader = copy ? new PostgresCopyLoader(dataSource) : new JdbcBatchLoader(jdbc);
		log.debug("bulk load by {} ({})", loader.method(), setting);
		return loader;
	}

}
