package com.wabarecon.launch;

import java.net.URI;
import java.util.List;

import picocli.CommandLine.Option;

/** The broker of a distributed close, for the manager and the workers alike. */
class BrokerOption {

	@Option(names = "--broker", paramLabel = "URI", description = "The RabbitMQ broker (default: "
			+ "recon.distribution.broker, amqp://guest:guest@127.0.0.1:5672); give its password in "
			+ "RECON_DISTRIBUTION_PASSWORD rather than here.")
	URI broker;

	/** The setting this option makes, for {@link SpringRuntime#start}; none when not given. */
	List<String> settings() {
		return broker == null ? List.of() : List.of("recon.distribution.broker=" + broker);
	}

}
