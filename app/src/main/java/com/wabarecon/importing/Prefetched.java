package com.wabarecon.importing;

import com.wabarecon.support.reject.RowSource;
import com.wabarecon.support.reject.SourcedItem;

import org.springframework.batch.infrastructure.item.ItemProcessor;

/**
 * An input row read and processed ahead, on the prefetching thread ({@link PrefetchingReader}):
 * the row, and what its processor made of it, or what the processor threw. The step's own
 * processor ({@link #unwrap()}) then returns the result or rethrows at the row's place, so
 * skips, rejects and file accounting see the row exactly as if it were processed in the step.
 *
 * @param result the processor's result; {@code null} when it filtered the row (or failed)
 * @param failure what the processor threw; {@code null} when it did not
 */
public record Prefetched<I extends SourcedItem, O>(I item, O result, Exception failure) implements SourcedItem {

	@Override
	public RowSource source() {
		return item.source();
	}

	/** The step's processor: the result worked out ahead, or the processor's exception. */
	public static <I extends SourcedItem, O> ItemProcessor<Prefetched<I, O>, O> unwrap() {
		return prefetched -> {
			if (prefetched.failure() != null) {
				throw prefetched.failure();
			}
			return prefetched.result();
		};
	}

	/** Processes the row now, keeping an exception for the step to rethrow. */
	static <I extends SourcedItem, O> Prefetched<I, O> process(I item, ItemProcessor<? super I, ? extends O> processor) {
		try {
			return new Prefetched<>(item, processor.process(item), null);
		}
		catch (Exception ex) {
			return new Prefetched<>(item, null, ex);
		}
	}

}
