package com.wabarecon.statement;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import net.sf.jasperreports.engine.JRParameter;

/**
 * The statement's last 12 months ({@code statement-history.jrxml}): messages per month, paid and
 * free stacked, and the amount invoiced per month and currency, so a client sees how its
 * messaging developed over the year. Shown once an earlier month was reconciled.
 */
final class HistorySection {

	private HistorySection() {
	}

	/** The subreport's parameters; {@code null} with the month closed alone. */
	static Map<String, Object> parameters(Statement statement, StatementText text) {
		if (statement.history().stream().map(Statement.HistoryMonth::month).distinct().count() < 2) {
			return null;
		}
		String paid = text.label("statement.chart.paid");
		String free = text.label("statement.chart.free");
		List<Map<String, ?>> messages = new ArrayList<>();
		List<Map<String, ?>> amounts = new ArrayList<>();
		Map<String, Long[]> perMonth = new java.util.LinkedHashMap<>();
		for (Statement.HistoryMonth month : statement.history()) {
			// 2025-09: short enough for twelve on an axis, and read the same in every language
			String label = month.month().toString();
			Long[] sums = perMonth.computeIfAbsent(label, l -> new Long[] { 0L, 0L });
			sums[0] += month.paid();
			sums[1] += month.free();
			amounts.add(Map.of("month", label, "currency", month.currency(), "amount", month.invoiced()));
		}
		perMonth.forEach((label, sums) -> {
			messages.add(Map.of("month", label, "series", paid, "volume", sums[0]));
			messages.add(Map.of("month", label, "series", free, "volume", sums[1]));
		});
		Map<String, Object> parameters = new HashMap<>();
		parameters.put(JRParameter.REPORT_LOCALE, statement.client().javaLocale());
		parameters.put(JRParameter.REPORT_RESOURCE_BUNDLE, text.bundle());
		parameters.put("MESSAGES", messages);
		parameters.put("AMOUNTS", amounts);
		parameters.put(CategoryColours.SERIES_CATEGORIES, Map.of(paid, "PAID", free, "FREE"));
		return parameters;
	}

}
