package com.wabarecon.launch;

import java.nio.file.Path;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.wabarecon.ReconApplication;

import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Starts the application context for a command that needs the database, pointed at the
 * database the command names (or the configured one). {@link #start} is public for the bench,
 * which runs a close in its own process.
 */
public final class SpringRuntime {

	private static final int H2_DATABASE_ALREADY_OPEN = 90020;

	private static final Pattern DATABASE_FILE = Pattern.compile("[^\\s\"]+\\.mv\\.db");

	private SpringRuntime() {
	}

	/** The innermost cause of a failure, on one line, with a hint for the usual ones. */
	static String explain(Throwable failure) {
		Throwable cause = failure;
		while (cause.getCause() != null && cause.getCause() != cause) {
			cause = cause.getCause();
		}
		String message = String.valueOf(cause.getMessage()).lines().findFirst().orElse("");
		if (embeddedDatabaseInUse(failure)) {
			Matcher file = DATABASE_FILE.matcher(message);
			return "refused: the embedded database" + (file.find() ? " " + file.group() : "") + " is open in another "
					+ "recon process, and one process at a time can open it: wait for the other to end, or use "
					+ "PostgreSQL (--db-url), where closes of different months run side by side";
		}
		if (message.contains("Connection refused") || message.contains("Connection to")) {
			return "the database cannot be reached: " + message;
		}
		return message.isBlank() ? cause.getClass().getSimpleName() : message;
	}

	/**
	 * True when the failure is H2's refusal to open a file database another process has open
	 * (error 90020): the embedded database serves one process at a time.
	 */
	static boolean embeddedDatabaseInUse(Throwable failure) {
		for (Throwable cause = failure; cause != null; cause = cause.getCause() == cause ? null : cause.getCause()) {
			if (cause instanceof SQLException sql && sql.getErrorCode() == H2_DATABASE_ALREADY_OPEN) {
				return true;
			}
			String message = String.valueOf(cause.getMessage());
			if (message.contains("Database may be already in use") || message.contains("file is locked")) {
				return true;
			}
		}
		return false;
	}

	public static ConfigurableApplicationContext start(String dbUrl) {
		return start(dbUrl, (Path) null);
	}

	/** @param settings settings ({@code name=value}) over every file and the environment */
	public static ConfigurableApplicationContext start(String dbUrl, List<String> settings) {
		return start(dbUrl, null, false, settings);
	}

	/**
	 * @param config a settings file read after config/application.yml (its values win over that
	 * file's and the built-in ones), or {@code null}
	 */
	static ConfigurableApplicationContext start(String dbUrl, Path config) {
		return start(dbUrl, config, false);
	}

	/**
	 * @param web whether the context serves HTTP (health and metrics, {@code management.*} and
	 * {@code server.*} settings: loopback by default); only {@code serve} does
	 */
	static ConfigurableApplicationContext start(String dbUrl, Path config, boolean web) {
		return start(dbUrl, config, web, List.of());
	}

	/**
	 * @param settings more settings ({@code name=value}) that win over every file and the
	 * environment, as the command's own options do
	 */
	static ConfigurableApplicationContext start(String dbUrl, Path config, boolean web, List<String> settings) {
		List<String> args = new ArrayList<>();
		settings.forEach(setting -> args.add("--" + setting));
		if (web) {
			args.add("--spring.main.web-application-type=servlet");
		}
		else {
			// Spring Batch's meters are for serve's scrape; a command that ends with its close would
			// time every item read and processed (millions a month) for no one
			args.add("--management.observations.enable.spring.batch=false");
		}
		if (dbUrl != null) {
			// passed as a command-line property: it must win over application.yml and the environment
			args.add("--spring.datasource.url=" + dbUrl);
		}
		if (config != null) {
			args.add("--spring.config.additional-location=file:" + config);
		}
		return new SpringApplicationBuilder(ReconApplication.class).logStartupInfo(false).run(args.toArray(String[]::new));
	}

}
