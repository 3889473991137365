package com.wabarecon.support.bulk;

import static org.assertj.core.api.Assertions.assertThat;

import com.zaxxer.hikari.HikariDataSource;
import org.junit.jupiter.api.Test;

import org.springframework.mock.env.MockEnvironment;

class DataSourceSettingsTests {

	@Test
	void thePoolHoldsAConnectionForEveryThreadThatWorksAtOnceAndOneForTheJob() {
		// 3 usage shares, 5 statement threads: the statements are the most threads at once, 5 + 1
		assertThat(poolSize(new MockEnvironment().withProperty("recon.import.usage-shares", "3")
			.withProperty("recon.statement.threads", "5"))).isEqualTo(6);
		// one share and one thread: the two flows a stage runs side by side, 2 + 1
		assertThat(poolSize(new MockEnvironment().withProperty("recon.import.usage-shares", "1")
			.withProperty("recon.statement.threads", "1"))).isEqualTo(3);
	}

	@Test
	void aWorkerHoldsAConnectionForEachPartitionItRunsAtOnce() {
		// recon worker --concurrency 6 on a machine whose shares and threads are 2: 6 + 1
		assertThat(poolSize(new MockEnvironment().withProperty("recon.import.usage-shares", "2")
			.withProperty("recon.statement.threads", "2")
			.withProperty("recon.distribution.concurrency", "6"))).isEqualTo(7);
	}

	@Test
	void emailsSentSideBySideHoldAConnectionEach() {
		assertThat(poolSize(new MockEnvironment().withProperty("recon.import.usage-shares", "2")
			.withProperty("recon.statement.threads", "2")
			.withProperty("recon.delivery.threads", "4"))).isEqualTo(5);
	}

	@Test
	void aPoolSizeTheConfigurationSetsIsKept() {
		assertThat(poolSize(new MockEnvironment().withProperty("recon.statement.threads", "16")
			.withProperty("spring.datasource.hikari.maximum-pool-size", "7"))).isEqualTo(7);
	}

	private static int poolSize(MockEnvironment environment) {
		HikariDataSource dataSource = new HikariDataSource();
		dataSource.setJdbcUrl("jdbc:h2:mem:pool");
		if (environment.containsProperty("spring.datasource.hikari.maximum-pool-size")) {
			dataSource.setMaximumPoolSize(
					Integer.parseInt(environment.getProperty("spring.datasource.hikari.maximum-pool-size")));
		}
		settings(environment).postProcessBeforeInitialization(dataSource, "dataSource");
		return dataSource.getMaximumPoolSize();
	}

	private static DataSourceSettings settings(MockEnvironment environment) {
		DataSourceSettings settings = new DataSourceSettings();
		settings.setEnvironment(environment);
		return settings;
	}

}
