package com.wabarecon.usage;

import java.util.List;

import com.wabarecon.support.reject.RowSource;
import com.wabarecon.support.reject.SourcedItem;

/**
 * The estimates one source row gives (a balance period: one per category and paid or free).
 */
record EstimateGroup(RowSource source, List<UsageEstimate> estimates) implements SourcedItem {
}
