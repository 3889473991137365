package com.wabarecon.support;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;

import com.wabarecon.support.ClientRangePartitioner.ClientWork;

import org.junit.jupiter.api.Test;
import org.springframework.batch.infrastructure.item.ExecutionContext;

/** The month's clients cut into consecutive ranges: every client in exactly one. */
class ClientRangePartitionerTests {

	static final List<String> CLIENTS = IntStream.range(0, 13).mapToObj(i -> String.format("c_%03d", i)).toList();

	/** Clients whose work is the same: each brings as many lines. */
	static List<ClientWork> alike(List<String> clients) {
		return clients.stream().map(client -> new ClientWork(client, 5)).toList();
	}

	@Test
	void everyClientFallsInExactlyOneRangeOfAboutTheSameSize() {
		// when
		Map<String, ExecutionContext> partitions = new ClientRangePartitioner(alike(CLIENTS)).partition(4);

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
	void twoLargeClientsEachGetARangeOfTheirOwnAndTheSmallOnesShareOne() {
		// given: two clients with 400 lines (480 of work each, with the statement's own 80) and six
		// without (80 each: 480 together)
		List<ClientWork> clients = List.of(new ClientWork("a", 400), new ClientWork("b", 400), new ClientWork("c", 0),
				new ClientWork("d", 0), new ClientWork("e", 0), new ClientWork("f", 0), new ClientWork("g", 0),
				new ClientWork("h", 0));

		// when: split in three
		Map<String, ExecutionContext> partitions = new ClientRangePartitioner(clients).partition(3);

		// then: 480 of work each, where ranges of as many clients would hold 960, 240 and 240
		assertThat(ClientRangePartitioner.ranges(clients, partitions)).containsExactly(List.of(clients.get(0)),
				List.of(clients.get(1)), clients.subList(2, 8));
	}

	@Test
	void aRangeKeepsAClientForEachRangeAfterIt() {
		// given: the last two clients bring almost all the work
		List<ClientWork> clients = List.of(new ClientWork("a", 0), new ClientWork("b", 0), new ClientWork("c", 5000),
				new ClientWork("d", 5000));

		// when
		Map<String, ExecutionContext> partitions = new ClientRangePartitioner(clients).partition(3);

		// then: no range is empty, none overlaps
		assertThat(ClientRangePartitioner.ranges(clients, partitions)).containsExactly(clients.subList(0, 2),
				List.of(clients.get(2)), List.of(clients.get(3)));
	}

	@Test
	void fewerClientsThanPartitionsGiveOneRangePerClient() {
		Map<String, ExecutionContext> partitions = new ClientRangePartitioner(alike(List.of("c_001", "c_002"))).partition(8);

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
