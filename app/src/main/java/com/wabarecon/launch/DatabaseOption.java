package com.wabarecon.launch;

import picocli.CommandLine.Option;

/**
 * The {@code --db-url} option every command that reads the database shares.
 */
class DatabaseOption {

	@Option(names = "--db-url", paramLabel = "URL",
			description = "JDBC URL of the database (default: SPRING_DATASOURCE_URL, else the embedded H2 under data/).")
	String dbUrl;

}
