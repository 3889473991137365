package com.wabarecon.importing;

import org.springframework.aop.scope.ScopedObject;
import org.springframework.batch.core.listener.StepListener;
import org.springframework.batch.infrastructure.item.ExecutionContext;
import org.springframework.batch.infrastructure.item.ItemReader;
import org.springframework.batch.infrastructure.item.ItemStream;
import org.springframework.batch.infrastructure.item.ItemStreamReader;

/**
 * Reads through the bean behind a step-scoped reader, found once when the step opens it. The
 * scoped proxy looks its bean up in the step's scope on every call, which for the millions of
 * rows of a month's usage is seconds of the step's thread.
 * <p>
 * Steps are shared by every close that runs, so the bean found is kept for the thread that
 * runs the step execution (which opens, reads and closes it), not in a field.
 */
public final class ScopedTargetReader<T> implements ItemStreamReader<T> {

	private final ItemReader<T> proxy;

	private final ThreadLocal<ItemReader<T>> target = new ThreadLocal<>();

	private ScopedTargetReader(ItemReader<T> proxy) {
		this.proxy = proxy;
	}

	/**
	 * The reader to give a step: a step-scoped proxy wrapped, any other reader as it is. A reader
	 * that is also a listener stays a proxy, since the step registers it as one.
	 */
	public static <T> ItemReader<T> of(ItemReader<T> reader) {
		return reader instanceof ScopedObject && !(reader instanceof StepListener) ? new ScopedTargetReader<>(reader)
				: reader;
	}

	@Override
	@SuppressWarnings("unchecked")
	public void open(ExecutionContext executionContext) {
		ItemReader<T> bean = (ItemReader<T>) ((ScopedObject) proxy).getTargetObject(); // the step's scope is active
		target.set(bean);
		if (bean instanceof ItemStream stream) {
			stream.open(executionContext);
		}
	}

	@Override
	public T read() throws Exception {
		return target.get().read();
	}

	@Override
	public void update(ExecutionContext executionContext) {
		if (target.get() instanceof ItemStream stream) {
			stream.update(executionContext);
		}
	}

	@Override
	public void close() {
		try {
			if (target.get() instanceof ItemStream stream) {
				stream.close();
			}
		}
		finally {
			target.remove();
		}
	}

}
