package com.wabarecon.support;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;

import org.springframework.batch.core.scope.context.StepSynchronizationManager;
import org.springframework.batch.core.step.StepExecution;
import org.springframework.batch.infrastructure.item.ExecutionContext;
import org.springframework.batch.infrastructure.item.ItemStreamException;
import org.springframework.batch.infrastructure.item.ItemStreamReader;

/**
 * Parses ahead: a thread of its own reads the delegate into a bounded queue while the step's
 * thread maps and loads what was read before, so parsing a large file overlaps with the
 * database's work. The step sees the delegate's items and exceptions in their original order:
 * a row the delegate rejects is rethrown at its place and reading goes on after it, exactly as
 * without prefetching. At most {@code capacity} items wait in memory.
 * <p>
 * Only for delegates without restart state (the import steps read their files again from the
 * top), since the delegate is ahead of what the step has committed. One step at a time.
 */
public class PrefetchingReader<T> implements ItemStreamReader<T> {

	private static final int BATCH = 256;

	private static final Object END = new Object();

	/** A delegate's exception, delivered in the order it happened. */
	private record Failure(Exception exception) {
	}

	private final ItemStreamReader<T> delegate;

	private final int capacity;

	private BlockingQueue<List<Object>> queue;

	private Thread parser;

	private List<Object> batch = List.of();

	private int position;

	private boolean ended;

	public PrefetchingReader(ItemStreamReader<T> delegate, int capacity) {
		this.delegate = delegate;
		this.capacity = capacity;
	}

	@Override
	public void open(ExecutionContext executionContext) {
		delegate.open(executionContext);
		queue = new ArrayBlockingQueue<>(Math.max(2, capacity / BATCH));
		batch = List.of();
		position = 0;
		ended = false;
		var context = StepSynchronizationManager.getContext();
		StepExecution stepExecution = context == null ? null : context.getStepExecution();
		parser = new Thread(() -> parse(stepExecution), "prefetch-" + Thread.currentThread().getName());
		parser.setDaemon(true);
		parser.start();
	}

	private void parse(StepExecution stepExecution) {
		if (stepExecution != null) {
			// components that look up the running step (file accounting's notes) find it here too
			StepSynchronizationManager.register(stepExecution);
		}
		try {
			List<Object> next = new ArrayList<>(BATCH);
			while (true) {
				Object element;
				try {
					T item = delegate.read();
					element = item == null ? END : item;
				}
				catch (Exception ex) {
					element = new Failure(ex);
				}
				next.add(element);
				if (element == END || next.size() == BATCH || element instanceof Failure) {
					queue.put(next);
					if (element == END) {
						return;
					}
					next = new ArrayList<>(BATCH);
				}
			}
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt(); // closed before the end: stop reading
		}
		finally {
			if (stepExecution != null) {
				StepSynchronizationManager.close();
			}
		}
	}

	@Override
	@SuppressWarnings("unchecked")
	public T read() throws Exception {
		if (ended) {
			return null;
		}
		if (position == batch.size()) {
			batch = queue.take();
			position = 0;
		}
		Object element = batch.get(position++);
		if (element == END) {
			ended = true;
			return null;
		}
		if (element instanceof Failure failure) {
			throw failure.exception();
		}
		return (T) element;
	}

	@Override
	public void close() throws ItemStreamException {
		if (parser != null) {
			parser.interrupt();
			try {
				parser.join();
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
			}
			parser = null;
		}
		delegate.close();
	}

}
