package com.wabarecon.launch;

import java.time.Clock;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;

import com.wabarecon.ReconProperties;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.scheduling.concurrent.ThreadPoolTaskScheduler;
import org.springframework.scheduling.support.CronExpression;
import org.springframework.scheduling.support.CronTrigger;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code recon serve}: runs until stopped and closes the previous month on the schedule of
 * {@code jobs/monthly-close.yml} (default 06:00 UTC on the 3rd, when every WABA time zone has
 * closed the month and late webhooks have settled). While it runs, it answers health and
 * Prometheus metrics over HTTP ({@code /actuator/health}, {@code /actuator/prometheus}) on
 * loopback.
 */
@Command(name = "serve", mixinStandardHelpOptions = true,
		description = "Run until stopped, closing the previous month on the schedule in jobs/monthly-close.yml.")
class ServeCommand implements Callable<Integer> {

	private static final Logger log = LoggerFactory.getLogger(ServeCommand.class);

	@Mixin
	DatabaseOption database;

	@Override
	public Integer call() throws InterruptedException {
		try (ConfigurableApplicationContext context = SpringRuntime.start(database.dbUrl, database.config, true)) {
			ReconProperties.Schedule schedule = context.getBean(ReconProperties.class).schedule();
			ZoneId zone = ZoneId.of(schedule.zone());
			ScheduledClose close = context.getBean(ScheduledClose.class);
			ThreadPoolTaskScheduler scheduler = new ThreadPoolTaskScheduler();
			scheduler.setThreadNamePrefix("monthly-close-");
			scheduler.initialize();
			scheduler.schedule(() -> {
				close.fire(Clock.system(zone));
				log.info("Next scheduled close at {}", next(schedule, zone));
			}, new CronTrigger(schedule.cron(), zone));
			log.info("Serving: the monthly close runs on \"{}\" ({}); next at {}", schedule.cron(), zone,
					next(schedule, zone));
			CountDownLatch stopped = new CountDownLatch(1);
			Runtime.getRuntime().addShutdownHook(new Thread(stopped::countDown));
			stopped.await();
			scheduler.shutdown();
		}
		return 0;
	}

	private static ZonedDateTime next(ReconProperties.Schedule schedule, ZoneId zone) {
		return CronExpression.parse(schedule.cron()).next(ZonedDateTime.now(zone));
	}

}
