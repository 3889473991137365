package com.wabarecon.statement;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import com.wabarecon.forecast.ForecastLine;
import com.wabarecon.rules.Volumes;

import net.sf.jasperreports.engine.JRParameter;
import net.sf.jasperreports.engine.data.JRMapCollectionDataSource;

/**
 * The statement's "Approximate charges for <next month>" section ({@code statement-forecast.jrxml}):
 * per currency and category the forecast volume and cost, each with its 80 % range, or "low
 * confidence" where fewer than three months stand behind it; a cost no rate prices reads unknown.
 */
final class ForecastSection {

	private ForecastSection() {
	}

	/** The subreport's parameters; {@code null} when nothing was forecast for the client. */
	static Map<String, Object> parameters(Statement statement, StatementText text) {
		if (statement.forecast().isEmpty()) {
			return null;
		}
		List<Map<String, ?>> rows = new ArrayList<>();
		for (ForecastLine line : statement.forecast()) {
			String currency = line.currency();
			Map<String, Object> row = new HashMap<>();
			row.put("currency", currency);
			row.put("category", text.category(line.category()));
			row.put("volume", volume(text, line.category(), line.volume()));
			row.put("volumeRange", line.low() == null ? text.label("statement.forecast.lowConfidence")
					: volume(text, line.category(), line.low()) + " – " + volume(text, line.category(), line.high()));
			row.put("cost", line.cost() == null ? text.label("statement.unknown") : text.amount(line.cost(), currency));
			row.put("costRange", line.costLow() == null ? "" : text.amount(line.costLow(), currency) + " – "
					+ text.amount(line.costHigh(), currency));
			rows.add(row);
		}
		String next = text.month(statement.billingMonth().plusMonths(1));
		Map<String, Object> parameters = new HashMap<>();
		parameters.put(JRParameter.REPORT_LOCALE, statement.client().javaLocale());
		parameters.put(JRParameter.REPORT_RESOURCE_BUNDLE, text.bundle());
		parameters.put("TITLE", text.label("statement.forecastSection", text.monthTitle(statement.billingMonth()
			.plusMonths(1))));
		parameters.put("ROWS", new JRMapCollectionDataSource(rows));
		parameters.put("NOTE", text.label("statement.forecast.note", next));
		return parameters;
	}

	private static String volume(StatementText text, String category, long volume) {
		BigDecimal shown = Volumes.shown(category, volume);
		return Volumes.inMinutes(category) ? text.label("statement.calls.minutesValue", text.decimal(shown))
				: text.count(volume);
	}

}
