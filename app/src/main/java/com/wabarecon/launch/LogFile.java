package com.wabarecon.launch;

import java.nio.file.Path;

/**
 * Where the log file is, as logback-spring.xml decides it: {@code LOG_FILE} (a system property,
 * then the environment), else {@code logs/recon.log} in the home ({@code RECON_HOME}, else the
 * working folder).
 */
final class LogFile {

	private LogFile() {
	}

	static Path path() {
		String file = setting("LOG_FILE");
		if (file != null) {
			return Path.of(file).toAbsolutePath().normalize();
		}
		String home = setting("RECON_HOME");
		return Path.of(home == null ? "." : home, "logs", "recon.log").toAbsolutePath().normalize();
	}

	private static String setting(String name) {
		String value = System.getProperty(name);
		if (value == null || value.isBlank()) {
			value = System.getenv(name);
		}
		return value == null || value.isBlank() ? null : value;
	}

}
