package com.wabarecon.launch;

import java.io.PrintWriter;
import java.time.YearMonth;
import java.util.Arrays;
import java.util.Locale;
import java.util.concurrent.Callable;

import com.wabarecon.reconciliation.MonthLines;
import com.wabarecon.rules.LineStatus;

import org.springframework.context.ConfigurableApplicationContext;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * {@code recon lines --month YYYY-MM [--status S] [--client ID] [--csv]}: the month's
 * reconciliation lines as the last close of the month left them; the discrepancies unless a
 * status is asked for.
 */
@Command(name = "lines", mixinStandardHelpOptions = true, sortOptions = false,
		description = "Print a month's discrepancies (or its lines of one status) as a table, or as CSV.")
class LinesCommand implements Callable<Integer> {

	@Spec
	CommandSpec spec;

	@Option(names = "--month", required = true, paramLabel = "YYYY-MM", converter = MonthConverter.class,
			description = "The billing month, for example 2025-09.")
	YearMonth month;

	@Option(names = "--status", paramLabel = "S", description = "Only lines of this status (default: every "
			+ "discrepancy, that is every status but MATCHED and WITHIN_TOLERANCE).")
	String status;

	@Option(names = "--client", paramLabel = "ID", description = "Only this client's lines.")
	String client;

	@Option(names = "--csv", description = "Print CSV with the columns of reconciliation-<month>.csv.")
	boolean csv;

	@Mixin
	DatabaseOption database;

	@Override
	public Integer call() {
		LineStatus wanted = status();
		ClientIds.check(spec, client);
		PrintWriter out = spec.commandLine().getOut();
		PrintWriter err = spec.commandLine().getErr();
		try (ConfigurableApplicationContext context = SpringRuntime.start(database.dbUrl, database.config)) {
			long printed = context.getBean(MonthLines.class).print(month.toString(), client, wanted, csv, out);
			if (printed == 0) {
				err.println("lines " + month + ": no " + (wanted == null ? "discrepancy" : wanted + " line")
						+ (client == null ? "" : " of client " + client) + " (a close of " + month
						+ " that went through its reconciliation writes them; recon status lists the closes)");
			}
		}
		return 0;
	}

	private LineStatus status() {
		if (status == null) {
			return null;
		}
		try {
			return LineStatus.valueOf(status.toUpperCase(Locale.ROOT));
		}
		catch (IllegalArgumentException ex) {
			throw new ParameterException(spec.commandLine(), "--status " + status + " is not a line status (one of "
					+ Arrays.toString(LineStatus.values()).replaceAll("[\\[\\]]", "") + ")");
		}
	}

}
