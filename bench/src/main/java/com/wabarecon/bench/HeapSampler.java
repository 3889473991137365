package com.wabarecon.bench;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.util.ArrayList;
import java.util.List;

/**
 * Samples the heap in use every few milliseconds on a daemon thread, so that the peak of any
 * interval of the run (a step's start to end) can be read afterwards.
 */
final class HeapSampler implements AutoCloseable {

	private static final long INTERVAL_MILLIS = 50;

	private record Sample(long epochMillis, long usedBytes) {
	}

	private final MemoryMXBean memory = ManagementFactory.getMemoryMXBean();

	private final List<Sample> samples = new ArrayList<>();

	private final Thread thread;

	private volatile boolean running = true;

	public HeapSampler() {
		thread = new Thread(this::sample, "heap-sampler");
		thread.setDaemon(true);
		thread.start();
	}

	private void sample() {
		while (running) {
			long used = memory.getHeapMemoryUsage().getUsed();
			synchronized (samples) {
				samples.add(new Sample(System.currentTimeMillis(), used));
			}
			try {
				Thread.sleep(INTERVAL_MILLIS);
			}
			catch (InterruptedException ex) {
				return;
			}
		}
	}

	/** The highest heap use sampled between the two instants (epoch milliseconds), in bytes. */
	public long peak(long fromMillis, long toMillis) {
		synchronized (samples) {
			return samples.stream()
				.filter(s -> s.epochMillis() >= fromMillis - INTERVAL_MILLIS && s.epochMillis() <= toMillis + INTERVAL_MILLIS)
				.mapToLong(Sample::usedBytes)
				.max()
				.orElse(0);
		}
	}

	@Override
	public void close() {
		running = false;
		thread.interrupt();
	}

}
