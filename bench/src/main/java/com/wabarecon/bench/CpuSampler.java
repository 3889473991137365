package com.wabarecon.bench;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.LongSupplier;
import java.util.stream.Stream;

/**
 * Samples, every half second on a daemon thread, the CPU time used so far by the processes that
 * do a close's work: this JVM (the close, or the manager of a distributed close), the worker
 * processes, and the PostgreSQL server when it runs on this machine (Linux: {@code /proc}),
 * its backends that ended included. The CPU an interval of the run took (a step's start to end)
 * can be read afterwards: the basis of a model of the close on more machines.
 */
final class CpuSampler implements AutoCloseable {

	private static final long INTERVAL_MILLIS = 500;

	/** Linux's clock ticks per second, in which /proc counts CPU time. */
	private static final double TICKS = 100.0;

	private record Sample(long epochMillis, double close, double workers, double postgres) {
	}

	private final List<Sample> samples = new ArrayList<>();

	private final List<Long> workerPids;

	private final Thread thread;

	private volatile boolean running = true;

	CpuSampler(List<Long> workerPids) {
		this.workerPids = List.copyOf(workerPids);
		thread = new Thread(this::sample, "cpu-sampler");
		thread.setDaemon(true);
		thread.start();
	}

	private void sample() {
		var os = (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
		LongSupplier closeNanos = os::getProcessCpuTime;
		while (running) {
			double workers = workerPids.stream().mapToDouble(pid -> ticks(pid)).sum() / TICKS;
			Sample sample = new Sample(System.currentTimeMillis(), closeNanos.getAsLong() / 1e9, workers, postgres());
			synchronized (samples) {
				samples.add(sample);
			}
			try {
				Thread.sleep(INTERVAL_MILLIS);
			}
			catch (InterruptedException ex) {
				return;
			}
		}
	}

	/** CPU seconds of the close's JVM, the workers and PostgreSQL between two instants (epoch ms). */
	record Cpu(double close, double workers, double postgres) {
	}

	Cpu between(long fromMillis, long toMillis) {
		Sample from = at(fromMillis);
		Sample to = at(toMillis);
		if (from == null || to == null) {
			return new Cpu(0, 0, -1);
		}
		return new Cpu(to.close() - from.close(), to.workers() - from.workers(),
				from.postgres() < 0 || to.postgres() < 0 ? -1 : to.postgres() - from.postgres());
	}

	/** The last sample at or before the instant (the first one, before the first sample). */
	private Sample at(long epochMillis) {
		synchronized (samples) {
			Sample found = samples.isEmpty() ? null : samples.get(0);
			for (Sample sample : samples) {
				if (sample.epochMillis() > epochMillis + INTERVAL_MILLIS / 2) {
					break;
				}
				found = sample;
			}
			return found;
		}
	}

	/** All PostgreSQL processes' CPU seconds, the ended backends' (reaped by the postmaster) too; -1 when none runs here. */
	private static double postgres() {
		Path proc = Path.of("/proc");
		if (!Files.isDirectory(proc)) {
			return -1;
		}
		long total = 0;
		boolean found = false;
		try (Stream<Path> entries = Files.list(proc)) {
			for (Path entry : (Iterable<Path>) entries::iterator) {
				String name = entry.getFileName().toString();
				if (!name.chars().allMatch(Character::isDigit)) {
					continue;
				}
				String stat = read(entry.resolve("stat"));
				if (stat == null || !stat.contains("(postgres)")) {
					continue;
				}
				found = true;
				String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
				boolean postmaster = !"postgres".equals(comm(read(Path.of("/proc", fields[1], "stat"))));
				total += Long.parseLong(fields[11]) + Long.parseLong(fields[12]);
				if (postmaster) {
					total += Long.parseLong(fields[13]) + Long.parseLong(fields[14]);
				}
			}
		}
		catch (IOException | RuntimeException ex) {
			return -1;
		}
		return found ? total / TICKS : -1;
	}

	/** A process's CPU ticks, user and system; 0 once it has ended. */
	private static long ticks(long pid) {
		String stat = read(Path.of("/proc", Long.toString(pid), "stat"));
		if (stat == null) {
			return 0;
		}
		String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
		return Long.parseLong(fields[11]) + Long.parseLong(fields[12]);
	}

	private static String comm(String stat) {
		return stat == null ? null : stat.substring(stat.indexOf('(') + 1, stat.lastIndexOf(')'));
	}

	private static String read(Path file) {
		try {
			return Files.readString(file);
		}
		catch (IOException ex) {
			return null;
		}
	}

	@Override
	public void close() {
		running = false;
		thread.interrupt();
	}

}
