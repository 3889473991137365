package com.wabarecon.support.bulk;

import java.util.regex.Pattern;

import javax.sql.DataSource;

import com.wabarecon.ReconProperties;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.support.MetaDataAccessException;
import org.springframework.stereotype.Component;

/**
 * More working memory for the current transaction's large aggregate, where PostgreSQL cannot
 * spread it over several processes ({@code recon.database.aggregate-work-mem}). Elsewhere, or
 * with the setting empty, nothing changes.
 */
@Component
public class WorkMemory {

	private static final Pattern SIZE = Pattern.compile("\\d+\\s*(kB|MB|GB)");

	private final JdbcTemplate jdbc;

	private final String setting;

	WorkMemory(DataSource dataSource, JdbcTemplate jdbc, ReconProperties properties) throws MetaDataAccessException {
		this.jdbc = jdbc;
		String size = properties.database().aggregateWorkMem();
		if (size != null && !size.isBlank() && !SIZE.matcher(size.strip()).matches()) {
			throw new IllegalArgumentException(
					"recon.database.aggregate-work-mem: '" + size + "' is not a size such as 64MB");
		}
		this.setting = DatabaseProduct.of(dataSource) == DatabaseProduct.POSTGRESQL && size != null && !size.isBlank()
				? "SET LOCAL work_mem = '" + size.strip() + "'" : null;
	}

	/** For the rest of the current transaction. */
	public void forLargeAggregate() {
		if (setting != null) {
			jdbc.execute(setting);
		}
	}

}
