package com.wabarecon.usage;

import java.util.List;

import com.wabarecon.support.reject.RowSource;
import com.wabarecon.support.reject.SourcedItem;

/** The status events of one stored webhook payload that can count, and the calls it ends. */
record WebhookEvents(RowSource source, List<StatusEvent> events, List<CallEvent> calls) implements SourcedItem {
}
