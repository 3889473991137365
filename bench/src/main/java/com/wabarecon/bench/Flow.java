package com.wabarecon.bench;

/**
 * One stream of a channel's traffic over the month: a recipient country, a pricing category and
 * type, and the messages of each local day (a usage export writes a row for each day with
 * messages; webhook-only channels count their delivered messages into it).
 */
record Flow(String country, String category, String type, long[] daily) {

	boolean charged() {
		return PriceList.REGULAR.equals(type);
	}

	long total() {
		long total = 0;
		for (long volume : daily) {
			total += volume;
		}
		return total;
	}

	int rows() {
		int rows = 0;
		for (long volume : daily) {
			if (volume > 0) {
				rows++;
			}
		}
		return rows;
	}

}
