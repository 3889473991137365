package com.wabarecon.launch;

import java.nio.file.Path;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.core.FileAppender;

import org.slf4j.LoggerFactory;

/**
 * The log file a failed command names: the file logback-spring.xml's {@code FILE} appender
 * writes, as logging configured it ({@code LOG_FILE}, else {@code logs/recon.log} in the home).
 */
final class LogFile {

	private LogFile() {
	}

	/** The log file, or "the log file" when the logging in use keeps none. */
	static String path() {
		if (LoggerFactory.getILoggerFactory() instanceof LoggerContext context
				&& context.getLogger(Logger.ROOT_LOGGER_NAME).getAppender("FILE") instanceof FileAppender<?> file
				&& file.getFile() != null) {
			return Path.of(file.getFile()).toAbsolutePath().normalize().toString();
		}
		return "the log file";
	}

}
