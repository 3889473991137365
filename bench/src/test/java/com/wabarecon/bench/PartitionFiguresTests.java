package com.wabarecon.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDateTime;
import java.util.List;

import com.wabarecon.bench.PartitionFigures.Partition;

import org.junit.jupiter.api.Test;

/** The partitions' balance and the workers' hand-over, worked out by hand from recorded times. */
class PartitionFiguresTests {

	static final LocalDateTime T0 = LocalDateTime.of(2026, 12, 6, 17, 0);

	static Partition partition(String name, String worker, double start, double end) {
		return new Partition(name, worker, T0, T0.plusNanos((long) (start * 1e9)), T0.plusNanos((long) (end * 1e9)), 10);
	}

	@Test
	void theSlowestPartitionIsMeasuredAgainstTheMeanAndAWorkersGapsAreItsHandOvers() {
		// worker a: 0.5-60.5, then 60.8-100.8 (gap 0.3); worker b: 1.0-41.0, then 41.5-81.5 (gap 0.5)
		PartitionFigures figures = new PartitionFigures("statementsStep", List.of(
				partition("statementsStep:partition0", "a", 0.5, 60.5), partition("statementsStep:partition1", "b", 1.0, 41.0),
				partition("statementsStep:partition2", "a", 60.8, 100.8),
				partition("statementsStep:partition3", "b", 41.5, 81.5)));

		// durations 60, 40, 40, 40: mean 45, slowest 60, a third above it
		assertThat(figures.mean()).isEqualTo(45.0);
		assertThat(figures.slowestAboveMean()).isCloseTo(33.333, org.assertj.core.data.Offset.offset(0.001));
		assertThat(figures.handOvers()).containsExactlyInAnyOrder(0.3, 0.5);
		assertThat(figures.workers()).isEqualTo(2);
		assertThat(figures.format()).contains("4 partitions, 40.0 to 60.0 s, mean 45.0 s: the slowest 33 % above the mean",
				"on 2 workers: first start 0.500 s after the split; hand-over between a worker's partitions mean 0.400 s, "
						+ "max 0.500 s (2)");
	}

	@Test
	void localPartitionsHaveNoWorkersAndNoHandOver() {
		PartitionFigures figures = new PartitionFigures("usageExportsStep",
				List.of(partition("usageExportsStep:share0", null, 0, 20), partition("usageExportsStep:share1", null, 0, 22)));

		assertThat(figures.workers()).isZero();
		assertThat(figures.format()).isEqualTo(
				"  usageExportsStep     2 partitions, 20.0 to 22.0 s, mean 21.0 s: the slowest 5 % above the mean");
	}

}
