package com.wabarecon.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * {@code recon worker} processes on this machine, for {@code bench --workers}: each a JVM of its
 * own running the application's jar, on the bench's schema and a queue of the bench's own.
 * Its output goes to a file beside the bench's report.
 */
final class WorkerProcesses implements AutoCloseable {

	private final List<Process> processes = new ArrayList<>();

	private final List<Path> outputs = new ArrayList<>();

	/**
	 * Starts the workers and returns once each takes partitions.
	 * @param jar the application's runnable jar ({@code app/target/recon-exec.jar})
	 */
	static WorkerProcesses start(int count, int concurrency, Path jar, String dbUrl, String environment, Path dir)
			throws IOException, InterruptedException {
		if (!Files.isRegularFile(jar)) {
			throw new IllegalStateException("the application's jar " + jar + " is not built: ./mvnw -B -DskipTests package");
		}
		WorkerProcesses workers = new WorkerProcesses();
		Files.createDirectories(dir);
		for (int i = 0; i < count; i++) {
			Path output = dir.resolve("worker-" + (i + 1) + ".log");
			ProcessBuilder builder = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
					"-Xmx1g", "-DLOG_FILE=" + output.toString().replace(".log", "-app.log"), "-jar", jar.toString(),
					"worker", "--db-url", dbUrl, "--concurrency", Integer.toString(concurrency))
				.redirectErrorStream(true)
				.redirectOutput(output.toFile());
			builder.environment().put("RECON_DISTRIBUTION_ENVIRONMENT", environment);
			workers.processes.add(builder.start());
			workers.outputs.add(output);
		}
		long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
		for (int i = 0; i < count; i++) {
			while (!Files.readString(workers.outputs.get(i)).contains("worker: taking partitions")) {
				if (!workers.processes.get(i).isAlive() || System.nanoTime() > deadline) {
					workers.close();
					throw new IllegalStateException("worker " + (i + 1) + " did not start: " + Files.readString(workers.outputs.get(i)));
				}
				Thread.sleep(100);
			}
		}
		return workers;
	}

	List<Long> pids() {
		return processes.stream().map(Process::pid).toList();
	}

	@Override
	public void close() throws InterruptedException {
		for (Process process : processes) {
			process.destroy();
		}
		for (Process process : processes) {
			if (!process.waitFor(30, TimeUnit.SECONDS)) {
				process.destroyForcibly();
			}
		}
	}

}
