package com.wabarecon.launch;

import static org.assertj.core.api.Assertions.fail;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import com.wabarecon.ReconApplication;

/**
 * The command line run as a real process, a JVM of its own on this test's class path, the way a
 * person or a scheduler runs {@code ./recon}: for the tests that kill it, take its database away
 * or read everything it printed and logged. Its standard output, standard error and log file
 * ({@code LOG_FILE}) are files in the folder given; its temporary files go there too. The
 * environment is this JVM's without any {@code SPRING_*} or {@code RECON_*} variable, plus the
 * ones given.
 */
final class ChildClose {

	private static final AtomicInteger RUNS = new AtomicInteger();

	private final Process process;

	private final Path stdout;

	private final Path stderr;

	private final Path log;

	private ChildClose(Process process, Path stdout, Path stderr, Path log) {
		this.process = process;
		this.stdout = stdout;
		this.stderr = stderr;
		this.log = log;
	}

	/** Starts {@code recon <args>} with its files, its log included, under {@code dir}. */
	static ChildClose start(Path dir, Map<String, String> environment, String... args) throws IOException {
		return start(dir, null, environment, args);
	}

	/**
	 * Starts {@code recon <args>} in the working folder given (this JVM's when {@code null}),
	 * its output under {@code dir}; its log where the application puts it when a working folder is
	 * given, under {@code dir} otherwise.
	 */
	static ChildClose start(Path dir, Path workingFolder, Map<String, String> environment, String... args)
			throws IOException {
		String name = "run-" + RUNS.incrementAndGet();
		Path tmp = Files.createDirectories(dir.resolve(name + "-tmp"));
		List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
				// the client compiler only: on a busy 2-core machine it halves a close's CPU time
				"-Xmx512m", "-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC", "-Djava.io.tmpdir=" + tmp));
		if (workingFolder == null) {
			command.add("-DLOG_FILE=" + dir.resolve(name + ".log"));
		}
		command.addAll(List.of("-cp", classPath(), ReconApplication.class.getName()));
		command.addAll(List.of(args));
		ProcessBuilder builder = new ProcessBuilder(command).redirectOutput(dir.resolve(name + ".out").toFile())
			.redirectError(dir.resolve(name + ".err").toFile());
		if (workingFolder != null) {
			builder.directory(workingFolder.toFile());
		}
		builder.environment().keySet().removeIf(key -> key.startsWith("SPRING_") || key.startsWith("RECON_"));
		builder.environment().putAll(environment);
		return new ChildClose(builder.start(), dir.resolve(name + ".out"), dir.resolve(name + ".err"),
				dir.resolve(name + ".log"));
	}

	/** Surefire runs the tests from a manifest-only jar; it gives the real class path apart. */
	private static String classPath() {
		return System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
	}

	long pid() {
		return process.pid();
	}

	/**
	 * Polls the condition every 20 ms until it holds, while the process runs; a condition that
	 * throws does not hold yet (the tables it reads may not exist yet). Fails the test if the
	 * process ends first or the time is up: the moment the test waits for never came.
	 */
	void awaitWhileRunning(String moment, Duration timeout, Callable<Boolean> condition) throws Exception {
		long deadline = System.nanoTime() + timeout.toNanos();
		Exception last = null;
		while (true) {
			try {
				if (condition.call()) {
					return;
				}
			}
			catch (Exception ex) {
				last = ex;
			}
			if (!process.isAlive()) {
				fail("the close ended (exit code " + process.exitValue() + ") before " + moment + "\n" + describe());
			}
			if (System.nanoTime() > deadline) {
				kill();
				fail("no " + moment + " within " + timeout.toSeconds() + " s (last problem: " + last + ")\n" + describe());
			}
			Thread.sleep(20);
		}
	}

	/** kill -9: the process ends at once, without running anything of its own. */
	void kill() throws InterruptedException {
		process.destroyForcibly();
		process.waitFor();
	}

	boolean isRunning() {
		return process.isAlive();
	}

	/** SIGSTOP: the process stands still, holding what it holds (its connections, its locks, open files). */
	void pause() throws Exception {
		signal("-STOP");
	}

	/** SIGCONT: a paused process goes on. */
	void resume() throws Exception {
		signal("-CONT");
	}

	private void signal(String signal) throws Exception {
		Process kill = new ProcessBuilder("kill", signal, Long.toString(process.pid())).redirectErrorStream(true).start();
		if (kill.waitFor() != 0) {
			fail("kill " + signal + " " + process.pid() + " failed: " + new String(kill.getInputStream().readAllBytes()));
		}
	}

	/** Waits for the process to end and returns its exit code; kills it and fails the test after the timeout. */
	int waitForExit(Duration timeout) throws InterruptedException {
		if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
			kill();
			fail("the close did not end within " + timeout.toSeconds() + " s\n" + describe());
		}
		return process.exitValue();
	}

	String out() {
		return read(stdout);
	}

	String err() {
		return read(stderr);
	}

	/** The log file ({@code LOG_FILE}), or "" when nothing was logged. */
	String log() {
		return read(log);
	}

	/** Standard error and the end of standard output, for a failure message. */
	String describe() {
		String out = out();
		return "stderr:\n" + err() + "\nstdout (end):\n" + out.substring(Math.max(0, out.length() - 4000));
	}

	private static String read(Path file) {
		try {
			return Files.exists(file) ? Files.readString(file, StandardCharsets.UTF_8) : "";
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

}
