package com.wabarecon.support;

/**
 * The names Spring Batch gives the partitions of a partitioned step: the step's name, a colon,
 * the partition's ({@code statementsStep:partition3}, {@code usageExportsStep:share1}).
 */
public final class PartitionNames {

	private static final char SEPARATOR = ':';

	private PartitionNames() {
	}

	/** {@code usageExportsStep} for {@code usageExportsStep:share1}; any other name as it is. */
	public static String stepName(String executionName) {
		int separator = executionName.indexOf(SEPARATOR);
		return separator < 0 ? executionName : executionName.substring(0, separator);
	}

	/** Whether a step execution is one partition of a step. */
	public static boolean isPartition(String executionName) {
		return executionName.indexOf(SEPARATOR) >= 0;
	}

}
