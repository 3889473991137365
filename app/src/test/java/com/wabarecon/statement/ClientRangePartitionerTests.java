package com.wabarecon.statement;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;

import org.junit.jupiter.api.Test;
import org.springframework.batch.infrastructure.item.ExecutionContext;

/** The month's clients cut into consecutive ranges: every client in exactly one. */
class ClientRangePartitionerTests {

	static final List<String> CLIENTS = IntStream.range(0, 13).mapToObj(i -> String.format("c_%03d", i)).toList();

	@Test
	void everyClientFallsInExactlyOneRangeOfAboutTheSameSize() {
		// when
		Map<String, ExecutionContext> partitions = new ClientRangePartitioner(CLIENTS).partition(4);

		// then
		assertThat(partitions).containsOnlyKeys("partition0", "partition1", "partition2", "partition3");
		List<String> covered = new ArrayList<>();
		for (int i = 0; i < 4; i++) {
			ExecutionContext range = partitions.get("partition" + i);
			List<String> clients = CLIENTS.stream()
				.filter(client -> client.compareTo(range.getString(ClientRangePartitioner.FIRST)) >= 0
						&& client.compareTo(range.getString(ClientRangePartitioner.LAST)) <= 0)
				.toList();
			assertThat(clients).hasSizeBetween(3, 4);
			covered.addAll(clients);
		}
		assertThat(covered).as("in order, none twice, none left out").isEqualTo(CLIENTS);
	}

	@Test
	void fewerClientsThanPartitionsGiveOneRangePerClient() {
		Map<String, ExecutionContext> partitions = new ClientRangePartitioner(List.of("c_001", "c_002")).partition(8);

		assertThat(partitions).hasSize(2);
		assertThat(partitions.get("partition1").getString(ClientRangePartitioner.FIRST)).isEqualTo("c_002");
		assertThat(partitions.get("partition1").getString(ClientRangePartitioner.LAST)).isEqualTo("c_002");
	}

	@Test
	void noClientsGiveOnePartitionWithoutARange() {
		Map<String, ExecutionContext> partitions = new ClientRangePartitioner(List.of()).partition(8);

		assertThat(partitions).containsOnlyKeys("partition0");
		assertThat(partitions.get("partition0").containsKey(ClientRangePartitioner.FIRST)).isFalse();
	}

}
