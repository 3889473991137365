package com.wabarecon.statement;

import java.io.IOException;
import java.io.OutputStream;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.BiFunction;
import java.util.stream.Collectors;

import com.wabarecon.rules.Money;
import com.wabarecon.rules.Volumes;

import org.springframework.context.MessageSource;

import net.sf.jasperreports.engine.JRException;
import net.sf.jasperreports.engine.JRParameter;
import net.sf.jasperreports.engine.JasperFillManager;
import net.sf.jasperreports.engine.JasperPrint;
import net.sf.jasperreports.engine.data.JRMapCollectionDataSource;
import net.sf.jasperreports.export.SimpleExporterInput;
import net.sf.jasperreports.export.SimpleOutputStreamExporterOutput;
import net.sf.jasperreports.pdf.JRPdfExporter;
import net.sf.jasperreports.pdf.SimplePdfExporterConfiguration;

/**
 * The statement as a PDF, filled from the compiled templates: the rows of each table are maps
 * named as the templates' fields, numbers stay numbers (the template formats them in the
 * client's locale, with the currency's digits). Thread-safe.
 */
class JasperStatementRenderer implements StatementRenderer {

	private final StatementTemplates templates;

	private final MessageSource messages;

	JasperStatementRenderer(StatementTemplates templates, MessageSource messages) {
		this.templates = templates;
		this.messages = messages;
	}

	@Override
	public String extension() {
		return "pdf";
	}

	@Override
	public void render(Statement statement, OutputStream out) throws IOException {
		try {
			StatementText text = new StatementText(messages, statement);
			JasperPrint print = JasperFillManager.fillReport(templates.statement(), parameters(statement, text),
					new JRMapCollectionDataSource(lines(statement, text)));
			JRPdfExporter exporter = new JRPdfExporter();
			exporter.setExporterInput(new SimpleExporterInput(print));
			exporter.setExporterOutput(new SimpleOutputStreamExporterOutput(out));
			SimplePdfExporterConfiguration configuration = new SimplePdfExporterConfiguration();
			configuration.setMetadataTitle(text.label("statement.title") + " " + text.monthTitle(statement.billingMonth()) + " "
					+ statement.client().name());
			configuration.setMetadataCreator("recon monthly close");
			exporter.setConfiguration(configuration);
			exporter.exportReport();
		}
		catch (JRException ex) {
			throw new IOException("statement PDF of client '" + statement.client().clientId() + "' failed: "
					+ ex.getMessage(), ex);
		}
	}

	private Map<String, Object> parameters(Statement statement, StatementText text) {
		Map<String, Object> parameters = new HashMap<>();
		parameters.put(JRParameter.REPORT_LOCALE, statement.client().javaLocale());
		parameters.put(JRParameter.REPORT_RESOURCE_BUNDLE, text.bundle());
		parameters.put("CLIENT_NAME", statement.client().name());
		parameters.put("CLIENT_ID", statement.client().clientId());
		parameters.put("MONTH_LABEL", text.monthTitle(statement.billingMonth()));
		String previousMonth = text.month(statement.billingMonth().minusMonths(1));
		parameters.put("COMPARED_WITH", text.label("statement.comparedWith", previousMonth));
		parameters.put("NOTHING_TO_COMPARE", text.label("statement.nothingToCompare", previousMonth));
		parameters.put("CURRENCIES", String.join(", ", statement.currencies()));
		parameters.put("INVOICES", statement.invoiceIds().isEmpty() ? text.label("statement.invoices.none")
				: String.join(", ", statement.invoiceIds()));
		parameters.put("GENERATED", text.generated());
		parameters.put("STATUS_SUMMARY", text.label("statement.linesPerStatus", statement.linesPerStatus()
			.entrySet()
			.stream()
			.map(entry -> text.status(entry.getKey()) + " " + text.count(entry.getValue()))
			.collect(Collectors.joining(" · "))));
		parameters.put("CONVERSION", conversion(statement, text));
		parameters.put("NOTES", notes(statement, text));
		parameters.put("TOTALS_REPORT", templates.totals());
		parameters.put("TOTALS", totals(statement));
		parameters.put("CHARGES_REPORT", templates.charges());
		parameters.put("CHARGES", charges(statement, text));
		parameters.put("CHANGES_REPORT", templates.changes());
		parameters.put("CHANGES", changes(statement, text));
		Map<String, String> seriesCategories = new HashMap<>();
		parameters.put("VOLUMES", volumes(statement, text, seriesCategories));
		parameters.put("COSTS", costs(statement, text, seriesCategories));
		parameters.put("COST_TITLE", text.label("statement.chart.cost", statement.days().stream()
			.map(Statement.Day::currency).collect(Collectors.toCollection(TreeSet::new)).stream()
			.collect(Collectors.joining(", "))));
		parameters.put("MIX", mix(statement, text, seriesCategories));
		parameters.put("MONTH_TOTALS", monthTotals(statement, text));
		seriesCategories.put(text.label("statement.chart.paid"), "PAID");
		seriesCategories.put(text.label("statement.chart.free"), "FREE");
		parameters.put(CategoryColours.SERIES_CATEGORIES, seriesCategories);
		parameters.put("CALLS_REPORT", templates.calls());
		parameters.put("CALLS", CallSection.parameters(statement, text));
		parameters.put("BALANCE_REPORT", templates.balance());
		parameters.put("BALANCE", BalanceSection.parameters(statement, text));
		parameters.put("FORECAST_REPORT", templates.forecast());
		parameters.put("FORECAST", ForecastSection.parameters(statement, text));
		parameters.put("HISTORY_REPORT", templates.history());
		parameters.put("HISTORY", HistorySection.parameters(statement, text));
		return parameters;
	}

	/** The month's total in the client's statement currency, saying which rates; {@code null} when all is in it already. */
	private static String conversion(Statement statement, StatementText text) {
		return statement.conversion().map(conversion -> {
			String month = text.month(statement.billingMonth());
			if (conversion.total() == null) {
				return text.label("statement.converted.unknown", conversion.currency(),
						String.join(", ", conversion.missing()), month);
			}
			List<String> rates = conversion.rates().entrySet().stream()
				.map(rate -> text.label("statement.converted.rate", rate.getKey(), text.rate(rate.getValue()),
						conversion.currency(), month))
				.toList();
			return text.label("statement.converted", conversion.currency(),
					text.amount(conversion.total(), conversion.currency())) + " " + String.join("; ", rates) + ".";
		}).orElse(null);
	}

	/** The estimates of sources that count the whole month, per category: shown as totals, never on day 1. */
	private static String monthTotals(Statement statement, StatementText text) {
		Map<String, Long> volumes = new TreeMap<>();
		statement.wholeMonth().forEach(day -> volumes.merge(day.category(), day.volume(), Long::sum));
		if (volumes.isEmpty()) {
			return null;
		}
		return text.label("statement.monthTotals", volumes.entrySet().stream()
			.map(category -> text.category(category.getKey()) + " " + text.count(category.getValue()))
			.collect(Collectors.joining(", ")));
	}

	private static String notes(Statement statement, StatementText text) {
		List<String> notes = new ArrayList<>();
		for (Statement.Total total : statement.totals()) {
			if (total.unknownEstimates() > 0) {
				notes.add(text.label("statement.note.unknownEstimates", text.count(total.unknownEstimates()),
						total.currency()));
			}
		}
		long unknownDays = statement.daily().stream().filter(day -> day.cost() == null).map(Statement.Day::date)
			.distinct().count();
		if (unknownDays > 0) {
			notes.add(text.label("statement.note.unknownDays", text.count(unknownDays)));
		}
		notes.add(text.label("statement.note.amounts"));
		return String.join(" ", notes);
	}

	private static List<Map<String, ?>> lines(Statement statement, StatementText text) {
		return statement.lines().stream().<Map<String, ?>>map(line -> {
			Map<String, Object> row = new HashMap<>();
			row.put("currency", line.currency());
			row.put("channelKey", line.wabaId() + "/" + line.phoneNumberId());
			row.put("currencyHeading", text.label("statement.usageIn", line.currency()));
			row.put("currencyTotal", text.label("statement.totalIn", line.currency()));
			row.put("channel", line.phoneNumberId() == null ? text.channel(line)
					: text.channel(line) + "  ·  WABA " + line.wabaId());
			row.put("category", text.category(line.category()));
			row.put("estimatedVolume", Volumes.shown(line.category(), line.estimatedVolume()));
			row.put("invoicedVolume", Volumes.shown(line.category(), line.invoicedVolume()));
			row.put("volumeDelta", Volumes.shown(line.category(), line.volumeDelta()));
			row.put("volumePattern", StatementFormats.volumePattern(line.category()));
			row.put("minutes", Volumes.inMinutes(line.category()));
			// shown at the currency's digits (a fraction of a cent shows as 0,00, not -0,00); the
			// table's totals add the exact amounts, so that they are the reconciliation's totals
			row.put("estimatedAmount", Money.round(line.estimatedAmount(), line.currency()));
			row.put("invoicedAmount", Money.round(line.invoicedAmount(), line.currency()));
			row.put("amountDelta", Money.round(line.amountDelta(), line.currency()));
			row.put("estimatedExact", line.estimatedAmount());
			row.put("invoicedExact", line.invoicedAmount());
			row.put("amountDeltaExact", line.amountDelta());
			row.put("amountDeltaPct", line.amountDeltaPct());
			row.put("status", text.status(line.status()));
			row.put("discrepancy", line.discrepancy());
			row.put("reason", text.reason(line));
			row.put("pattern", StatementFormats.moneyPattern(line.currency()));
			return row;
		}).toList();
	}

	private static List<Map<String, ?>> totals(Statement statement) {
		return statement.totals().stream().<Map<String, ?>>map(total -> {
			Map<String, Object> row = new HashMap<>();
			row.put("currency", total.currency());
			row.put("estimated", Money.round(total.estimated(), total.currency()));
			row.put("invoiced", Money.round(total.invoiced(), total.currency()));
			row.put("difference", Money.round(total.difference(), total.currency()));
			row.put("adjustments", total.adjustments());
			row.put("credits", total.credits());
			row.put("taxes", total.taxes());
			row.put("grandTotal", total.grandTotal());
			row.put("pattern", StatementFormats.moneyPattern(total.currency()));
			return row;
		}).toList();
	}

	private static List<Map<String, ?>> charges(Statement statement, StatementText text) {
		return statement.charges().stream().<Map<String, ?>>map(charge -> Map.of("invoiceId", charge.invoiceId(),
				"wabaId", charge.wabaId(), "type", text.lineType(charge.lineType()), "currency",
				charge.currency(), "amount", charge.amount(), "pattern", StatementFormats.moneyPattern(charge.currency())))
			.toList();
	}

	private static List<Map<String, ?>> changes(Statement statement, StatementText text) {
		return statement.changes().stream().<Map<String, ?>>map(change -> {
			Map<String, Object> row = new HashMap<>();
			row.put("currency", change.currency());
			row.put("category", change.category() == null ? text.label("statement.allCategories")
					: text.category(change.category()));
			row.put("previousVolume", change.shown(change.previousVolume()));
			row.put("volume", change.shown(change.volume()));
			row.put("volumePattern", StatementFormats.volumePattern(change.category()));
			row.put("volumeChange", change.volumeChangePct());
			row.put("previousAmount", change.previousAmount());
			row.put("amount", change.amount());
			row.put("amountChange", change.amountChangePct());
			row.put("pattern", StatementFormats.moneyPattern(change.currency()));
			row.put("total", change.category() == null);
			return row;
		}).toList();
	}

	/**
	 * Messages per day and category, every day of the month (none counts as zero: the axis is the
	 * whole month); the estimates of the whole month are not a day's.
	 */
	private static List<Map<String, ?>> volumes(Statement statement, StatementText text,
			Map<String, String> seriesCategories) {
		Map<String, Long> volumes = new HashMap<>();
		statement.daily().forEach(day -> volumes.merge(day.date() + " " + day.category(), day.volume(), Long::sum));
		return everyDay(statement, statement.daily().stream().map(Statement.Day::category).distinct().sorted().toList(),
				(date, category) -> Map.of("day", String.valueOf(date.getDayOfMonth()), "category",
						series(text, category, null, seriesCategories), "volume",
						volumes.getOrDefault(date + " " + category, 0L)));
	}

	/**
	 * Estimated cost per day and category, per currency where the estimates have several. A day
	 * whose cost is unknown (estimates without a rate) has no bar: never a cost of 0.
	 */
	private static List<Map<String, ?>> costs(Statement statement, StatementText text,
			Map<String, String> seriesCategories) {
		boolean severalCurrencies = statement.daily().stream().map(Statement.Day::currency).distinct().count() > 1;
		Map<String, BigDecimal> costs = new HashMap<>();
		Set<String> unknown = new HashSet<>();
		for (Statement.Day day : statement.daily()) {
			String key = day.date() + " " + series(text, day.category(), severalCurrencies ? day.currency() : null,
					seriesCategories);
			if (day.cost() == null) {
				unknown.add(key);
			}
			else {
				costs.merge(key, day.cost(), BigDecimal::add);
			}
		}
		List<String> series = statement.daily().stream()
			.map(day -> series(text, day.category(), severalCurrencies ? day.currency() : null, seriesCategories))
			.distinct().sorted().toList();
		return everyDay(statement, series, (date, name) -> {
			String key = date + " " + name;
			Map<String, Object> row = new HashMap<>();
			row.put("day", String.valueOf(date.getDayOfMonth()));
			row.put("series", name);
			row.put("cost", unknown.contains(key) ? null : costs.getOrDefault(key, BigDecimal.ZERO));
			return row;
		});
	}

	/** A chart's series of a category (and currency, where it has several), noted with its category for its colour. */
	private static String series(StatementText text, String category, String currency,
			Map<String, String> seriesCategories) {
		String name = text.category(category) + (currency == null ? "" : " (" + currency + ")");
		seriesCategories.put(name, category);
		return name;
	}

	private static List<Map<String, ?>> everyDay(Statement statement, List<String> keys,
			BiFunction<LocalDate, String, Map<String, ?>> row) {
		if (keys.isEmpty()) {
			return List.of();
		}
		YearMonth month = statement.billingMonth();
		List<Map<String, ?>> rows = new ArrayList<>();
		for (int day = 1; day <= month.lengthOfMonth(); day++) {
			for (String key : keys) {
				rows.add(row.apply(month.atDay(day), key));
			}
		}
		return rows;
	}

	private static List<Map<String, ?>> mix(Statement statement, StatementText text,
			Map<String, String> seriesCategories) {
		Map<String, long[]> byCategory = new TreeMap<>();
		for (Statement.Day day : statement.days()) {
			long[] volumes = byCategory.computeIfAbsent(day.category(), category -> new long[2]);
			volumes[0] += day.paidVolume();
			volumes[1] += day.freeVolume();
		}
		// the series' names are fields: a chart's series are worded in its own dataset, which has no bundle
		String paid = text.label("statement.chart.paid");
		String free = text.label("statement.chart.free");
		return byCategory.entrySet().stream().<Map<String, ?>>map(entry -> Map.of("category",
				series(text, entry.getKey(), null, seriesCategories), "paid", entry.getValue()[0], "free",
				entry.getValue()[1], "paidSeries", paid, "freeSeries", free))
			.toList();
	}

}
