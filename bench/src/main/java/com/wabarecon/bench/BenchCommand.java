package com.wabarecon.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.DriverManager;
import java.time.Duration;
import java.time.LocalDateTime;
import java.time.YearMonth;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.stream.Stream;

import com.wabarecon.Stage;
import com.wabarecon.launch.CloseLauncher;
import com.wabarecon.launch.CloseOutcome;
import com.wabarecon.launch.CloseRequest;
import com.wabarecon.launch.MonthConverter;
import com.wabarecon.launch.SpringRuntime;
import com.wabarecon.launch.StageConverter;
import com.wabarecon.support.PartitionNames;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.core.step.StepExecution;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * {@code recon bench}: generates a synthetic month, closes it on PostgreSQL in a schema of its
 * own, then measures PostgreSQL alone on the same rows ({@code psql \copy} and one
 * aggregate-and-join query) and prints both, with the targets. Emails nothing: the close is a
 * dry run.
 */
@Command(name = "bench", mixinStandardHelpOptions = true, sortOptions = false,
		description = "Benchmark the close on a generated month against PostgreSQL's own speed (psql \\copy).")
class BenchCommand implements Callable<Integer> {

	/** A large partner: 40,000 channels for 13,000 clients. */
	static final int LARGE_PARTNER_CHANNELS = 40_000;

	static final double CLIENTS_PER_CHANNEL = 13_000.0 / 40_000;

	static final String DEFAULT_DB_URL = "jdbc:postgresql://127.0.0.1:5432/test?user=postgres";

	@Spec
	CommandSpec spec;

	@Option(names = "--channels", defaultValue = "" + LARGE_PARTNER_CHANNELS,
			description = "Channels in the generated month (default: ${DEFAULT-VALUE}).")
	int channels;

	@Option(names = "--clients", description = "Clients (default: 13 for every 40 channels).")
	Integer clients;

	@Option(names = "--month", defaultValue = "2025-09", converter = MonthConverter.class,
			description = "The generated month (default: ${DEFAULT-VALUE}).")
	YearMonth month;

	@Option(names = "--seed", defaultValue = "" + GeneratorSettings.DEFAULT_SEED, description = "Generator seed.")
	long seed;

	@Option(names = "--call-pct", paramLabel = "P", defaultValue = "" + GeneratorSettings.DEFAULT_CALL_PCT,
			description = "Share of the channels that make and take calls, %% (default: ${DEFAULT-VALUE}; 0 for none).")
	double callPct;

	@Mixin
	WebhookTrafficOptions webhooks;

	@Option(names = "--work", defaultValue = "target/bench", paramLabel = "DIR",
			description = "Folder for the generated inbox, the outputs and the report (default: ${DEFAULT-VALUE}).")
	Path work;

	@Option(names = "--db-url", paramLabel = "URL",
			description = "PostgreSQL to run on; a schema of its own is created and dropped "
					+ "(default: SPRING_DATASOURCE_URL if it is PostgreSQL, else " + DEFAULT_DB_URL + ").")
	String dbUrl;

	@Option(names = "--until", paramLabel = "STAGE", converter = StageConverter.class,
			description = "Stop the close after this stage (import, reconcile, statements; default: the whole close).")
	Stage until;

	@Option(names = "--keep", description = "Keep the generated inbox and the schema afterwards.")
	boolean keep;

	@Option(names = "--workers", paramLabel = "N", defaultValue = "0", description = "Run the close distributed, "
			+ "its partitions taken by N recon worker processes on this machine over the local RabbitMQ "
			+ "(RECON_DISTRIBUTION_BROKER); 0 (the default): local threads.")
	int workers;

	@Option(names = "--worker-concurrency", paramLabel = "C", defaultValue = "1",
			description = "Partitions each worker runs at a time (default: ${DEFAULT-VALUE}).")
	int workerConcurrency;

	@Override
	public Integer call() throws Exception {
		var out = spec.commandLine().getOut();
		String baseUrl = baseUrl();
		int clientCount = clients != null ? clients : Math.max(1, (int) Math.round(channels * CLIENTS_PER_CHANNEL));
		String stamp = LocalDateTime.now().format(DateTimeFormatter.ofPattern("yyyyMMddHHmmss"));
		Path run = work.resolve(stamp);
		Path inbox = run.resolve("inbox");

		out.printf("recon bench: generating %,d channels for %,d clients into %s ...%n", channels, clientCount, inbox);
		long started = System.nanoTime();
		Manifest manifest = InboxGenerator.generate(
				GeneratorSettings.of(channels, clientCount, month, inbox, seed).withCallPct(callPct)
					.withWebhooks(webhooks.onlyPct, webhooks.messages));
		double generateSeconds = seconds(started);
		flushToDisk(out);
		System.gc(); // the close starts on a heap without the generator's garbage, as a close of its own would

		String schema = "recon_bench_" + stamp;
		execute(baseUrl, "CREATE SCHEMA " + schema);
		String schemaUrl = baseUrl + (baseUrl.contains("?") ? "&" : "?") + "currentSchema=" + schema;
		try {
			BenchReport report = closeAndMeasure(manifest, generateSeconds, inbox, run, schemaUrl, out);
			String text = report.format();
			out.println();
			out.print(text);
			Path file = work.resolve("bench-" + stamp + ".txt");
			Files.writeString(file, text);
			out.println("report written to " + file);
			return 0;
		}
		finally {
			if (!keep) {
				execute(baseUrl, "DROP SCHEMA IF EXISTS " + schema + " CASCADE");
				deleteTree(inbox);
			}
		}
	}

	private BenchReport closeAndMeasure(Manifest manifest, double generateSeconds, Path inbox, Path run,
			String schemaUrl, java.io.PrintWriter out) throws Exception {
		out.printf("recon bench: closing %s on PostgreSQL (dry run: nothing is emailed)%s ...%n", month,
				workers == 0 ? "" : ", its partitions run by %d worker processes".formatted(workers));
		List<StageFigures> stages = new ArrayList<>();
		List<String> partitionsAndCpu = new ArrayList<>();
		Map<String, Long> statuses;
		JobExecution execution;
		double closeSeconds;
		long peakHeap;
		String environment = "bench-" + run.getFileName();
		List<String> settings = workers == 0 ? List.of()
				: List.of("recon.distribution.enabled=true", "recon.distribution.environment=" + environment,
						"recon.distribution.poll-interval=500ms");
		try (WorkerProcesses workerProcesses = workers == 0 ? null
				: WorkerProcesses.start(workers, workerConcurrency, applicationJar(), schemaUrl, environment,
						run.resolve("workers"));
				HeapSampler heap = new HeapSampler();
				CpuSampler cpu = new CpuSampler(workerProcesses == null ? List.of() : workerProcesses.pids());
				ConfigurableApplicationContext context = SpringRuntime.start(schemaUrl, settings)) {
			long started = System.nanoTime();
			CloseOutcome outcome = context.getBean(CloseLauncher.class)
				.launch(new CloseRequest(month, null, false, inbox, run.resolve("out"), true, false, until, schemaUrl,
						null, null, null, null, null));
			closeSeconds = seconds(started);
			// sampled heap in use: the pools' own peaks, added up, are reached at different moments
			peakHeap = heap.peak(0, System.currentTimeMillis());
			execution = outcome.execution();
			// --until: the close stops after that stage, as asked
			if (outcome.kind() != CloseOutcome.Kind.COMPLETED && outcome.kind() != CloseOutcome.Kind.STOPPED) {
				throw new IllegalStateException("the close did not complete: " + outcome.message());
			}
			// as recorded: the partitions a worker ran are not updated in the manager's copies
			JobExecution recorded = context.getBean(JobRepository.class).getJobExecution(execution.getId());
			for (StepExecution step : recorded.getStepExecutions()) {
				stages.add(new StageFigures(label(recorded, step), rows(recorded, step), stepSeconds(step),
						heap.peak(millis(step.getStartTime()), millis(step.getEndTime()))));
			}
			stages.sort(Comparator.comparing(s -> startOf(recorded, s.stage())));
			partitionsAndCpu.add("partitions:");
			PartitionFigures.of(recorded).forEach(figures -> partitionsAndCpu.add(figures.format()));
			partitionsAndCpu.add("CPU seconds (this JVM%s, PostgreSQL):".formatted(workers == 0 ? "" : ", the workers"));
			for (String name : List.of("usageExportsStep", "reconciliationStep", "statementsStep", "deliveryStep")) {
				StepExecution step = step(recorded, name);
				if (step != null && step.getStartTime() != null && step.getEndTime() != null) {
					CpuSampler.Cpu used = cpu.between(millis(step.getStartTime()), millis(step.getEndTime()));
					partitionsAndCpu.add(String.format(java.util.Locale.ROOT, "  %-18s %7.1f s%s %s", name, used.close(),
							workers == 0 ? "" : String.format(java.util.Locale.ROOT, " %7.1f s", used.workers()),
							used.postgres() < 0 ? "PostgreSQL not on this machine"
									: String.format(java.util.Locale.ROOT, "%7.1f s", used.postgres())));
				}
			}
			if (workers > 0) {
				context.getBean(org.springframework.amqp.core.AmqpAdmin.class).deleteQueue("recon.partitions." + environment);
			}
			statuses = new LinkedHashMap<>();
			JdbcClient jdbc = context.getBean(JdbcClient.class);
			jdbc.sql("SELECT status, COUNT(*) FROM recon_line WHERE billing_month = ? GROUP BY status ORDER BY status")
				.param(month.toString())
				.query((rs, n) -> statuses.put(rs.getString(1), rs.getLong(2)))
				.list();
		}
		out.println("recon bench: measuring the floor with psql on the same rows ...");
		PsqlFloor.Result floor = PsqlFloor.of(schemaUrl, run.resolve("floor")).measure(month.toString());
		// from the usage import's start to the reconciliation's end: the pricing and the invoice
		// import run side by side in between
		StepExecution usage = step(execution, "usageImportStep");
		StepExecution reconciliation = step(execution, "reconciliationStep");
		double importAndReconcile = usage == null || reconciliation == null || reconciliation.getEndTime() == null ? 0
				: Duration.between(usage.getStartTime(), reconciliation.getEndTime()).toMillis() / 1000.0;
		StepExecution statements = step(execution, "statementsStep");
		return new BenchReport(manifest, generateSeconds, stages, closeSeconds, Runtime.getRuntime().maxMemory(),
				peakHeap, floor, statuses, importAndReconcile, statements == null ? 0 : statements.getWriteCount(),
				stepSeconds(execution, "statementsStep"), machine(), partitionsAndCpu);
	}

	/** The application's runnable jar, which the workers run: {@code app/target/recon-exec.jar} of the home. */
	private static Path applicationJar() {
		String home = System.getenv().getOrDefault("RECON_HOME", ".");
		return Path.of(home, "app", "target", "recon-exec.jar").toAbsolutePath().normalize();
	}

	/**
	 * Writes the generated inbox out to the disk before the close is timed: otherwise the kernel
	 * writes its gigabyte back while the close loads, and the close pays for the generator.
	 */
	private static void flushToDisk(java.io.PrintWriter out) {
		try {
			if (new ProcessBuilder("sync").inheritIO().start().waitFor() != 0) {
				out.println("recon bench: sync failed; the generated files may still be written back during the close");
			}
		}
		catch (IOException ex) {
			out.println("recon bench: no sync command (" + ex.getMessage() + "); the generated files may still be"
					+ " written back during the close");
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

	/** A step's name, indented under each stage or flow whose run holds its own. */
	private static String label(JobExecution execution, StepExecution step) {
		long depth = execution.getStepExecutions()
			.stream()
			.filter(outer -> outer != step && within(step, outer))
			.count();
		return "  ".repeat((int) depth) + step.getStepName();
	}

	private static boolean within(StepExecution inner, StepExecution outer) {
		return inner.getStartTime() != null && inner.getEndTime() != null && outer.getStartTime() != null
				&& outer.getEndTime() != null && !inner.getStartTime().isBefore(outer.getStartTime())
				&& !inner.getEndTime().isAfter(outer.getEndTime()) && FLOWS.contains(outer.getStepName());
	}

	/** The steps made of steps (flows, and steps in partitions). */
	private static final Set<String> FLOWS = Set.of("usageImportStep", "usageExportsStep", "pricingAndInvoiceStep",
			"reconciliationStep", "statementsStep");

	private static LocalDateTime startOf(JobExecution execution, String label) {
		StepExecution step = step(execution, label.strip());
		return step == null || step.getStartTime() == null ? LocalDateTime.MAX : step.getStartTime();
	}

	/** What the step wrote; for a stage made of steps (a flow), what the steps inside it wrote. */
	private static long rows(JobExecution execution, StepExecution step) {
		if (!FLOWS.contains(step.getStepName()) || step.getWriteCount() > 0 || step.getStartTime() == null
				|| step.getEndTime() == null) {
			return step.getWriteCount(); // a step that runs beside another writes what it writes, if nothing
		}
		return execution.getStepExecutions()
			.stream()
			.filter(inner -> inner != step && !PartitionNames.isPartition(inner.getStepName())
					&& inner.getStartTime() != null && inner.getEndTime() != null
					&& !inner.getStartTime().isBefore(step.getStartTime()) && !inner.getEndTime().isAfter(step.getEndTime()))
			.mapToLong(StepExecution::getWriteCount)
			.sum();
	}

	private static StepExecution step(JobExecution execution, String name) {
		return execution.getStepExecutions().stream().filter(s -> s.getStepName().equals(name)).findFirst().orElse(null);
	}

	private static double stepSeconds(JobExecution execution, String name) {
		StepExecution step = step(execution, name);
		return step == null ? 0 : stepSeconds(step);
	}

	private static double stepSeconds(StepExecution step) {
		if (step.getStartTime() == null || step.getEndTime() == null) {
			return 0;
		}
		return Duration.between(step.getStartTime(), step.getEndTime()).toMillis() / 1000.0;
	}

	private static long millis(LocalDateTime time) {
		return time == null ? System.currentTimeMillis()
				: time.atZone(java.time.ZoneId.systemDefault()).toInstant().toEpochMilli();
	}

	private String baseUrl() {
		String url = dbUrl != null ? dbUrl : System.getenv("SPRING_DATASOURCE_URL");
		if (url == null || !url.startsWith("jdbc:postgresql:")) {
			url = DEFAULT_DB_URL;
		}
		return url;
	}

	private static void execute(String url, String sql) throws Exception {
		try (var connection = DriverManager.getConnection(url); var statement = connection.createStatement()) {
			statement.execute(sql);
		}
	}

	private static String machine() {
		Runtime runtime = Runtime.getRuntime();
		String collectors = java.lang.management.ManagementFactory.getGarbageCollectorMXBeans()
			.stream()
			.map(java.lang.management.GarbageCollectorMXBean::getName)
			.collect(java.util.stream.Collectors.joining("/"));
		return "%d cores, Java %s (%s), %s %s, %s".formatted(runtime.availableProcessors(),
				System.getProperty("java.version"), collectors, System.getProperty("os.name"),
				System.getProperty("os.arch"), LocalDateTime.now().withNano(0));
	}

	private static double seconds(long startedNanos) {
		return (System.nanoTime() - startedNanos) / 1e9;
	}

	private static void deleteTree(Path root) throws IOException {
		if (!Files.exists(root)) {
			return;
		}
		try (Stream<Path> paths = Files.walk(root)) {
			for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
				Files.delete(path);
			}
		}
	}

}
