package com.wabarecon.reconciliation;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CancellationException;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * The month's lines read once for two writers. One thread {@link #read}s them, handing each to
 * its own writer (the CSV) and queuing it; another takes them from the queue, in the same order,
 * with {@link #forEach} (the partner workbook). Reading and decoding 128,000 lines from the
 * database is then done once, on the thread whose writer has time to spare, and the workbook's
 * thread, the longer of the two, is left with the workbook.
 * <p>
 * A failure on either side ends the other: the reader's is rethrown by {@link #forEach} (as its
 * cause), and a reader whose taker gave up stops at its next line.
 */
final class SharedLines {

	private static final int BATCH = 512;

	private static final List<ReconLine> END = List.of();

	private final Consumer<Consumer<ReconLine>> source;

	private final BlockingQueue<List<ReconLine>> queue = new ArrayBlockingQueue<>(16);

	private volatile Throwable readFailure;

	private volatile boolean abandoned;

	/** @param source streams the lines to an action, in order ({@link ReconLineRepository#forEach}) */
	SharedLines(Consumer<Consumer<ReconLine>> source) {
		this.source = source;
	}

	/** Reads the lines on this thread, giving each to {@code action} and queuing it for {@link #forEach}. */
	void read(Consumer<ReconLine> action) {
		List<ReconLine> batch = new ArrayList<>(BATCH);
		try {
			source.accept(line -> {
				action.accept(line);
				batch.add(line);
				if (batch.size() == BATCH) {
					hand(List.copyOf(batch));
					batch.clear();
				}
			});
			hand(List.copyOf(batch));
		}
		catch (RuntimeException | Error ex) {
			readFailure = ex;
			throw ex;
		}
		finally {
			if (!abandoned) {
				hand(END);
			}
		}
	}

	/** Every line read, in order, given to {@code action} on this thread as the reader queues them. */
	void forEach(Consumer<ReconLine> action) {
		try {
			for (List<ReconLine> batch = take(); batch != END; batch = take()) {
				batch.forEach(action);
			}
			if (readFailure != null) {
				throw new IllegalStateException("the reconciliation lines could not be read", readFailure);
			}
		}
		catch (RuntimeException | Error ex) {
			abandoned = true;
			queue.clear(); // a reader waiting for room sees that it is abandoned
			throw ex;
		}
	}

	private void hand(List<ReconLine> batch) {
		try {
			while (!queue.offer(batch, 100, TimeUnit.MILLISECONDS)) {
				if (abandoned) {
					throw new CancellationException("the workbook's writer stopped");
				}
			}
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new CancellationException("interrupted");
		}
	}

	private List<ReconLine> take() {
		try {
			return queue.take();
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new CancellationException("interrupted");
		}
	}

}
