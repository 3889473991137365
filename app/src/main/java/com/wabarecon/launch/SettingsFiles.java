package com.wabarecon.launch;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;

import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.error.YAMLException;

/**
 * Whether a file given with {@code --config} can be read as settings, checked before the
 * application starts: Spring Boot would refuse it with a stack trace, where the person who gave it
 * needs one line.
 */
final class SettingsFiles {

	private SettingsFiles() {
	}

	/** What is wrong with the file, or {@code null} when Spring Boot can read it. */
	static String problem(Path file) {
		if (!Files.exists(file)) {
			return "no such file";
		}
		if (!Files.isRegularFile(file)) {
			return "not a file";
		}
		String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
		if (name.endsWith(".properties")) {
			return null;
		}
		if (!name.endsWith(".yml") && !name.endsWith(".yaml")) {
			return "a settings file ends in .yml, .yaml or .properties";
		}
		try (Reader yaml = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
			new Yaml().loadAll(yaml).forEach(document -> {
			});
			return null;
		}
		catch (YAMLException ex) {
			return "not valid YAML: " + String.join(" ", ex.getMessage().strip().lines().limit(3).map(String::strip).toList());
		}
		catch (IOException ex) {
			return "cannot be read: " + ex.getMessage();
		}
	}

}
