package com.wabarecon.launch;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;

import com.wabarecon.distribution.DistributionCheck;
import com.wabarecon.distribution.DistributionConfiguration;

import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.SmartLifecycle;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * {@code recon worker}: runs until stopped, taking the partitions of distributed closes from the
 * broker and running them against the shared database. It starts taking them only once the
 * database is known to be PostgreSQL and the broker answers.
 */
@Command(name = "worker", mixinStandardHelpOptions = true,
		description = "Run until stopped, running the partitions distributed closes send over the broker.")
class WorkerCommand implements Callable<Integer> {

	@Spec
	CommandSpec spec;

	@Mixin
	DatabaseOption database;

	@Mixin
	BrokerOption broker;

	@Option(names = "--concurrency", paramLabel = "N", description = "How many partitions this worker runs at "
			+ "a time (default: recon.distribution.concurrency, 1).")
	Integer concurrency;

	@Override
	public Integer call() throws InterruptedException {
		if (concurrency != null && concurrency < 1) {
			throw new ParameterException(spec.commandLine(), "--concurrency must be at least 1");
		}
		PrintWriter out = spec.commandLine().getOut();
		PrintWriter err = spec.commandLine().getErr();
		List<String> settings = new ArrayList<>(List.of("recon.worker.enabled=true"));
		settings.addAll(broker.settings());
		if (concurrency != null) {
			settings.add("recon.distribution.concurrency=" + concurrency);
		}
		try (ConfigurableApplicationContext context = SpringRuntime.start(database.dbUrl, database.config, false,
				settings)) {
			DistributionCheck check = context.getBean(DistributionCheck.class);
			String problem = check.databaseProblem("a worker");
			if (problem != null) {
				err.println("worker: " + problem + "; not started");
				return CloseOutcome.Kind.INVALID.exitCode;
			}
			problem = check.brokerProblem();
			if (problem != null) {
				err.println("worker: " + problem + "; not started");
				return CloseOutcome.Kind.FAILED.exitCode;
			}
			CountDownLatch stopped = new CountDownLatch(1);
			Runtime.getRuntime().addShutdownHook(new Thread(stopped::countDown));
			context.getBean(DistributionConfiguration.RECEIVER, SmartLifecycle.class).start();
			out.println("worker: taking partitions from " + check.queue() + " on " + check.broker() + ", "
					+ check.concurrency() + " at a time; "
					+ "stop it with Ctrl-C or SIGTERM");
			out.flush();
			stopped.await();
		}
		return 0;
	}

}
