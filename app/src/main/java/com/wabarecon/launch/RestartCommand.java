package com.wabarecon.launch;

import java.io.PrintWriter;
import java.util.concurrent.Callable;

import org.springframework.context.ConfigurableApplicationContext;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code recon restart <executionId>}: resumes a failed close where it stopped, with the same
 * parameters (see {@code recon status} for the execution ids). A close left running by a
 * process that was killed is marked failed first.
 */
@Command(name = "restart", mixinStandardHelpOptions = true,
		description = "Resume a failed close where it stopped, with the same parameters.")
class RestartCommand implements Callable<Integer> {

	@Spec
	CommandSpec spec;

	@Parameters(index = "0", paramLabel = "EXECUTION_ID", description = "The failed execution (see 'recon status').")
	long executionId;

	@Mixin
	DatabaseOption database;

	@Mixin
	DistributionOption distribution;

	@Override
	public Integer call() {
		PrintWriter out = spec.commandLine().getOut();
		PrintWriter err = spec.commandLine().getErr();
		try (ConfigurableApplicationContext context = SpringRuntime.start(database.dbUrl, database.config, false,
				distribution.settings())) {
			CloseOutcome outcome = context.getBean(CloseLauncher.class).restart(executionId);
			if (outcome.execution() != null) {
				out.print(RunSummary.format(outcome.execution()));
				out.print(RunSummary.files(context, outcome.execution()));
				out.print(RunSummary.attention(context, outcome.execution()));
			}
			(outcome.kind().exitCode == 0 ? out : err).println("restart " + executionId + ": " + outcome.message());
			return outcome.kind().exitCode;
		}
	}

}
