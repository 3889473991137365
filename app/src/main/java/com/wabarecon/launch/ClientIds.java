package com.wabarecon.launch;

import com.wabarecon.importing.FieldChecks;

import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParameterException;

/** The {@code --client} option's check, one for every command that takes it. */
final class ClientIds {

	private ClientIds() {
	}

	/**
	 * Refuses, as a usage error, a {@code --client} that cannot be a client id (a client's files
	 * are named after it); {@code null} (the option not given) passes.
	 */
	static void check(CommandSpec spec, String client) {
		String problem = client == null ? null : FieldChecks.safeId("--client", client);
		if (problem != null) {
			throw new ParameterException(spec.commandLine(), problem);
		}
	}

}
