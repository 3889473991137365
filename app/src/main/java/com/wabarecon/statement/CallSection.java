package com.wabarecon.statement;

import java.math.BigDecimal;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import net.sf.jasperreports.engine.JRParameter;

/**
 * The statement's Voice calls section ({@code statement-calls.jrxml}), for a client who had
 * calls: the month's total calls, minutes of talk time, average duration and estimated cost,
 * each against the previous month's; calls per day, inbound (user-initiated) against outbound
 * (business-initiated); talk time per day. Every day of the month is on the charts' axis.
 */
final class CallSection {

	/** A chart series' category, for its colour ({@link CategoryColours}). */
	static final String OUTBOUND = "OUTBOUND";

	static final String INBOUND = "INBOUND";

	static final String TALK_TIME = "TALK_TIME";

	private static final String BUSINESS_INITIATED = "BUSINESS_INITIATED";

	private CallSection() {
	}

	/** The subreport's parameters; {@code null} when the client had no calls this month. */
	static Map<String, Object> parameters(Statement statement, StatementText text) {
		if (statement.calls().isEmpty()) {
			return null;
		}
		Statement.CallFigures now = Statement.CallFigures.of(statement.calls());
		Statement.CallFigures before = statement.previousCalls().isEmpty() ? null
				: Statement.CallFigures.of(statement.previousCalls());
		Map<String, Object> parameters = new HashMap<>();
		parameters.put(JRParameter.REPORT_LOCALE, statement.client().javaLocale());
		parameters.put(JRParameter.REPORT_RESOURCE_BUNDLE, text.bundle());
		parameters.put("CALLS", text.count(now.calls()));
		parameters.put("CALLS_CHANGE", change(text, before, now, figures -> BigDecimal.valueOf(figures.calls())));
		parameters.put("MINUTES", text.label("statement.calls.minutesValue", text.decimal(now.minutes())));
		parameters.put("MINUTES_CHANGE", change(text, before, now, Statement.CallFigures::minutes));
		parameters.put("AVERAGE", duration(text, now.averageSeconds()));
		parameters.put("AVERAGE_CHANGE", change(text, before, now, Statement.CallFigures::averageSeconds));
		parameters.put("COST", now.cost().entrySet().stream()
			.map(cost -> (cost.getValue() == null ? text.label("statement.unknown")
					: text.amount(cost.getValue(), cost.getKey())) + " " + cost.getKey())
			.collect(Collectors.joining(" + ")));
		parameters.put("COST_CHANGE", before == null || !now.cost().keySet().equals(before.cost().keySet()) ? null
				: change(text, before, now, Statement.CallFigures::onlyCost));
		String previousMonth = text.month(statement.billingMonth().minusMonths(1));
		parameters.put("COMPARED", before == null ? text.label("statement.calls.noPrevious", previousMonth)
				: text.label("statement.calls.against", previousMonth));
		String outbound = text.label("statement.calls.outbound");
		String inbound = text.label("statement.calls.inbound");
		String talkTime = text.label("statement.calls.talkTime");
		parameters.put(CategoryColours.SERIES_CATEGORIES, Map.of(outbound, OUTBOUND, inbound, INBOUND, talkTime,
				TALK_TIME));
		parameters.put("PER_DAY", perDay(statement, outbound, inbound));
		parameters.put("TALK_TIME", talkTime(statement, talkTime));
		parameters.put("NOTE", text.label(statement.calls().stream().anyMatch(Statement.CallDay::approximate)
				? "statement.calls.note.approximate" : "statement.calls.note"));
		return parameters;
	}

	/** "+12,5 %"; {@code null} where there is nothing to compare with (no previous calls, or a figure unknown or zero). */
	private static String change(StatementText text, Statement.CallFigures before, Statement.CallFigures now,
			Function<Statement.CallFigures, BigDecimal> figure) {
		if (before == null || figure.apply(before) == null || figure.apply(now) == null) {
			return null;
		}
		BigDecimal pct = Statement.pct(figure.apply(before), figure.apply(now));
		return pct == null ? null : text.signed(pct) + " %";
	}

	/** "1 min 35 s" */
	private static String duration(StatementText text, BigDecimal seconds) {
		long whole = seconds.longValueExact();
		return text.label("statement.calls.duration", String.valueOf(whole / 60), String.valueOf(whole % 60));
	}

	/** Calls per day and direction: outbound first, as the legend reads. */
	private static List<Map<String, ?>> perDay(Statement statement, String outbound, String inbound) {
		Map<String, Long> calls = new HashMap<>();
		statement.calls()
			.forEach(day -> calls.merge(day.date().getDayOfMonth() + (BUSINESS_INITIATED.equals(day.direction())
					? " " + outbound : " " + inbound), day.calls(), Long::sum));
		List<Map<String, ?>> rows = new ArrayList<>();
		YearMonth month = statement.billingMonth();
		for (int day = 1; day <= month.lengthOfMonth(); day++) {
			for (String series : List.of(outbound, inbound)) {
				rows.add(Map.of("day", String.valueOf(day), "series", series, "calls",
						calls.getOrDefault(day + " " + series, 0L)));
			}
		}
		return rows;
	}

	/** Minutes of talk time per day, one decimal, every direction. */
	private static List<Map<String, ?>> talkTime(Statement statement, String series) {
		Map<Integer, Long> seconds = new HashMap<>();
		statement.calls().forEach(day -> seconds.merge(day.date().getDayOfMonth(), day.durationSeconds(), Long::sum));
		List<Map<String, ?>> rows = new ArrayList<>();
		for (int day = 1; day <= statement.billingMonth().lengthOfMonth(); day++) {
			rows.add(Map.of("day", String.valueOf(day), "series", series, "minutes",
					new Statement.CallFigures(0, seconds.getOrDefault(day, 0L), Map.of()).minutes()));
		}
		return rows;
	}

}
