package com.wabarecon.support.bulk;

import java.sql.DatabaseMetaData;

import javax.sql.DataSource;

import org.springframework.jdbc.support.JdbcUtils;
import org.springframework.jdbc.support.MetaDataAccessException;

/** Which database the product runs on, for the few things done differently on each. */
public enum DatabaseProduct {

	POSTGRESQL, H2, OTHER;

	public static DatabaseProduct of(DataSource dataSource) throws MetaDataAccessException {
		String name = JdbcUtils.extractDatabaseMetaData(dataSource, DatabaseMetaData::getDatabaseProductName);
		return switch (name) {
			case "PostgreSQL" -> POSTGRESQL;
			case "H2" -> H2;
			default -> OTHER;
		};
	}

}
