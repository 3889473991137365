package com.wabarecon.launch;

import java.io.PrintWriter;
import java.math.BigDecimal;
import java.util.concurrent.Callable;

import com.wabarecon.forecast.ForecastBacktest;
import com.wabarecon.rules.Backtest;

import org.springframework.context.ConfigurableApplicationContext;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * {@code recon forecast --backtest [--months N]}: how well the approximate charges' method would
 * have forecast the closed months the database holds, each from the months before it: the mean
 * absolute percentage error of the volumes and how often the actual fell inside the 80 %
 * interval, per client and overall.
 */
@Command(name = "forecast", mixinStandardHelpOptions = true, sortOptions = false,
		description = "Backtest the approximate charges' forecast on the closed months in the database.")
class ForecastCommand implements Callable<Integer> {

	private static final String ROW = "%-24s %10s %8s  %s%n";

	@Spec
	CommandSpec spec;

	@Option(names = "--backtest", required = true,
			description = "Forecast each of the last months from the months before it, and compare with the actual.")
	boolean backtest;

	@Option(names = "--months", paramLabel = "N", defaultValue = "12",
			description = "How many of the last closed months to forecast (default: ${DEFAULT-VALUE}).")
	int months;

	@Mixin
	DatabaseOption database;

	@Override
	public Integer call() {
		if (months < 1) {
			throw new ParameterException(spec.commandLine(), "--months must be 1 or more");
		}
		PrintWriter out = spec.commandLine().getOut();
		try (ConfigurableApplicationContext context = SpringRuntime.start(database.dbUrl, database.config)) {
			ForecastBacktest.Report report = context.getBean(ForecastBacktest.class).run(months);
			if (report.last() == null) {
				spec.commandLine().getErr().println("forecast --backtest: no reconciled month in the database");
				return 0;
			}
			out.printf("backtest of %s to %s: each month's volume forecast from the months before it%n", report.first(),
					report.last());
			out.printf(ROW, "client", "forecasts", "MAPE", "actual inside the 80 % interval");
			report.perClient().forEach((client, result) -> print(out, client, result));
			print(out, "overall", report.overall());
		}
		return 0;
	}

	private static void print(PrintWriter out, String name, Backtest result) {
		BigDecimal mape = result.meanAbsolutePctError();
		BigDecimal coverage = result.coveragePct();
		out.printf(ROW, name, result.forecasts(), mape == null ? "-" : mape.toPlainString() + " %",
				coverage == null ? "no interval (fewer than 3 months before)"
						: result.inside() + " of " + result.withInterval() + " (" + coverage.toPlainString() + " %)");
	}

}
