package com.wabarecon.reconciliation;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

import com.wabarecon.importing.InvoiceFileTieOut;
import com.wabarecon.rules.Money;
import com.wabarecon.rules.Pricing;
import com.wabarecon.rules.TieOutCheck;
import com.wabarecon.rules.Volumes;

import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Proves that the lines add up to the inputs they came from, per currency and to the cent:
 * <ul>
 * <li>invoice: the lines' invoiced amounts plus the adjustments, credits and taxes equal the
 * invoice's totals as its files were read, less the rows rejected ({@code invoice_file_total},
 * never summed from the loaded lines; for one client: the client's invoice usage lines);</li>
 * <li>estimates: the estimates the lines were built from (messages and calls) equal the
 * estimates loaded;</li>
 * <li>each invoice file, per currency: as read = loaded + rejected ({@link InvoiceFileTieOut}).</li>
 * </ul>
 */
class TieOut {

	/**
	 * One currency's check: what the lines say against what the inputs say.
	 *
	 * @param unknown what neither side holds because it cannot be known (estimates not priced), or
	 * {@code null}
	 */
	record Check(String what, String currency, BigDecimal lines, BigDecimal other, BigDecimal inputs, String unknown)
			implements TieOutCheck {

		Check(String what, String currency, BigDecimal lines, BigDecimal other, BigDecimal inputs) {
			this(what, currency, lines, other, inputs, null);
		}

		@Override
		public boolean ties() {
			return lines.add(other).compareTo(inputs) == 0;
		}

		/**
		 * "invoice EUR: lines 897.15 + adjustments, credits and taxes 31.90 = 929.05, invoice totals
		 * 929.05", at the currency's precision; a difference whole, however small.
		 */
		@Override
		public String describe() {
			String source = what.equals("invoice") ? "invoice totals" : "estimates loaded";
			BigDecimal difference = inputs.subtract(lines.add(other));
			return what + " " + currency + ": lines " + Money.text(lines, currency)
					+ (other.signum() == 0 ? ""
							: " + adjustments, credits and taxes " + Money.text(other, currency) + " = "
									+ Money.text(lines.add(other), currency))
					+ ", " + source + " " + Money.text(inputs, currency)
					+ (ties() ? "" : " (difference " + difference.setScale(Math.max(Money.digits(currency),
							difference.stripTrailingZeros().scale()), RoundingMode.UNNECESSARY).toPlainString() + ")")
					+ (unknown == null ? "" : "; not in either: " + unknown);
		}

	}

	private final JdbcClient jdbc;

	private final InvoiceFileTieOut invoiceFiles;

	TieOut(JdbcClient jdbc, InvoiceFileTieOut invoiceFiles) {
		this.jdbc = jdbc;
		this.invoiceFiles = invoiceFiles;
	}

	/**
	 * The estimates loaded, per currency: a pass over the month's estimates themselves, not their
	 * sums, so that the lines built from the sums are checked against the rows; taken beside the
	 * judging of the lines ({@code estimateTotalsStep}) and handed to {@link #check}.
	 */
	static Map<String, BigDecimal> loadedEstimates(JdbcClient jdbc, String month, String client) {
		return sums(jdbc, """
				SELECT currency, SUM(cost) FROM (
				    SELECT currency, SUM(COALESCE(cost, 0)) AS cost FROM usage_estimate
				    WHERE billing_month = :month AND counts_as_estimate AND pricing_type = 'REGULAR'
				      AND (CAST(:client AS VARCHAR(64)) IS NULL OR client_id = :client)
				    GROUP BY currency
				    UNION ALL
				    SELECT currency, SUM(COALESCE(cost, 0)) AS cost FROM call_estimate
				    WHERE billing_month = :month AND counts_as_estimate
				      AND (CAST(:client AS VARCHAR(64)) IS NULL OR client_id = :client)
				    GROUP BY currency) t
				GROUP BY currency""", month, client);
	}

	/** "EUR 123.450000" a line: how the loaded estimates are kept between the two steps. */
	static String format(Map<String, BigDecimal> totals) {
		StringBuilder text = new StringBuilder();
		totals.forEach((currency, amount) -> text.append(currency)
			.append(' ')
			.append(amount.toPlainString())
			.append('\n'));
		return text.toString();
	}

	static Map<String, BigDecimal> parse(String text) {
		Map<String, BigDecimal> totals = new TreeMap<>();
		text.lines().filter(line -> !line.isBlank()).forEach(line -> {
			int space = line.indexOf(' ');
			totals.put(line.substring(0, space), new BigDecimal(line.substring(space + 1)));
		});
		return totals;
	}

	/**
	 * The checks per currency, and the invoice files' (the files are the month's: the import reads
	 * every file whatever the client).
	 */
	record Result(List<Check> perCurrency, List<InvoiceFileTieOut.FileCheck> files) {

		/** Every check, per currency first. */
		List<TieOutCheck> all() {
			List<TieOutCheck> all = new ArrayList<>(perCurrency);
			all.addAll(files);
			return all;
		}

	}

	/**
	 * The month's checks, or the client's.
	 *
	 * @param loaded the estimates loaded, per currency ({@link #loadedEstimates})
	 */
	Result check(String month, String client, Map<String, BigDecimal> loaded) {
		List<Check> checks = new ArrayList<>();
		Map<String, BigDecimal> lines = sums(jdbc, """
				SELECT currency, SUM(invoiced_amount) FROM recon_line
				WHERE billing_month = :month AND (CAST(:client AS VARCHAR(64)) IS NULL OR client_id = :client)
				GROUP BY currency""", month, client);
		Map<String, BigDecimal> other;
		Map<String, BigDecimal> inputs;
		if (client == null) {
			other = sums(jdbc, """
					SELECT currency, SUM(amount) FROM invoice_line WHERE billing_month = :month
					  AND line_type <> 'USAGE' AND CAST(:client AS VARCHAR(64)) IS NULL GROUP BY currency""", month, client);
			inputs = sums(jdbc, """
					SELECT currency, SUM(amount_read - amount_rejected) FROM invoice_file_total
					WHERE billing_month = :month AND currency IS NOT NULL AND CAST(:client AS VARCHAR(64)) IS NULL
					GROUP BY currency""", month, client);
		}
		else {
			other = Map.of();
			inputs = sums(jdbc, """
					SELECT i.currency, SUM(i.amount) FROM invoice_line i""" + ReconSideRepository.INVOICE_LINE_OWNER + """
					WHERE i.billing_month = :month AND i.line_type = 'USAGE'"""
					+ " AND " + ReconSideRepository.INVOICE_LINE_CLIENT + " = :client GROUP BY i.currency", month, client);
		}
		for (String currency : union(lines, other, inputs)) {
			checks.add(new Check("invoice", currency, money(lines.get(currency), currency),
					money(other.get(currency), currency), money(inputs.get(currency), currency)));
		}
		Map<String, BigDecimal> built = new TreeMap<>();
		Map<String, String> unpriced = new TreeMap<>();
		jdbc.sql("""
				SELECT source_currency, SUM(source_amount),
				    SUM(CASE WHEN category = 'VOICE' THEN 0 ELSE unpriced_volume END),
				    SUM(CASE WHEN category = 'VOICE' THEN unpriced_volume ELSE 0 END), SUM(unpriced_rows)
				FROM recon_side
				WHERE billing_month = :month AND side = 'E'
				  AND (CAST(:client AS VARCHAR(64)) IS NULL OR client_id = :client)
				GROUP BY source_currency""").param("month", month).param("client", client).query(rs -> {
			built.put(rs.getString(1), rs.getBigDecimal(2));
			if (rs.getLong(5) > 0) {
				List<String> volumes = new ArrayList<>();
				if (rs.getLong(3) > 0) {
					volumes.add(rs.getLong(3) + " messages");
				}
				if (rs.getLong(4) > 0) {
					volumes.add(Volumes.text(Pricing.VOICE, rs.getLong(4)) + " minutes of calls");
				}
				unpriced.put(rs.getString(1).strip(), String.join(" and ", volumes) + " in " + rs.getLong(5)
						+ " estimate rows without a price (unknown: see the UNPRICED lines)");
			}
		});
		for (String currency : union(built, Map.of(), loaded)) {
			checks.add(new Check("estimates", currency, money(built.get(currency), currency),
					money(BigDecimal.ZERO, currency), money(loaded.get(currency), currency), unpriced.get(currency)));
		}
		return new Result(checks, invoiceFiles.check(month));
	}

	private static Map<String, BigDecimal> sums(JdbcClient jdbc, String sql, String month, String client) {
		Map<String, BigDecimal> sums = new TreeMap<>();
		jdbc.sql(sql).param("month", month).param("client", client).query(rs -> {
			sums.put(rs.getString(1), rs.getBigDecimal(2));
		});
		return sums;
	}

	private static List<String> union(Map<String, ?> a, Map<String, ?> b, Map<String, ?> c) {
		Set<String> all = new TreeSet<>();
		all.addAll(a.keySet());
		all.addAll(b.keySet());
		all.addAll(c.keySet());
		return List.copyOf(all);
	}

	/** Compared and printed as every output shows money: at the currency's precision ({@link Money}). */
	private static BigDecimal money(BigDecimal value, String currency) {
		return Money.round(value == null ? BigDecimal.ZERO : value, currency);
	}

}
