package com.wabarecon.statement;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import com.wabarecon.balance.BalanceMonth;

import net.sf.jasperreports.engine.JRParameter;
import net.sf.jasperreports.engine.data.JRMapCollectionDataSource;

/**
 * The statement's Prepaid balance section ({@code statement-balance.jrxml}), for a client with
 * phone numbers on Direct Payment: per number the opening balance, funds added, usage, the
 * closing balance, the days it lasts and the auto-renewal; under the table, a roll-forward that
 * does not tie out (with both figures), a balance that runs out soon, and the suggested
 * auto-renewal; a chart of the closing balances across numbers. A figure that cannot be known
 * reads unknown.
 */
final class BalanceSection {

	private BalanceSection() {
	}

	/** The subreport's parameters; {@code null} when none of the client's numbers is on Direct Payment. */
	static Map<String, Object> parameters(Statement statement, StatementText text) {
		if (statement.balances().isEmpty()) {
			return null;
		}
		List<Map<String, ?>> rows = new ArrayList<>();
		List<Map<String, ?>> chart = new ArrayList<>();
		List<String> notes = new ArrayList<>();
		for (BalanceMonth balance : statement.balances()) {
			String currency = balance.currency();
			String number = balance.displayPhoneNumber() == null ? balance.channelId()
					: "+" + balance.displayPhoneNumber();
			Map<String, Object> row = new HashMap<>();
			row.put("number", number);
			row.put("currency", currency);
			row.put("opening", money(text, balance.opening(), currency));
			row.put("added", money(text, balance.added(), currency));
			row.put("used", money(text, balance.used(), currency));
			row.put("other", money(text, balance.other(), currency));
			row.put("closing", money(text, balance.closing(), currency));
			row.put("daysLeft", balance.daysLeft() == null ? "–" : text.decimal(balance.daysLeft()));
			row.put("renewal", balance.renewalEnabled() ? text.label("statement.balance.renewalOn")
					: text.label("statement.balance.renewalOff"));
			row.put("urgent", balance.runsOutSoon());
			rows.add(row);
			if (balance.closing() != null) {
				chart.add(Map.of("number", number, "currency", currency, "closing", balance.closing()));
			}
			if (balance.differs()) {
				notes.add(text.label("statement.balance.difference", number, text.amount(balance.expectedClosing(), currency),
						currency, text.amount(balance.closing(), currency), text.amount(balance.difference(), currency)));
			}
			if (balance.runsOutSoon() && balance.emptyDate() != null) {
				notes.add(text.label("statement.balance.runsOut", number, text.decimal(balance.daysLeft()),
						text.date(balance.emptyDate())));
			}
			if (balance.suggestedThreshold() != null) {
				notes.add(text.label(balance.stableUsage() ? "statement.balance.advice.stable"
						: "statement.balance.advice.fluctuating", number,
						text.amount(balance.suggestedThreshold(), currency), currency,
						text.amount(balance.suggestedAmount(), currency)));
			}
		}
		Map<String, Object> parameters = new HashMap<>();
		parameters.put(JRParameter.REPORT_LOCALE, statement.client().javaLocale());
		parameters.put(JRParameter.REPORT_RESOURCE_BUNDLE, text.bundle());
		parameters.put("ROWS", new JRMapCollectionDataSource(rows));
		parameters.put("CHART", chart);
		parameters.put("NOTES", String.join("\n", notes));
		return parameters;
	}

	private static String money(StatementText text, BigDecimal amount, String currency) {
		return amount == null ? text.label("statement.unknown") : text.amount(amount, currency);
	}

}
