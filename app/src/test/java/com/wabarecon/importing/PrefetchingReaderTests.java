package com.wabarecon.importing;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;

import com.wabarecon.support.reject.RowSource;
import com.wabarecon.support.reject.SourcedItem;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import org.springframework.batch.infrastructure.item.ExecutionContext;
import org.springframework.batch.infrastructure.item.ItemProcessor;
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

	/** A row of a file, as the import steps read them. */
	record Line(RowSource source, int value) implements SourcedItem {
	}

	/** 1..n as lines of one file. */
	static final class Lines implements ItemStreamReader<Line> {

		final int n;

		int next = 1;

		Lines(int n) {
			this.n = n;
		}

		@Override
		public Line read() {
			return next > n ? null : new Line(new RowSource("usage/f.json", (long) next, null, "raw"), next++);
		}

	}

	@ParameterizedTest
	@ValueSource(ints = { 0, 512 })
	void processesAheadAndHandsTheStepEachResultOrFailureAtItsRow(int capacity) throws Exception {
		// given: a processor that maps, filters every multiple of 5 and rejects every multiple of 7,
		// run on the prefetching thread (or, with capacity 0, on the step's thread when it reads)
		List<String> processedOn = new ArrayList<>();
		ItemProcessor<Line, String> processor = line -> {
			processedOn.add(Thread.currentThread().getName());
			if (line.value() % 7 == 0) {
				throw new IllegalArgumentException("row " + line.value());
			}
			return line.value() % 5 == 0 ? null : "#" + line.value();
		};
		PrefetchingReader<Prefetched<Line, String>> reader = PrefetchingReader.processingAhead(new Lines(5_000),
				processor, capacity);
		ItemProcessor<Prefetched<Line, String>, String> unwrap = Prefetched.unwrap();
		reader.open(new ExecutionContext());

		// when: the step reads each row and runs its processor (unwrap) on it
		List<String> seen = new ArrayList<>();
		Prefetched<Line, String> item;
		while ((item = reader.read()) != null) {
			assertThat(item.source().line()).isEqualTo(item.item().value());
			try {
				String result = unwrap.process(item);
				seen.add(result == null ? "filtered" : result);
			}
			catch (IllegalArgumentException ex) {
				seen.add(ex.getMessage());
			}
		}
		reader.close();

		// then: every row once, in order, each with what the processor made of it
		assertThat(seen).hasSize(5_000);
		for (int i = 1; i <= 5_000; i++) {
			assertThat(seen.get(i - 1)).isEqualTo(i % 7 == 0 ? "row " + i : i % 5 == 0 ? "filtered" : "#" + i);
		}
		assertThat(processedOn).hasSize(5_000)
			.allSatisfy(thread -> assertThat(thread.startsWith("prefetch-")).isEqualTo(capacity > 0));
	}

	private static int prefetchThreads() {
		return (int) Thread.getAllStackTraces().keySet().stream().filter(t -> t.getName().startsWith("prefetch-")).count();
	}

}
