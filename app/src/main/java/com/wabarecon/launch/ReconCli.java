package com.wabarecon.launch;

import java.io.PrintWriter;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * The command line: {@code recon close|restart|status|serve|help}. Arguments are parsed before any Spring
 * context starts, so a bad month or an unknown option is answered at once with the usage text
 * and exit code 2. Exit codes: 0 the close completed (discrepancies are results, not
 * failures), 1 it failed, 2 usage error (or a request that cannot be run: an unknown client, a
 * resumed close given other options), 3 refused because a close of the month is running (on the
 * embedded database: because another recon process has it open). An error outside a close (the
 * database cannot be reached, say) is one line on stderr and 1.
 * <p>
 * {@code generate} and {@code bench} are not the product's: the launcher runs them from the
 * bench module's jar. The usage text names them so that {@code ./recon help} lists every
 * command the launcher takes.
 */
@Command(name = "recon", mixinStandardHelpOptions = true, versionProvider = ReconCli.Version.class,
		description = "Monthly close for WhatsApp Business Solution Providers: import usage estimates and "
				+ "Meta's invoice, reconcile them, and send each client its statement.",
		subcommands = { CloseCommand.class, RestartCommand.class, StatusCommand.class, LinesCommand.class,
				ForecastCommand.class, ServeCommand.class, WorkerCommand.class,
				CommandLine.HelpCommand.class },
		footer = { "", "./recon also runs, from the bench module (./recon COMMAND --help):",
				"  generate  Generate a synthetic inbox of one month.",
				"  bench     Benchmark the close on a generated month against PostgreSQL." })
public class ReconCli {

	public static final int EXIT_USAGE = CommandLine.ExitCode.USAGE;

	private ReconCli() {
	}

	public static int execute(String... args) {
		return run(new PrintWriter(System.out, true), new PrintWriter(System.err, true), args);
	}

	/** Runs one command, writing to the given streams; returns the exit code. */
	public static int run(PrintWriter out, PrintWriter err, String... args) {
		CommandLine commandLine = new CommandLine(new ReconCli()).setOut(out).setErr(err);
		if (args.length == 0) {
			commandLine.usage(out);
			return EXIT_USAGE;
		}
		try {
			return commandLine.setExecutionExceptionHandler((ex, cmd, parsed) -> {
				// one line a person can act on; the stack trace goes to the log file
				cmd.getErr().println("recon " + cmd.getCommandName() + ": " + SpringRuntime.explain(ex));
				org.slf4j.LoggerFactory.getLogger(ReconCli.class).error("Command failed", ex);
				return SpringRuntime.embeddedDatabaseInUse(ex) ? CloseOutcome.Kind.REFUSED.exitCode : 1;
			}).execute(args);
		}
		finally {
			out.flush();
			err.flush();
		}
	}

	static final class Version implements CommandLine.IVersionProvider {

		@Override
		public String[] getVersion() {
			String version = ReconCli.class.getPackage().getImplementationVersion();
			return new String[] { "recon " + (version == null ? "(development build)" : version) };
		}

	}

}
