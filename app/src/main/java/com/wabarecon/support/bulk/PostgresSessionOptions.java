package com.wabarecon.support.bulk;

import com.wabarecon.ReconProperties;
import com.zaxxer.hikari.HikariDataSource;

import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.context.EnvironmentAware;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;

/**
 * Gives every PostgreSQL session of the close the server settings of
 * {@code recon.database.postgresql-options}. The close's queries each run once over millions
 * of rows: PostgreSQL's JIT compiled the sides query for 2.3 s of its 8.6 s, and compiles
 * again for every such query, with nothing to reuse. Nor do they run parallel workers: two
 * of them run side by side with the close's own threads, and the workers' passing of rows
 * between processes only cost CPU that the two cores did not have to spare.
 * A URL that sets {@code options} itself keeps its own.
 */
@Component
class PostgresSessionOptions implements BeanPostProcessor, EnvironmentAware {

	static final String DRIVER_PROPERTY = "options";

	private String options = "";

	@Override
	public void setEnvironment(Environment environment) {
		// bound here, not injected: a post-processor is created before the configuration beans
		this.options = Binder.get(environment)
			.bindOrCreate("recon.database", ReconProperties.Database.class)
			.postgresqlOptions();
	}

	@Override
	public Object postProcessBeforeInitialization(Object bean, String beanName) {
		if (bean instanceof HikariDataSource dataSource && applies(dataSource.getJdbcUrl())
				&& dataSource.getDataSourceProperties().getProperty(DRIVER_PROPERTY) == null) {
			dataSource.addDataSourceProperty(DRIVER_PROPERTY, options);
		}
		return bean;
	}

	private boolean applies(String url) {
		return options != null && !options.isBlank() && url != null && url.startsWith("jdbc:postgresql:")
				&& !url.contains(DRIVER_PROPERTY + "=");
	}

}
