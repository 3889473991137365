package com.wabarecon.statement;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.batch.core.partition.Partitioner;
import org.springframework.batch.infrastructure.item.ExecutionContext;

/**
 * Splits the clients a statements run renders into consecutive ranges of client ids, about as
 * many clients each, one partition per range: {@code partition0} holds the first clients in
 * id order. A range is kept in its partition's execution context ({@value #FIRST},
 * {@value #LAST}, both included), so a restart renders the same ranges whatever the grid size
 * asked then. No clients: one partition without a range, which reads nothing.
 */
class ClientRangePartitioner implements Partitioner {

	static final String FIRST = "statements.firstClient";

	static final String LAST = "statements.lastClient";

	static final String PARTITION = "partition";

	private final List<String> clients;

	/** @param clients the run's clients, ordered by id */
	ClientRangePartitioner(List<String> clients) {
		this.clients = List.copyOf(clients);
	}

	@Override
	public Map<String, ExecutionContext> partition(int gridSize) {
		Map<String, ExecutionContext> partitions = new LinkedHashMap<>();
		int count = Math.max(1, Math.min(gridSize, clients.size()));
		for (int i = 0; i < count && !clients.isEmpty(); i++) {
			int from = (int) ((long) clients.size() * i / count);
			int to = (int) ((long) clients.size() * (i + 1) / count) - 1;
			ExecutionContext context = new ExecutionContext();
			context.putString(FIRST, clients.get(from));
			context.putString(LAST, clients.get(to));
			partitions.put(PARTITION + i, context);
		}
		if (partitions.isEmpty()) {
			partitions.put(PARTITION + 0, new ExecutionContext());
		}
		return partitions;
	}

}
