package com.wabarecon.directory;

import java.util.List;

import com.wabarecon.support.reject.RowSource;
import com.wabarecon.support.reject.SourcedItem;

/**
 * A client of the partner: who receives the statement, in which currency and language.
 */
record Client(String clientId, String name, List<String> billingEmails, String statementCurrency,
		String locale, RowSource source) implements SourcedItem {
}
