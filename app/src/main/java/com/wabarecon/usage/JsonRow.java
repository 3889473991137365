package com.wabarecon.usage;

import java.util.Map;

import com.wabarecon.support.reject.RowSource;
import com.wabarecon.support.reject.SourcedItem;

/**
 * One element of a JSON document's row array (a usage row, a balance period), with the
 * document's top-level scalar fields it belongs to.
 *
 * @param document the top-level scalar fields of the file ({@code channel_id}, {@code currency}, ...)
 * @param envelope true when the row came from Meta's {@code pricing_analytics} envelope
 */
record JsonRow(RowSource source, Map<String, String> document, boolean envelope, RowFields row)
		implements SourcedItem {
}
