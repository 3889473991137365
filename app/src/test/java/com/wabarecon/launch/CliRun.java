package com.wabarecon.launch;

import java.io.PrintWriter;
import java.io.StringWriter;

/**
 * One run of the command line in this JVM, with what it printed.
 */
record CliRun(int exitCode, String out, String err) {

	static CliRun of(String... args) {
		StringWriter out = new StringWriter();
		StringWriter err = new StringWriter();
		int exitCode = ReconCli.run(new PrintWriter(out), new PrintWriter(err), args);
		return new CliRun(exitCode, out.toString(), err.toString());
	}

}
