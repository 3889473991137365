package com.wabarecon.launch;

import java.nio.file.Path;

import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * The options every command that starts the application shares: the database, and a
 * configuration file of one's own.
 */
class DatabaseOption {

	@Spec(Spec.Target.MIXEE)
	CommandSpec spec;

	@Option(names = "--db-url", paramLabel = "URL",
			description = "JDBC URL of the database (default: SPRING_DATASOURCE_URL, else the embedded H2 under "
					+ "the home's data/).")
	String dbUrl;

	Path config;

	@Option(names = "--config", paramLabel = "FILE", description = "A YAML or properties file of settings, over "
			+ "config/application.yml and the built-in ones (the environment still wins).")
	void config(Path file) {
		String problem = SettingsFiles.problem(file);
		if (problem != null) {
			throw new ParameterException(spec.commandLine(), "--config " + file + ": " + problem);
		}
		this.config = file.toAbsolutePath().normalize();
	}

}
