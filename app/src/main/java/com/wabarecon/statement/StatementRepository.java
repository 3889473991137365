package com.wabarecon.statement;

import java.math.BigDecimal;
import java.nio.file.Path;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import com.wabarecon.support.ClientRangePartitioner.ClientWork;
import com.wabarecon.balance.BalanceMonths;
import com.wabarecon.forecast.ForecastLines;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Reads what one client's statement shows (with row mappers by position: they are read for
 * every client of the month), and records the files rendered for it. Every query
 * is bounded by one client and month, so memory holds one client's data at a time, and a
 * client's statement can only hold that client's rows. Thread-safe.
 */
@Repository
class StatementRepository {

	private final JdbcClient jdbc;

	private final BalanceMonths balances;

	private final ForecastLines forecasts;

	StatementRepository(JdbcClient jdbc, BalanceMonths balances, ForecastLines forecasts) {
		this.jdbc = jdbc;
		this.balances = balances;
		this.forecasts = forecasts;
	}

	/**
	 * The month's clients that have reconciliation lines (lines of unknown channels have none),
	 * ordered by id; only {@code client} when it is given.
	 */
	/** How many clients of the run have reconciliation lines, and so a statement. */
	long clientCount(String month, String client) {
		return jdbc.sql("""
				SELECT COUNT(DISTINCT client_id) FROM recon_line WHERE billing_month = :month
				  AND client_id IS NOT NULL
				  AND (CAST(:client AS VARCHAR(64)) IS NULL OR client_id = :client)""")
			.param("month", month)
			.param("client", client)
			.query(Long.class)
			.single();
	}

	List<ClientWork> clients(String month, String client) {
		return jdbc.sql("""
				SELECT client_id, COUNT(*) FROM recon_line WHERE billing_month = :month AND client_id IS NOT NULL
				  AND (CAST(:client AS VARCHAR(64)) IS NULL OR client_id = :client)
				GROUP BY client_id ORDER BY client_id""")
			.param("month", month)
			.param("client", client == null || client.isBlank() ? null : client)
			.query((rs, row) -> new ClientWork(rs.getString(1), rs.getLong(2)))
			.list();
	}

	/** The client's statement for the month, as of {@code now}. */
	Statement load(String month, String clientId, Instant now) {
		Statement.Client client = jdbc
			.sql("SELECT client_id, name, statement_currency, locale FROM client WHERE client_id = ?")
			.param(clientId)
			.query((rs, row) -> new Statement.Client(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4)))
			.optional()
			.orElseThrow(() -> new IllegalStateException(
					"client '" + clientId + "' has reconciliation lines in " + month + " but is not in the directory"));
		String previousMonth = YearMonth.parse(month).minusMonths(1).toString();
		List<String> channels = jdbc.sql("SELECT channel_id FROM channel WHERE client_id = ? ORDER BY channel_id")
			.param(clientId)
			.query(String.class)
			.list();
		List<String> wabas = jdbc.sql("SELECT waba_id FROM waba WHERE client_id = ? ORDER BY waba_id")
			.param(clientId)
			.query(String.class)
			.list();
		return new Statement(month, client, lines(month, clientId), charges(month, wabas), days(month, clientId, channels),
				previous(previousMonth, clientId), rates(month, client.statementCurrency()), calls(month, clientId),
				calls(previousMonth, clientId), balances.byUrgency(month, clientId), forecasts.forClient(month, clientId),
				history(month, clientId), now);
	}

	private List<Statement.Line> lines(String month, String clientId) {
		return jdbc.sql("""
				SELECT currency, waba_id, phone_number_id, channel_id, display_phone_number, category,
				       estimated_volume, invoiced_volume, volume_delta, estimated_amount, invoiced_amount, amount_delta,
				       amount_delta_pct, estimated_free_volume, invoiced_free_volume, status, reason, reason_phrases,
				       invoice_ids
				FROM recon_line WHERE billing_month = ? AND client_id = ?
				ORDER BY currency, waba_id, phone_number_id NULLS LAST, category""")
			.params(month, clientId)
			.query((rs, row) -> new Statement.Line(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4),
					rs.getString(5), rs.getString(6), rs.getLong(7), rs.getLong(8), rs.getLong(9), rs.getBigDecimal(10),
					rs.getBigDecimal(11), rs.getBigDecimal(12), rs.getBigDecimal(13), rs.getLong(14), rs.getLong(15),
					rs.getString(16), rs.getString(17), rs.getString(18), rs.getString(19)))
			.list();
	}

	/**
	 * The invoice's adjustments, credits and taxes on the client's WABAs (a WABA has one client),
	 * ordered by currency, invoice, type and line. Asked WABA by WABA, with the month and WABA
	 * the table's index starts with: H2 uses only the month part of it for a join or a sub-select
	 * (a scan of the month's invoice per client).
	 */
	private List<Statement.Charge> charges(String month, List<String> wabas) {
		record Row(long id, Statement.Charge charge) {
		}
		List<Row> rows = new ArrayList<>();
		for (String wabaId : wabas) {
			rows.addAll(jdbc.sql("""
					SELECT invoice_line_id, invoice_id, waba_id, line_type, currency, amount FROM invoice_line
					WHERE billing_month = ? AND waba_id = ? AND line_type IN ('ADJUSTMENT', 'CREDIT', 'TAX')""")
				.params(month, wabaId)
				.query((rs, row) -> new Row(rs.getLong(1), new Statement.Charge(rs.getString(2), rs.getString(3),
						rs.getString(4), rs.getString(5), rs.getBigDecimal(6))))
				.list());
		}
		return rows.stream()
			.sorted(Comparator.comparing((Row row) -> row.charge().currency())
				.thenComparing(row -> row.charge().invoiceId())
				.thenComparing(row -> row.charge().lineType())
				.thenComparingLong(Row::id))
			.map(Row::charge)
			.toList();
	}

	/**
	 * The counted estimates per day, category and currency (those of a whole month apart, dated its
	 * first day); REGULAR is paid, every other type free. A day's cost is unknown ({@code null})
	 * when one of its estimates could not be priced. Asked channel by channel, with the month and channel the table's index starts with:
	 * a month holds millions of rows, there is no index by client, and H2 uses only the month
	 * part of the index for a join, a sub-select or an IN list (a scan per client).
	 */
	private List<Statement.Day> days(String month, String clientId, List<String> channels) {
		Map<String, Statement.Day> days = new TreeMap<>();
		for (String channel : channels) {
			jdbc.sql("""
					SELECT local_date, pricing_category, currency,
					       SUM(CASE WHEN pricing_type = 'REGULAR' THEN volume ELSE 0 END),
					       SUM(CASE WHEN pricing_type = 'REGULAR' THEN 0 ELSE volume END),
					       CASE WHEN COUNT(*) = COUNT(cost) THEN SUM(cost) END,
					       COALESCE(whole_month, FALSE)
					FROM usage_estimate
					WHERE billing_month = ? AND channel_id = ? AND client_id = ? AND counts_as_estimate
					GROUP BY local_date, pricing_category, currency, COALESCE(whole_month, FALSE)""")
				.params(month, channel, clientId)
				.query((rs, row) -> new Statement.Day(rs.getObject(1, LocalDate.class), rs.getString(2), rs.getString(3),
						rs.getLong(4), rs.getLong(5), rs.getBigDecimal(6), rs.getBoolean(7)))
				.list()
				.forEach(day -> days.merge(day.date() + " " + day.category() + " " + day.currency() + " "
						+ day.wholeMonth(), day, StatementRepository::add));
		}
		return List.copyOf(days.values());
	}

	private static Statement.Day add(Statement.Day a, Statement.Day b) {
		BigDecimal cost = a.cost() == null || b.cost() == null ? null : a.cost().add(b.cost());
		return new Statement.Day(a.date(), a.category(), a.currency(), a.paidVolume() + b.paidVolume(),
				a.freeVolume() + b.freeVolume(), cost, a.wholeMonth());
	}

	/**
	 * The counted calls per day, direction and currency: one query by month and client (its
	 * index), the month's calls being few beside its messages.
	 */
	private List<Statement.CallDay> calls(String month, String clientId) {
		return jdbc.sql("""
				SELECT local_date, direction, currency, SUM(calls), SUM(duration_seconds), SUM(billed_pulses),
				       CASE WHEN COUNT(*) = COUNT(cost) THEN SUM(cost) END,
				       MAX(CASE WHEN approximate THEN 1 ELSE 0 END)
				FROM call_estimate
				WHERE billing_month = ? AND client_id = ? AND counts_as_estimate
				GROUP BY local_date, direction, currency
				ORDER BY local_date, direction, currency""")
			.params(month, clientId)
			.query((rs, row) -> new Statement.CallDay(rs.getObject(1, LocalDate.class), rs.getString(2), rs.getString(3),
					rs.getLong(4), rs.getLong(5), rs.getLong(6), rs.getBigDecimal(7), rs.getInt(8) == 1))
			.list();
	}

	/** The month's agreed rates into the statement currency, by the currency they convert. */
	private Map<String, BigDecimal> rates(String month, String statementCurrency) {
		Map<String, BigDecimal> rates = new TreeMap<>();
		if (statementCurrency != null) {
			jdbc.sql("SELECT from_currency, rate FROM fx_rate WHERE billing_month = ? AND to_currency = ?")
				.params(month, statementCurrency)
				.query(rs -> {
					rates.put(rs.getString(1), rs.getBigDecimal(2));
				});
		}
		return rates;
	}

	private List<Statement.Previous> previous(String month, String clientId) {
		return jdbc.sql("""
				SELECT currency, category, SUM(invoiced_volume) AS invoiced_volume, SUM(invoiced_amount) AS invoiced_amount
				FROM recon_line WHERE billing_month = ? AND client_id = ?
				GROUP BY currency, category ORDER BY currency, category""")
			.params(month, clientId)
			.query((rs, row) -> new Statement.Previous(rs.getString(1), rs.getString(2), rs.getLong(3),
					rs.getBigDecimal(4)))
			.list();
	}

	/** The client's last 12 reconciled months, the month closed the last, per currency. */
	private List<Statement.HistoryMonth> history(String month, String clientId) {
		return jdbc.sql("""
				SELECT billing_month, currency,
				       SUM(CASE WHEN category = 'VOICE' THEN 0 ELSE invoiced_volume END),
				       SUM(CASE WHEN category = 'VOICE' THEN 0 ELSE estimated_free_volume END), SUM(invoiced_amount)
				FROM recon_line WHERE client_id = ? AND billing_month BETWEEN ? AND ?
				GROUP BY billing_month, currency ORDER BY billing_month, currency""")
			.params(clientId, YearMonth.parse(month).minusMonths(11).toString(), month)
			.query((rs, row) -> new Statement.HistoryMonth(YearMonth.parse(rs.getString(1)), rs.getString(2).strip(),
					rs.getLong(3), rs.getLong(4), rs.getBigDecimal(5)))
			.list();
	}

	/** Records (or replaces) the files rendered for the client's month, for the delivery step. */
	void recordFiles(String month, String clientId, Path pdf, Path xlsx, Instant renderedAt) {
		jdbc.sql("DELETE FROM statement_file WHERE billing_month = ? AND client_id = ?").params(month, clientId).update();
		jdbc.sql("""
				INSERT INTO statement_file (billing_month, client_id, pdf_path, xlsx_path, rendered_at)
				VALUES (?, ?, ?, ?, ?)""")
			.params(month, clientId, pdf.toString(), xlsx.toString(), Timestamp.from(renderedAt))
			.update();
	}

}
