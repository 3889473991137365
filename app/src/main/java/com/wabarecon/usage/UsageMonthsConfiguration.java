package com.wabarecon.usage;

import javax.sql.DataSource;

import com.wabarecon.support.bulk.DatabaseProduct;
import com.wabarecon.support.bulk.TableStatistics;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.support.MetaDataAccessException;

/** How the month's usage estimates are kept ({@link MonthPartitions}). */
@Configuration
class UsageMonthsConfiguration {

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

}
