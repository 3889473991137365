package com.wabarecon.support;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

import org.springframework.batch.infrastructure.item.ExecutionContext;
import org.springframework.batch.infrastructure.item.ItemStreamReader;

/**
 * The prefetching reader must be invisible to the step: the same items and exceptions in the
 * same order, reading going on after an exception, and no thread left behind when the step
 * stops early.
 */
class PrefetchingReaderTests {

	/** 1..n, throwing instead of every multiple of 7 (a rejected row), then the end. */
	static final class Numbers implements ItemStreamReader<Integer> {

		final int n;

		int next = 1;

		boolean closed;

		Numbers(int n) {
			this.n = n;
		}

		@Override
		public Integer read() {
			if (next > n) {
				return null;
			}
			int value = next++;
			if (value % 7 == 0) {
				throw new IllegalArgumentException("row " + value);
			}
			return value;
		}

		@Override
		public void close() {
			closed = true;
		}

	}

	@Test
	void deliversItemsAndExceptionsInTheirOrderAndGoesOnAfterAnException() throws Exception {
		// given: more rows than fit in the queue, so the parser waits for the step
		Numbers numbers = new Numbers(10_000);
		PrefetchingReader<Integer> reader = new PrefetchingReader<>(numbers, 512);
		reader.open(new ExecutionContext());

		// when
		List<String> seen = new ArrayList<>();
		while (true) {
			try {
				Integer item = reader.read();
				if (item == null) {
					break;
				}
				seen.add(String.valueOf(item));
			}
			catch (IllegalArgumentException ex) {
				seen.add(ex.getMessage());
			}
		}
		reader.close();

		// then
		assertThat(seen).hasSize(10_000);
		for (int i = 1; i <= 10_000; i++) {
			assertThat(seen.get(i - 1)).isEqualTo(i % 7 == 0 ? "row " + i : String.valueOf(i));
		}
		assertThat(reader.read()).isNull();
		assertThat(numbers.closed).isTrue();
	}

	@Test
	void closingBeforeTheEndStopsTheParserThread() throws Exception {
		Numbers numbers = new Numbers(Integer.MAX_VALUE - 1);
		PrefetchingReader<Integer> reader = new PrefetchingReader<>(numbers, 512);
		reader.open(new ExecutionContext());
		assertThat(reader.read()).isEqualTo(1);
		int threadsBefore = prefetchThreads();

		reader.close();

		assertThat(threadsBefore).isEqualTo(1);
		assertThat(prefetchThreads()).isZero();
		assertThat(numbers.closed).isTrue();
	}

	private static int prefetchThreads() {
		return (int) Thread.getAllStackTraces().keySet().stream().filter(t -> t.getName().startsWith("prefetch-")).count();
	}

}
