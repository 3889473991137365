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

	/** The innermost cause of a failure, on one line, with a hint for the usual ones. */
	static String explain(Throwable failure) {
		Throwable cause = failure;
		while (cause.getCause() != null && cause.getCause() != cause) {
			cause = cause.getCause();
		}
		String message = String.valueOf(cause.getMessage()).lines().findFirst().orElse("");
		if (message.contains("Database may be already in use") || message.contains("file is locked")) {
			return "the embedded database is in use by another recon process (wait for it to end, or use "
					+ "PostgreSQL with --db-url): " + message;
		}
		if (message.contains("Connection refused") || message.contains("Connection to")) {
			return "the database cannot be reached: " + message;
		}
		return message.isBlank() ? cause.getClass().getSimpleName() : message;
	}

	static ConfigurableApplicationContext start(String dbUrl) {
		// passed as a command-line property: it must win over application.yml and the environment
		String[] args = dbUrl == null ? new String[0] : new String[] { "--spring.datasource.url=" + dbUrl };
		return new SpringApplicationBuilder(ReconApplication.class).logStartupInfo(false).run(args);
	}

}
