package com.wabarecon.bench;

import java.util.List;

import com.wabarecon.bench.DirectoryPlan.ChannelPlan;
import com.wabarecon.bench.DirectoryPlan.WabaPlan;

/**
 * A channel's month as the importer will see it: its flows, the currency its charged estimates
 * are in, and whether the rate card prices them (an export without cost, or webhook counts)
 * rather than the export's own cost.
 */
record ChannelUsage(WabaPlan waba, ChannelPlan channel, List<Flow> flows, String currency, boolean rateCard) {

	String wabaCurrency() {
		return waba.home().currency();
	}

}
