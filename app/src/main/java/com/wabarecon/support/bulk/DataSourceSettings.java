package com.wabarecon.support.bulk;

import com.wabarecon.ReconProperties;
import com.zaxxer.hikari.HikariDataSource;

import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.context.EnvironmentAware;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;

/**
 * Settings of the close's connection pool that follow from the close's own configuration:
 * <ul>
 * <li>its size, from the threads that work at once (the usage shares, the statements' threads,
 * the two flows the stages run side by side), and one for the job's own thread, unless
 * {@code spring.datasource.hikari.maximum-pool-size} says otherwise;</li>
 * <li>on PostgreSQL, the server settings of {@code recon.database.postgresql-options} for every
 * session, unless the URL sets {@code options} itself.</li>
 * </ul>
 */
@Component
class DataSourceSettings implements BeanPostProcessor, EnvironmentAware {

	static final String DRIVER_PROPERTY = "options";

	/** Flows run side by side within a stage (the pricing beside the invoice, the sides, ...). */
	private static final int SPLIT_FLOWS = 2;

	private String options = "";

	private int connections;

	private boolean sizeSet;

	@Override
	public void setEnvironment(Environment environment) {
		// bound here, not injected: a post-processor is created before the configuration beans
		Binder binder = Binder.get(environment);
		ReconProperties.Database database = binder.bindOrCreate("recon.database", ReconProperties.Database.class);
		ReconProperties.Import importing = binder.bindOrCreate("recon.import", ReconProperties.Import.class);
		ReconProperties.Statement statement = binder.bindOrCreate("recon.statement", ReconProperties.Statement.class);
		this.options = database.postgresqlOptions();
		this.connections = Math.max(SPLIT_FLOWS, Math.max(importing.usageShares(), statement.threads())) + 1;
		this.sizeSet = environment.containsProperty("spring.datasource.hikari.maximum-pool-size");
	}

	@Override
	public Object postProcessBeforeInitialization(Object bean, String beanName) {
		if (bean instanceof HikariDataSource dataSource) {
			if (!sizeSet) {
				dataSource.setMaximumPoolSize(connections);
			}
			if (applies(dataSource.getJdbcUrl()) && dataSource.getDataSourceProperties().getProperty(DRIVER_PROPERTY) == null) {
				dataSource.addDataSourceProperty(DRIVER_PROPERTY, options);
			}
		}
		return bean;
	}

	private boolean applies(String url) {
		return options != null && !options.isBlank() && url != null && url.startsWith("jdbc:postgresql:")
				&& !url.contains(DRIVER_PROPERTY + "=");
	}

}
