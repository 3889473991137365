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
 * {@code recon.import.bulk-load} says so), batched inserts elsewhere.
 */
@Configuration
class BulkLoaderConfiguration {

	private static final Logger log = LoggerFactory.getLogger(BulkLoaderConfiguration.class);

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
