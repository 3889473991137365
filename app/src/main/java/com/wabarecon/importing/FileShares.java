package com.wabarecon.importing;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.batch.core.partition.Partitioner;
import org.springframework.batch.infrastructure.item.ExecutionContext;

/**
 * Splits a step's input files into shares loaded side by side, one partition each
 * ({@code usageExportsStep:share0}, ...): file {@code i} of the list, in name order, goes to
 * share {@code i mod shares}, so the shares hold about as many rows whatever the files' order.
 * A share's number and the count are kept in its execution context ({@value #INDEX},
 * {@value #COUNT}), so a restart loads the same files in each share.
 * <p>
 * What the shares record for the people who read it (rejects, file counts) is named after the
 * step, not the share: {@link PartitionNames#stepName}.
 */
public final class FileShares implements Partitioner {

	public static final String INDEX = "files.share";

	public static final String COUNT = "files.shares";

	static final String SHARE = "share";

	@Override
	public Map<String, ExecutionContext> partition(int gridSize) {
		int count = Math.max(1, gridSize);
		Map<String, ExecutionContext> shares = new LinkedHashMap<>();
		for (int i = 0; i < count; i++) {
			ExecutionContext context = new ExecutionContext();
			context.putInt(INDEX, i);
			context.putInt(COUNT, count);
			shares.put(SHARE + i, context);
		}
		return shares;
	}

	/**
	 * The files of one share; all of them outside a partition ({@code index} or {@code count}
	 * missing, as in a step that is not split).
	 */
	public static <T> List<T> of(List<T> files, Integer index, Integer count) {
		if (index == null || count == null || count <= 1) {
			return files;
		}
		List<T> share = new ArrayList<>(files.size() / count + 1);
		for (int i = index; i < files.size(); i += count) {
			share.add(files.get(i));
		}
		return share;
	}

}
