package com.wabarecon.usage;

import com.wabarecon.support.reject.RowSource;
import com.wabarecon.support.reject.SourcedItem;

/** One line of a line-delimited file (a stored webhook payload). */
record TextLine(RowSource source, String text) implements SourcedItem {
}
