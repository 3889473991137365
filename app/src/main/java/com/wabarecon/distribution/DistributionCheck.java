package com.wabarecon.distribution;

import javax.sql.DataSource;

import com.wabarecon.ReconProperties;
import com.wabarecon.support.bulk.DatabaseProduct;

import org.springframework.jdbc.support.MetaDataAccessException;
import org.springframework.stereotype.Component;

/**
 * What a distributed close (or a worker) needs before it starts: the PostgreSQL database the
 * workers share (the embedded H2 database serves one process), and a broker that answers.
 */
@Component
public class DistributionCheck {

	private final ReconProperties.Distribution settings;

	private final DataSource dataSource;

	private final Broker broker;

	DistributionCheck(ReconProperties properties, DataSource dataSource) {
		this.settings = properties.distribution();
		this.dataSource = dataSource;
		this.broker = new Broker(settings);
	}

	public boolean distributed() {
		return settings.enabled();
	}

	/**
	 * Why the database cannot be shared by the close and its workers, or {@code null} when it can.
	 * @param who "a distributed close", "a worker"
	 */
	public String databaseProblem(String who) {
		try {
			if (DatabaseProduct.of(dataSource) == DatabaseProduct.POSTGRESQL) {
				return null;
			}
		}
		catch (MetaDataAccessException ex) {
			return "the database cannot be reached: " + ex.getMessage();
		}
		return who + " needs the PostgreSQL database that the close and its workers share (--db-url or "
				+ "SPRING_DATASOURCE_URL); the embedded H2 database serves one process";
	}

	/** Why the broker cannot be reached, or {@code null} when it answers. */
	public String brokerProblem() {
		return broker.problem();
	}

	public String broker() {
		return broker.describe();
	}

	public String queue() {
		return settings.queue();
	}

	/** How many partitions a worker runs at a time. */
	public int concurrency() {
		return settings.concurrency();
	}

}
