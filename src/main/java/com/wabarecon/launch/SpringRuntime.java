package com.wabarecon.launch;

import com.wabarecon.ReconApplication;

import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Starts the application context for a command that needs the database, pointed at the
 * database the command names (or the configured one).
 */
final class SpringRuntime {

	private SpringRuntime() {
	}

	static ConfigurableApplicationContext start(String dbUrl) {
		// passed as a command-line property: it must win over application.yml and the environment
		String[] args = dbUrl == null ? new String[0] : new String[] { "--spring.datasource.url=" + dbUrl };
		return new SpringApplicationBuilder(ReconApplication.class).logStartupInfo(false).run(args);
	}

}
