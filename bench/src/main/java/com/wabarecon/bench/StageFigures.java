package com.wabarecon.bench;

/**
 * One stage of a benchmarked close: what it moved and what it took.
 *
 * @param rows the rows (or statements) the stage wrote
 * @param peakHeapBytes the highest heap use sampled while it ran
 */
record StageFigures(String stage, long rows, double seconds, long peakHeapBytes) {

	public double rowsPerSecond() {
		return seconds <= 0 ? 0 : rows / seconds;
	}

}
