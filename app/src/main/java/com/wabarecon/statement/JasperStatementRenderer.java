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

	JasperStatementRenderer(StatementTemplates templates) {
		this.templates = templates;
	}

	@Override
	public String extension() {
		return "pdf";
	}

	@Override
	public void render(Statement statement, OutputStream out) throws IOException {
		try {
			JasperPrint print = JasperFillManager.fillReport(templates.statement(), parameters(statement),
					new JRMapCollectionDataSource(lines(statement)));
			JRPdfExporter exporter = new JRPdfExporter();
			exporter.setExporterInput(new SimpleExporterInput(print));
			exporter.setExporterOutput(new SimpleOutputStreamExporterOutput(out));
			SimplePdfExporterConfiguration configuration = new SimplePdfExporterConfiguration();
			configuration.setMetadataTitle("Statement " + statement.month() + " " + statement.client().name());
			configuration.setMetadataCreator("recon monthly close");
			exporter.setConfiguration(configuration);
			exporter.exportReport();
		}
		catch (JRException ex) {
			throw new IOException("statement PDF of client '" + statement.client().clientId() + "' failed: "
					+ ex.getMessage(), ex);
		}
	}

	private Map<String, Object> parameters(Statement statement) {
		Map<String, Object> parameters = new HashMap<>();
		parameters.put(JRParameter.REPORT_LOCALE, statement.client().javaLocale());
		parameters.put("CLIENT_NAME", statement.client().name());
		parameters.put("CLIENT_ID", statement.client().clientId());
		parameters.put("MONTH_LABEL", StatementFormats.month(statement, statement.billingMonth()));
		parameters.put("PREVIOUS_MONTH_LABEL", StatementFormats.month(statement, statement.billingMonth().minusMonths(1)));
		parameters.put("CURRENCIES", String.join(", ", statement.currencies()));
		parameters.put("INVOICES", statement.invoiceIds().isEmpty() ? "none" : String.join(", ", statement.invoiceIds()));
		parameters.put("GENERATED", StatementFormats.generated(statement));
		parameters.put("STATUS_SUMMARY", statement.linesPerStatus()
			.entrySet()
			.stream()
			.map(entry -> StatementFormats.status(entry.getKey()) + " " + entry.getValue())
			.collect(Collectors.joining(" · ")));
		parameters.put("NOTES", notes(statement));
		parameters.put("TOTALS_REPORT", templates.totals());
		parameters.put("TOTALS", totals(statement));
		parameters.put("CHARGES_REPORT", templates.charges());
		parameters.put("CHARGES", charges(statement));
		parameters.put("CHANGES_REPORT", templates.changes());
		parameters.put("CHANGES", changes(statement));
		parameters.put("VOLUMES", volumes(statement));
		parameters.put("COSTS", costs(statement));
		parameters.put("COST_CURRENCIES", statement.days().stream().map(Statement.Day::currency)
			.collect(Collectors.toCollection(TreeSet::new)).stream().collect(Collectors.joining(", ")));
		parameters.put("MIX", mix(statement));
		return parameters;
	}

	private static String notes(Statement statement) {
		List<String> notes = new ArrayList<>();
		for (Statement.Total total : statement.totals()) {
			if (total.unknownEstimates() > 0) {
				notes.add(total.unknownEstimates() + " " + total.currency() + " line(s) have an estimate that cannot be "
						+ "known (in another currency without an agreed exchange rate, or without a rate in the rate card): "
						+ "the estimated " + total.currency() + " total and the difference are unknown.");
			}
		}
		long unknownDays = statement.days().stream().filter(day -> day.cost() == null).map(Statement.Day::date)
			.distinct().count();
		if (unknownDays > 0) {
			notes.add("The estimated cost of " + unknownDays + " day(s) is unknown (estimates without a rate in the "
					+ "rate card): the cost chart shows no cost for them.");
		}
		notes.add("Amounts are in the currency each WhatsApp Business Account is invoiced in. "
				+ "Total invoiced = invoiced usage + adjustments + credits + taxes.");
		return String.join(" ", notes);
	}

	private static List<Map<String, ?>> lines(Statement statement) {
		return statement.lines().stream().<Map<String, ?>>map(line -> {
			Map<String, Object> row = new HashMap<>();
			row.put("currency", line.currency());
			row.put("channelKey", line.wabaId() + "/" + line.phoneNumberId());
			row.put("channel", line.phoneNumberId() == null ? line.channel()
					: line.channel() + "  ·  WABA " + line.wabaId());
			row.put("category", StatementFormats.words(line.category()));
			row.put("estimatedVolume", line.estimatedVolume());
			row.put("invoicedVolume", line.invoicedVolume());
			row.put("volumeDelta", line.volumeDelta());
			// shown at the currency's digits (a fraction of a cent shows as 0,00, not -0,00); the
			// table's totals add the exact amounts, so that they are the reconciliation's totals
			row.put("estimatedAmount", Money.round(line.estimatedAmount(), line.currency()));
			row.put("invoicedAmount", Money.round(line.invoicedAmount(), line.currency()));
			row.put("amountDelta", Money.round(line.amountDelta(), line.currency()));
			row.put("estimatedExact", line.estimatedAmount());
			row.put("invoicedExact", line.invoicedAmount());
			row.put("amountDeltaExact", line.amountDelta());
			row.put("amountDeltaPct", line.amountDeltaPct());
			row.put("status", StatementFormats.status(line.status()));
			row.put("discrepancy", line.discrepancy());
			row.put("reason", line.reason());
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

	private static List<Map<String, ?>> charges(Statement statement) {
		return statement.charges().stream().<Map<String, ?>>map(charge -> Map.of("invoiceId", charge.invoiceId(),
				"wabaId", charge.wabaId(), "type", StatementFormats.words(charge.lineType()), "currency",
				charge.currency(), "amount", charge.amount(), "pattern", StatementFormats.moneyPattern(charge.currency())))
			.toList();
	}

	private static List<Map<String, ?>> changes(Statement statement) {
		return statement.changes().stream().<Map<String, ?>>map(change -> {
			Map<String, Object> row = new HashMap<>();
			row.put("currency", change.currency());
			row.put("category", change.category() == null ? "All categories" : StatementFormats.words(change.category()));
			row.put("previousVolume", change.previousVolume());
			row.put("volume", change.volume());
			row.put("volumeChange", change.volumeChangePct());
			row.put("previousAmount", change.previousAmount());
			row.put("amount", change.amount());
			row.put("amountChange", change.amountChangePct());
			row.put("pattern", StatementFormats.moneyPattern(change.currency()));
			row.put("total", change.category() == null);
			return row;
		}).toList();
	}

	/** Messages per day and category, every day of the month (none counts as zero: the axis is the whole month). */
	private static List<Map<String, ?>> volumes(Statement statement) {
		Map<String, Long> volumes = new HashMap<>();
		statement.days().forEach(day -> volumes.merge(day.date() + " " + day.category(), day.volume(), Long::sum));
		return everyDay(statement, statement.days().stream().map(Statement.Day::category).distinct().sorted().toList(),
				(date, category) -> Map.of("day", String.valueOf(date.getDayOfMonth()), "category",
						StatementFormats.words(category), "volume", volumes.getOrDefault(date + " " + category, 0L)));
	}

	/**
	 * Estimated cost per day and category, per currency where the estimates have several. A day
	 * whose cost is unknown (estimates without a rate) has no bar: never a cost of 0.
	 */
	private static List<Map<String, ?>> costs(Statement statement) {
		boolean severalCurrencies = statement.days().stream().map(Statement.Day::currency).distinct().count() > 1;
		Map<String, BigDecimal> costs = new HashMap<>();
		Set<String> unknown = new HashSet<>();
		for (Statement.Day day : statement.days()) {
			String key = day.date() + " " + series(day, severalCurrencies);
			if (day.cost() == null) {
				unknown.add(key);
			}
			else {
				costs.merge(key, day.cost(), BigDecimal::add);
			}
		}
		List<String> series = statement.days().stream().map(day -> series(day, severalCurrencies)).distinct().sorted().toList();
		return everyDay(statement, series, (date, name) -> {
			String key = date + " " + name;
			Map<String, Object> row = new HashMap<>();
			row.put("day", String.valueOf(date.getDayOfMonth()));
			row.put("series", name);
			row.put("cost", unknown.contains(key) ? null : costs.getOrDefault(key, BigDecimal.ZERO));
			return row;
		});
	}

	private static String series(Statement.Day day, boolean withCurrency) {
		return StatementFormats.words(day.category()) + (withCurrency ? " (" + day.currency() + ")" : "");
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

	private static List<Map<String, ?>> mix(Statement statement) {
		Map<String, long[]> byCategory = new TreeMap<>();
		for (Statement.Day day : statement.days()) {
			long[] volumes = byCategory.computeIfAbsent(day.category(), category -> new long[2]);
			volumes[0] += day.paidVolume();
			volumes[1] += day.freeVolume();
		}
		return byCategory.entrySet().stream().<Map<String, ?>>map(entry -> Map.of("category",
				StatementFormats.words(entry.getKey()), "paid", entry.getValue()[0], "free", entry.getValue()[1]))
			.toList();
	}

}
