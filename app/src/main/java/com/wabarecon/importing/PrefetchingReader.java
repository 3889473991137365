package com.wabarecon.importing;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;

import com.wabarecon.support.reject.SourcedItem;

import org.springframework.batch.core.scope.context.StepSynchronizationManager;
import org.springframework.batch.core.step.StepExecution;
import org.springframework.batch.infrastructure.item.ExecutionContext;
import org.springframework.batch.infrastructure.item.ItemStreamException;
import org.springframework.batch.infrastructure.item.ItemProcessor;
import org.springframework.batch.infrastructure.item.ItemStreamReader;

/**
 * Parses ahead: a thread of its own reads the delegate into a bounded queue while the step's
 * thread loads what was read before, so parsing a large file overlaps with the database's
 * work. The step sees the delegate's items and exceptions in their original order: a row the
 * delegate rejects is rethrown at its place and reading goes on after it, exactly as without
 * prefetching. At most {@code capacity} items wait in memory.
 * <p>
 * {@link #processingAhead} also runs the step's processor (mapping and validating a row) on
 * that thread, so that while PostgreSQL takes in one chunk the next is read and mapped: the
 * step's thread is left with writing. With a capacity of 0 there is no second thread and both
 * happen on the step's thread, when the step reads.
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

	/** Reads the delegate's next item and turns it into what the step reads. */
	@FunctionalInterface
	private interface Next<T> {

		T read() throws Exception;

	}

	private final ItemStreamReader<?> delegate;

	private final Next<T> source;

	private final int capacity;

	private BlockingQueue<List<Object>> queue;

	private Thread parser;

	private List<Object> batch = List.of();

	private int position;

	private boolean ended;

	public PrefetchingReader(ItemStreamReader<T> delegate, int capacity) {
		this(delegate, delegate::read, capacity);
	}

	private PrefetchingReader(ItemStreamReader<?> delegate, Next<T> next, int capacity) {
		this.delegate = delegate;
		this.source = next;
		this.capacity = capacity;
	}

	/**
	 * Reads the delegate and runs the processor on each row ahead of the step; the step's
	 * processor is then {@link Prefetched#unwrap()}.
	 */
	public static <I extends SourcedItem, O> PrefetchingReader<Prefetched<I, O>> processingAhead(
			ItemStreamReader<I> delegate, ItemProcessor<? super I, ? extends O> processor, int capacity) {
		return new PrefetchingReader<>(delegate, () -> {
			I item = delegate.read();
			return item == null ? null : Prefetched.process(item, processor);
		}, capacity);
	}

	@Override
	public void open(ExecutionContext executionContext) {
		delegate.open(executionContext);
		ended = false;
		if (capacity <= 0) {
			return; // read and processed on the step's thread
		}
		queue = new ArrayBlockingQueue<>(Math.max(2, capacity / BATCH));
		batch = List.of();
		position = 0;
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
					T item = source.read();
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
		if (parser == null) {
			return source.read();
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
