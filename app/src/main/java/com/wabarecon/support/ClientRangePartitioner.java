package com.wabarecon.support;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.batch.core.partition.Partitioner;
import org.springframework.batch.infrastructure.item.ExecutionContext;

/**
 * Splits the clients a step serves (the statements it renders, the emails it sends) into
 * consecutive ranges of client ids that bring
 * about the same work, one partition per range: {@code partition0} holds the first clients in id
 * order. A client's work is its reconciliation lines plus {@value #PER_CLIENT}, the measured cost
 * of a statement without lines in lines' worth (docs/performance.md: a statement took 38 ms and
 * 0.47 ms a line), so that one large client does not make its range the one everyone waits for.
 * A range is kept in its partition's execution context ({@value #FIRST}, {@value #LAST}, both
 * included), so a restart renders the same ranges whatever the grid size asked then. No
 * clients: one partition without a range, which reads nothing.
 */
public class ClientRangePartitioner implements Partitioner {

	// named when only the statements were split: ranges recorded under these names resume as they were
	public static final String FIRST = "statements.firstClient";

	public static final String LAST = "statements.lastClient";

	static final String PARTITION = "partition";

	/** A statement's cost before its lines, in lines. */
	static final long PER_CLIENT = 80;

	/** A client of the run and its reconciliation lines (0 where each client brings the same work). */
	public record ClientWork(String clientId, long lines) {

		long weight() {
			return PER_CLIENT + lines;
		}

	}

	private final List<ClientWork> clients;

	/** @param clients the run's clients, ordered by id */
	public ClientRangePartitioner(List<ClientWork> clients) {
		this.clients = List.copyOf(clients);
	}

	@Override
	public Map<String, ExecutionContext> partition(int gridSize) {
		Map<String, ExecutionContext> partitions = new LinkedHashMap<>();
		int count = Math.max(1, Math.min(gridSize, clients.size()));
		int from = 0;
		long total = clients.stream().mapToLong(ClientWork::weight).sum();
		long done = 0;
		for (int i = 0; i < count && !clients.isEmpty(); i++) {
			long boundary = total * (i + 1) / count;
			int last = clients.size() - (count - i); // the last client this range may take: one left for each range after it
			int to = from;
			done += clients.get(to).weight();
			while (to < last && Math.abs(done + clients.get(to + 1).weight() - boundary) <= Math.abs(done - boundary)) {
				to++;
				done += clients.get(to).weight();
			}
			if (i == count - 1) {
				to = clients.size() - 1;
			}
			ExecutionContext context = new ExecutionContext();
			context.putString(FIRST, clients.get(from).clientId());
			context.putString(LAST, clients.get(to).clientId());
			partitions.put(PARTITION + i, context);
			from = to + 1;
		}
		if (partitions.isEmpty()) {
			partitions.put(PARTITION + 0, new ExecutionContext());
		}
		return partitions;
	}

	/** The clients of each range, for the tests and the bench's report. */
	static List<List<ClientWork>> ranges(List<ClientWork> clients, Map<String, ExecutionContext> partitions) {
		List<List<ClientWork>> ranges = new ArrayList<>();
		for (ExecutionContext range : partitions.values()) {
			ranges.add(clients.stream()
				.filter(client -> range.containsKey(FIRST) && client.clientId().compareTo(range.getString(FIRST)) >= 0
						&& client.clientId().compareTo(range.getString(LAST)) <= 0)
				.toList());
		}
		return ranges;
	}

}
