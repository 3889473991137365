package com.wabarecon.launch;

import java.util.ArrayList;
import java.util.List;

import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * The options of a command that may spread a close over workers: whether it does, and the
 * broker. Both are settings of the process ({@code recon.distribution.*}), not of the run: a
 * close resumed locally or by workers gives the same files.
 */
class DistributionOption {

	@Option(names = "--distributed", description = "Send the statements' and the usage import's partitions to "
			+ "workers (recon worker) over the broker instead of running them on this machine's threads; needs "
			+ "PostgreSQL and shared inbox and output folders (default: recon.distribution.enabled).")
	boolean distributed;

	@Mixin
	BrokerOption broker;

	/** The settings these options make, for {@link SpringRuntime#start}. */
	List<String> settings() {
		List<String> settings = new ArrayList<>();
		if (distributed) {
			settings.add("recon.distribution.enabled=true");
		}
		settings.addAll(broker.settings());
		return settings;
	}

}
