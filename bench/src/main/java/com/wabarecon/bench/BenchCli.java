package com.wabarecon.bench;

import java.io.PrintWriter;

import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * The bench module's command line: {@code recon generate|bench|help}. The launcher
 * {@code ./recon} runs it for those two commands and the product's {@code ReconCli} for every
 * other, so it goes by the same name. Arguments are parsed before anything runs. Exit codes: 0
 * done, 1 failed (the failure logged, then one line on stderr), 2 usage error.
 */
@Command(name = "recon", sortOptions = false,
		description = "The generator and the benchmark of the monthly close: a synthetic month, and the close's "
				+ "speed on it against PostgreSQL's own.",
		subcommands = { GenerateCommand.class, BenchCommand.class, CommandLine.HelpCommand.class })
public final class BenchCli {

	static final int EXIT_USAGE = CommandLine.ExitCode.USAGE;

	@Option(names = { "-h", "--help" }, usageHelp = true, description = "Show this help message and exit.")
	boolean help;

	private BenchCli() {
	}

	public static void main(String[] args) {
		System.exit(run(new PrintWriter(System.out, true), new PrintWriter(System.err, true), args));
	}

	/** Runs one command, writing to the given streams; returns the exit code. */
	static int run(PrintWriter out, PrintWriter err, String... args) {
		CommandLine commandLine = new CommandLine(new BenchCli()).setOut(out).setErr(err);
		if (args.length == 0) {
			commandLine.usage(out);
			return EXIT_USAGE;
		}
		try {
			return commandLine.setExecutionExceptionHandler((ex, cmd, parsed) -> {
				cmd.getErr().println("recon " + cmd.getCommandName() + ": " + innermostMessage(ex));
				org.slf4j.LoggerFactory.getLogger(BenchCli.class).error("Command failed", ex);
				return 1;
			}).execute(args);
		}
		finally {
			out.flush();
			err.flush();
		}
	}

	/** The innermost cause's first line, or its type when it has no message. */
	private static String innermostMessage(Throwable failure) {
		Throwable cause = failure;
		while (cause.getCause() != null && cause.getCause() != cause) {
			cause = cause.getCause();
		}
		String message = String.valueOf(cause.getMessage()).lines().findFirst().orElse("");
		return cause.getMessage() == null || message.isBlank() ? cause.getClass().getSimpleName() : message;
	}

}
