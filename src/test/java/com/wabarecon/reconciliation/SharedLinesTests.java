package com.wabarecon.reconciliation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.stream.IntStream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(30)
class SharedLinesTests {

	@Test
	void givesEveryLineToBothWritersInTheOrderRead() {
		// given: more lines than one batch and a queue hold
		List<ReconLine> lines = IntStream.range(0, 20_000).mapToObj(SharedLinesTests::line).toList();
		SharedLines shared = new SharedLines(lines::forEach);
		List<ReconLine> first = new ArrayList<>();
		List<ReconLine> second = new ArrayList<>();

		// when
		CompletableFuture<Void> reading = CompletableFuture.runAsync(() -> shared.read(first::add));
		shared.forEach(second::add);
		reading.join();

		// then
		assertThat(first).isEqualTo(lines);
		assertThat(second).isEqualTo(lines);
	}

	@Test
	void aReadThatFailsFailsTheOtherWriterWithItsCause() {
		Consumer<Consumer<ReconLine>> failing = action -> {
			IntStream.range(0, 1_000).mapToObj(SharedLinesTests::line).forEach(action);
			throw new IllegalStateException("connection lost");
		};
		SharedLines shared = new SharedLines(failing);

		CompletableFuture<Void> reading = CompletableFuture.runAsync(() -> shared.read(line -> {
		}));

		assertThatThrownBy(() -> shared.forEach(line -> {
		})).hasRootCauseMessage("connection lost");
		assertThat(reading).failsWithin(5, TimeUnit.SECONDS);
	}

	@Test
	void aReaderStopsWhenTheOtherWriterGivesUp() {
		// given: far more lines than the queue holds, and a workbook that fails at its tenth line
		SharedLines shared = new SharedLines(action -> IntStream.range(0, 1_000_000)
			.mapToObj(SharedLinesTests::line)
			.forEach(action));
		CompletableFuture<Void> reading = CompletableFuture.runAsync(() -> shared.read(line -> {
		}));
		int[] taken = { 0 };

		// when
		assertThatThrownBy(() -> shared.forEach(line -> {
			if (++taken[0] == 10) {
				throw new IllegalStateException("disk full");
			}
		})).hasMessage("disk full");

		// then: the reader does not wait for room forever
		assertThat(reading).failsWithin(5, TimeUnit.SECONDS);
	}

	private static ReconLine line(int n) {
		return new ReconLine("2025-09", "c_" + n, "waba_1", "ph_" + n, "ch_" + n, null, "MARKETING", "EUR", n, n, 0,
				BigDecimal.ONE, BigDecimal.ONE, BigDecimal.ZERO, null, 0, 0, ReconLine.Status.MATCHED, null, null, null);
	}

}
