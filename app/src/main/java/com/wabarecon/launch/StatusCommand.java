package com.wabarecon.launch;

import java.io.PrintWriter;
import java.time.YearMonth;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;

import com.wabarecon.ReconProperties;

import org.springframework.batch.core.job.JobExecution;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.scheduling.support.CronExpression;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/**
 * {@code recon status}: the recent closes with their parameters, outcome, times and counts.
 */
@Command(name = "status", mixinStandardHelpOptions = true, description = "List recent closes (parameters, status, "
		+ "start and end, rows each step read, loaded, rejected and skipped) and the next scheduled close.")
class StatusCommand implements Callable<Integer> {

	@Spec
	CommandSpec spec;

	@Option(names = "--limit", defaultValue = "10", description = "How many runs to list (default: ${DEFAULT-VALUE}).")
	int limit;

	@Mixin
	DatabaseOption database;

	@Override
	public Integer call() {
		PrintWriter out = spec.commandLine().getOut();
		try (ConfigurableApplicationContext context = SpringRuntime.start(database.dbUrl, database.config)) {
			List<JobExecution> executions = context.getBean(RunHistory.class).recent(limit);
			if (executions.isEmpty()) {
				out.println("No close has run yet.");
			}
			ReconProperties.Schedule schedule = context.getBean(ReconProperties.class).schedule();
			ZonedDateTime next = CronExpression.parse(schedule.cron()).next(ZonedDateTime.now(ZoneId.of(schedule.zone())));
			out.println("Scheduled close (jobs/monthly-close.yml, \"" + schedule.cron() + "\" " + schedule.zone()
					+ "): next at " + next.toLocalDateTime() + " " + schedule.zone() + ", for " + YearMonth.from(next).minusMonths(1));
			out.println();
			for (JobExecution execution : executions) {
				out.print(RunSummary.format(execution));
				out.println("  started " + RunSummary.time(execution.getStartTime()) + ", ended "
						+ RunSummary.time(execution.getEndTime()));
				out.println("  parameters: " + execution.getJobParameters()
					.parameters()
					.stream()
					.map(parameter -> parameter.name() + "=" + parameter.value())
					.sorted()
					.collect(Collectors.joining(", ")));
				out.println();
			}
		}
		return 0;
	}

}
