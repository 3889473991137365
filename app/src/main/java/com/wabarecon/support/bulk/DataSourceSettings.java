package com.wabarecon.support.bulk;

import java.util.stream.IntStream;

import com.wabarecon.ReconProperties;
import com.zaxxer.hikari.HikariDataSource;

import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.context.EnvironmentAware;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;

/**
 * Sizes the close's connection pool from the threads that work at once (the usage shares, the
 * statements' threads, the two flows a stage runs side by side, a worker's partitions, the emails sent side by side)
 * and one
 * for the job's own thread, unless {@code spring.datasource.hikari.maximum-pool-size} says otherwise.
 */
@Component
class DataSourceSettings implements BeanPostProcessor, EnvironmentAware {

	/** Flows run side by side within a stage (the pricing beside the invoice, the sides, ...). */
	private static final int SPLIT_FLOWS = 2;

	private int connections;

	private boolean sizeSet;

	@Override
	public void setEnvironment(Environment environment) {
		// bound here, not injected: a post-processor is created before the configuration beans
		Binder binder = Binder.get(environment);
		ReconProperties.Import importing = binder.bindOrCreate("recon.import", ReconProperties.Import.class);
		ReconProperties.Statement statement = binder.bindOrCreate("recon.statement", ReconProperties.Statement.class);
		// a worker runs its partitions on as many consumer threads as its concurrency
		int workerThreads = binder.bind("recon.distribution.concurrency", Integer.class).orElse(1);
		int deliveryThreads = binder.bind("recon.delivery.threads", Integer.class).orElse(1);
		this.connections = IntStream.of(SPLIT_FLOWS, workerThreads, deliveryThreads, importing.usageShares(),
				statement.threads()).max().getAsInt() + 1;
		this.sizeSet = environment.containsProperty("spring.datasource.hikari.maximum-pool-size");
	}

	@Override
	public Object postProcessBeforeInitialization(Object bean, String beanName) {
		if (bean instanceof HikariDataSource dataSource && !sizeSet) {
			dataSource.setMaximumPoolSize(connections);
		}
		return bean;
	}

}
