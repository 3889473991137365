package com.wabarecon.launch;

import java.util.HashMap;
import java.util.Map;

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
		Map<String, Object> properties = new HashMap<>();
		if (dbUrl != null) {
			properties.put("spring.datasource.url", dbUrl);
		}
		return new SpringApplicationBuilder(ReconApplication.class).properties(properties)
			.logStartupInfo(false)
			.run();
	}

}
