package com.wabarecon.reconciliation;

import java.time.YearMonth;

import com.wabarecon.support.bulk.TableStatistics;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The two sides of the month's reconciliation, summed in the database to the line each
 * belongs to ({@code recon_side}): the estimates that count (messages per category, calls as
 * the category {@code VOICE}, in pulses), converted to their WABA's
 * invoicing currency with the month's FX rate, and the invoice's usage lines. An estimate goes
 * to its WABA's line when the invoice has a WABA-level line for the category, else to its
 * channel's; an invoice line whose phone number (or, WABA-level, whose WABA) is not in the
 * directory, or whose phone number the directory records on another WABA, keeps no client. With
 * a client given, only that client's sides are built.
 */
@Repository
class ReconSideRepository {

	private static final String CLIENT_FILTER = " AND (CAST(:client AS VARCHAR(64)) IS NULL OR %s = :client)";

	/**
	 * The invoice's WABA-level lines ({@code w}), joined to a channel ({@code c}) and the
	 * estimates' category ({@code u}): where there is one, the channel's estimates go to it.
	 */
	private static final String WABA_LEVEL_LINES = """
			 (SELECT DISTINCT waba_id, pricing_category FROM invoice_line
			           WHERE billing_month = :month AND line_type = 'USAGE' AND phone_number_id IS NULL) w
			       ON w.waba_id = c.waba_id AND w.pricing_category = u.pricing_category
			""";

	/*
	 * The sums of the month's estimates (estimate_summary, written as they loaded) are summed per
	 * channel, category and currency first, and only those sums (about one per channel and
	 * category) meet the directory, the invoice's WABA-level lines and the FX rates: the side reads
	 * a few rows per channel, not the month's estimates.
	 */
	private static final String MESSAGE_SUMS = """
			SELECT channel_id, pricing_category, currency,
			    SUM(CASE WHEN pricing_type = 'REGULAR' THEN volume ELSE 0 END) AS volume,
			    SUM(CASE WHEN pricing_type = 'REGULAR' THEN 0 ELSE volume END) AS free_volume,
			    SUM(CASE WHEN pricing_type = 'REGULAR' THEN cost ELSE 0 END) AS cost,
			    MIN(source_kind) AS first_kind, MAX(source_kind) AS last_kind,
			    SUM(CASE WHEN pricing_type = 'REGULAR' THEN unpriced_rows ELSE 0 END) AS unpriced_rows,
			    SUM(CASE WHEN pricing_type = 'REGULAR' THEN unpriced_volume ELSE 0 END) AS unpriced_volume,
			    MIN(unpriced_reason) AS unpriced_reason
			FROM estimate_summary
			WHERE billing_month = :month AND counts_as_estimate""" + CLIENT_FILTER.formatted("client_id") + """

			GROUP BY channel_id, pricing_category, currency""";

	/*
	 * The calls as a VOICE line's estimate, in pulses: the charged calls' pulses and cost (a free
	 * call has neither); a charged call without a cost is unpriced, its amount unknown.
	 */
	private static final String CALL_SUMS = """
			SELECT channel_id, CAST('VOICE' AS VARCHAR(40)) AS pricing_category, currency,
			    SUM(billed_pulses) AS volume, 0 AS free_volume, SUM(COALESCE(cost, 0)) AS cost,
			    MIN(source_kind) AS first_kind, MAX(source_kind) AS last_kind,
			    SUM(CASE WHEN cost IS NULL AND billed_pulses > 0 THEN 1 ELSE 0 END) AS unpriced_rows,
			    SUM(CASE WHEN cost IS NULL AND billed_pulses > 0 THEN billed_pulses ELSE 0 END) AS unpriced_volume,
			    MIN(CASE WHEN cost IS NULL AND billed_pulses > 0
			             THEN 'the rate card in force has no VOICE rate for calls to ' || COALESCE(country, '(no country)')
			        END) AS unpriced_reason
			FROM call_estimate
			WHERE billing_month = :month AND counts_as_estimate""" + CLIENT_FILTER.formatted("client_id") + """

			GROUP BY channel_id, currency""";

	/** One kind of estimates' sums ({@code u}) to their lines, converted to the WABA's currency. */
	private static String estimates(String sums) {
		return """
				INSERT INTO recon_side (billing_month, side, waba_id, phone_number_id, client_id, channel_id, category,
				    source_currency, target_currency, volume, free_volume, source_amount, amount, fx_rate, detail,
				    unpriced_rows, unpriced_volume, unpriced_reason)
				SELECT :month, 'E', c.waba_id,
				    CASE WHEN w.waba_id IS NULL THEN c.phone_number_id END,
				    c.client_id,
				    CASE WHEN w.waba_id IS NULL THEN c.channel_id END,
				    u.pricing_category, u.currency, c.waba_currency,
				    SUM(u.volume), SUM(u.free_volume), SUM(u.cost),
				    CASE WHEN u.currency = c.waba_currency THEN SUM(u.cost) ELSE SUM(u.cost) * MIN(f.rate) END,
				    CASE WHEN u.currency = c.waba_currency THEN NULL ELSE MIN(f.rate) END,
				    MIN(u.first_kind) || CASE WHEN MIN(u.first_kind) <> MAX(u.last_kind)
				                              THEN ',' || MAX(u.last_kind) ELSE '' END,
				    SUM(u.unpriced_rows), SUM(u.unpriced_volume), MIN(u.unpriced_reason)
				FROM (""" + sums + """
				) u
				JOIN channel c ON c.channel_id = u.channel_id
				LEFT JOIN""" + WABA_LEVEL_LINES + """
				LEFT JOIN fx_rate f ON f.billing_month = :month AND f.from_currency = u.currency
				       AND f.to_currency = c.waba_currency
				GROUP BY c.waba_id, w.waba_id, c.phone_number_id, c.client_id, c.channel_id, u.pricing_category,
				    u.currency, c.waba_currency""";
	}

	private static final String MESSAGE_ESTIMATES = estimates(MESSAGE_SUMS);

	private static final String CALL_ESTIMATES = estimates(CALL_SUMS);

	/*
	 * What the likely causes are judged on, per line (channels go to lines as in the estimates):
	 * the usage exports' volume on each day at the edge of the month, and the webhooks' count
	 * where an export was there too (not counted as estimate), from the estimates' sums; run beside
	 * the sides.
	 */
	private static final String MESSAGE_EVIDENCE = """
			SELECT channel_id, pricing_category,
			    SUM(CASE WHEN source_kind <> 'WEBHOOK' THEN volume_day_before END) AS day_before,
			    SUM(CASE WHEN source_kind <> 'WEBHOOK' THEN volume_first_day END) AS first_day,
			    SUM(CASE WHEN source_kind <> 'WEBHOOK' THEN volume_last_day END) AS last_day,
			    SUM(CASE WHEN source_kind <> 'WEBHOOK' THEN volume_day_after END) AS day_after,
			    SUM(CASE WHEN source_kind = 'WEBHOOK' AND NOT counts_as_estimate THEN volume END) AS webhook,
			    CAST(NULL AS BIGINT) AS rounding_calls
			FROM estimate_summary
			WHERE billing_month = :month AND pricing_type = 'REGULAR'
			  AND ((source_kind <> 'WEBHOOK' AND (volume_day_before IS NOT NULL OR volume_first_day IS NOT NULL
			                                      OR volume_last_day IS NOT NULL OR volume_day_after IS NOT NULL))
			       OR (source_kind = 'WEBHOOK' AND NOT counts_as_estimate))""" + CLIENT_FILTER.formatted("client_id") + """

			GROUP BY channel_id, pricing_category""";

	/*
	 * The same of the calls, in pulses, and how many counted calls' pulses came from an average
	 * (each such call may be up to one pulse off: the rounding of aggregates).
	 */
	private static final String CALL_EVIDENCE = """
			SELECT channel_id, CAST('VOICE' AS VARCHAR(40)) AS pricing_category,
			    SUM(CASE WHEN source_kind = 'EXPORT' AND local_date = :dayBefore THEN billed_pulses END) AS day_before,
			    SUM(CASE WHEN source_kind = 'EXPORT' AND local_date = :firstDay THEN billed_pulses END) AS first_day,
			    SUM(CASE WHEN source_kind = 'EXPORT' AND local_date = :lastDay THEN billed_pulses END) AS last_day,
			    SUM(CASE WHEN source_kind = 'EXPORT' AND local_date = :dayAfter THEN billed_pulses END) AS day_after,
			    SUM(CASE WHEN source_kind = 'WEBHOOK' AND NOT counts_as_estimate
			              AND local_date BETWEEN :firstDay AND :lastDay THEN billed_pulses END) AS webhook,
			    SUM(CASE WHEN approximate AND counts_as_estimate AND billed_pulses > 0 THEN calls END) AS rounding_calls
			FROM call_estimate
			WHERE billing_month = :month AND (billed_pulses > 0 OR NOT counts_as_estimate)""" + CLIENT_FILTER.formatted("client_id") + """

			GROUP BY channel_id""";

	private static String evidence(String sums) {
		return """
				INSERT INTO recon_evidence (billing_month, waba_id, phone_number_id, client_id, category,
				    volume_day_before, volume_first_day, volume_last_day, volume_day_after, webhook_volume, rounding_calls)
				SELECT :month, c.waba_id, CASE WHEN w.waba_id IS NULL THEN c.phone_number_id END, c.client_id,
				    u.pricing_category, SUM(u.day_before), SUM(u.first_day), SUM(u.last_day), SUM(u.day_after),
				    SUM(u.webhook), SUM(u.rounding_calls)
				FROM (""" + sums + """
				) u
				JOIN channel c ON c.channel_id = u.channel_id
				LEFT JOIN""" + WABA_LEVEL_LINES + """

				GROUP BY c.waba_id, w.waba_id, c.phone_number_id, c.client_id, u.pricing_category""";
	}

	private static final String MESSAGE_EVIDENCE_LINES = evidence(MESSAGE_EVIDENCE);

	private static final String CALL_EVIDENCE_LINES = evidence(CALL_EVIDENCE);

	/**
	 * The directory's owner of an invoice line ({@code i}): the channel its phone number names,
	 * on the WABA the line names ({@code ch}), or, for a line naming only a WABA, that WABA
	 * ({@code wc}). Each is unique (phone number ids are, and a WABA has one client), so a line
	 * has one client or none: a phone number the directory records on another WABA is not this
	 * line's channel. The tie-out finds a client's invoice lines the same way.
	 */
	static final String INVOICE_LINE_OWNER = """

			LEFT JOIN channel ch ON ch.phone_number_id = i.phone_number_id AND ch.waba_id = i.waba_id
			LEFT JOIN waba wc ON wc.waba_id = i.waba_id AND i.phone_number_id IS NULL
			""";

	/** The client of an invoice line, joined as {@link #INVOICE_LINE_OWNER}. */
	static final String INVOICE_LINE_CLIENT = "COALESCE(ch.client_id, wc.client_id)";

	private static final String INVOICE = """
			INSERT INTO recon_side (billing_month, side, waba_id, phone_number_id, client_id, channel_id, category,
			    source_currency, target_currency, volume, free_volume, source_amount, amount, fx_rate, detail)
			SELECT :month, 'I', i.waba_id, i.phone_number_id, COALESCE(ch.client_id, wc.client_id), ch.channel_id,
			    i.pricing_category, i.currency, i.currency,
			    SUM(CASE WHEN i.pricing_type = 'REGULAR' THEN COALESCE(i.volume, 0) ELSE 0 END),
			    SUM(CASE WHEN i.pricing_type = 'REGULAR' THEN 0 ELSE COALESCE(i.volume, 0) END),
			    SUM(i.amount), SUM(i.amount), NULL,
			    MIN(i.invoice_id) || CASE WHEN MIN(i.invoice_id) <> MAX(i.invoice_id)
			                              THEN ', ' || MAX(i.invoice_id) ELSE '' END
			FROM invoice_line i""" + INVOICE_LINE_OWNER + """
			WHERE i.billing_month = :month AND i.line_type = 'USAGE'""" + CLIENT_FILTER.formatted(INVOICE_LINE_CLIENT) + """

			GROUP BY i.waba_id, i.phone_number_id, ch.client_id, wc.client_id, ch.channel_id, i.pricing_category,
			    i.currency""";

	/**
	 * The line query: both sides of each line, summed, with the line's evidence for likely
	 * causes; one row per line, in the outputs' order. A line is one currency: the estimates
	 * (converted to the WABA's currency) meet the invoice lines of that currency; an invoice line
	 * in another currency is a line of its own, so no sum ever adds two currencies, and each line
	 * knows the currencies its channel and category are invoiced in ({@link ReconLineRepository#ORDER}): the
	 * partner report is written as the lines are judged. A line's client and channel are the
	 * directory's for its WABA and phone number, each unique: the channel with that phone number
	 * on that WABA, or, for a WABA-level line, the WABA's one client; none when the directory has
	 * neither (an unknown channel).
	 */
	static final String LINES = """
			SELECT x.* FROM (
			SELECT l.*, COALESCE(ch.client_id, CASE WHEN l.phone_number_id IS NULL THEN wd.client_id END) AS client_id, ch.channel_id, wd.waba_currency,
			    e.volume_day_before, e.volume_first_day, e.volume_last_day, e.volume_day_after, e.webhook_volume,
			    e.rounding_calls
			FROM (SELECT s.waba_id, s.phone_number_id, s.category, s.target_currency AS currency,
			    SUM(CASE WHEN s.side = 'E' THEN s.volume ELSE 0 END) AS estimated_volume,
			    SUM(CASE WHEN s.side = 'I' THEN s.volume ELSE 0 END) AS invoiced_volume,
			    SUM(CASE WHEN s.side = 'E' THEN s.free_volume ELSE 0 END) AS estimated_free_volume,
			    SUM(CASE WHEN s.side = 'I' THEN s.free_volume ELSE 0 END) AS invoiced_free_volume,
			    SUM(CASE WHEN s.side = 'E' THEN s.amount ELSE 0 END) AS estimated_amount,
			    SUM(CASE WHEN s.side = 'I' THEN s.amount ELSE 0 END) AS invoiced_amount,
			    SUM(CASE WHEN s.side = 'E' THEN 1 ELSE 0 END) AS estimate_rows,
			    SUM(CASE WHEN s.side = 'I' THEN 1 ELSE 0 END) AS invoice_rows,
			    SUM(CASE WHEN s.side = 'E' AND s.amount IS NULL THEN 1 ELSE 0 END) AS unconvertible_rows,
			    MIN(CASE WHEN s.side = 'E' AND s.amount IS NULL THEN s.source_currency END) AS unconvertible_currency,
			    SUM(CASE WHEN s.side = 'E' AND s.amount IS NULL THEN s.source_amount ELSE 0 END) AS unconvertible_amount,
			    MIN(MIN(CASE WHEN s.side = 'I' THEN s.target_currency END))
			        OVER (PARTITION BY s.waba_id, s.phone_number_id, s.category) AS first_invoice_currency,
			    MAX(MAX(CASE WHEN s.side = 'I' THEN s.target_currency END))
			        OVER (PARTITION BY s.waba_id, s.phone_number_id, s.category) AS last_invoice_currency,
			    MAX(CASE WHEN s.side = 'I' THEN s.detail END) AS invoice_ids,
			    MAX(CASE WHEN s.side = 'E' THEN s.detail END) AS estimate_sources,
			    SUM(CASE WHEN s.side = 'E' THEN s.unpriced_rows ELSE 0 END) AS unpriced_rows,
			    SUM(CASE WHEN s.side = 'E' THEN s.unpriced_volume ELSE 0 END) AS unpriced_volume,
			    MIN(CASE WHEN s.side = 'E' THEN s.unpriced_reason END) AS unpriced_reason
			FROM recon_side s
			WHERE s.billing_month = ?
			GROUP BY s.waba_id, s.phone_number_id, s.category, s.target_currency) l
			LEFT JOIN channel ch ON ch.phone_number_id = l.phone_number_id AND ch.waba_id = l.waba_id
			LEFT JOIN waba wd ON wd.waba_id = l.waba_id
			LEFT JOIN (SELECT waba_id, phone_number_id, category, SUM(volume_day_before) AS volume_day_before,
			               SUM(volume_first_day) AS volume_first_day, SUM(volume_last_day) AS volume_last_day,
			               SUM(volume_day_after) AS volume_day_after, SUM(webhook_volume) AS webhook_volume,
			               SUM(rounding_calls) AS rounding_calls
			           FROM recon_evidence WHERE billing_month = ?
			           GROUP BY waba_id, phone_number_id, category) e
			       ON e.waba_id = l.waba_id AND e.category = l.category
			      AND (e.phone_number_id = l.phone_number_id OR (e.phone_number_id IS NULL AND l.phone_number_id IS NULL))
			) x""" + ReconLineRepository.orderBy("x.");

	private final JdbcClient jdbc;

	private final TableStatistics statistics;

	ReconSideRepository(JdbcClient jdbc, TableStatistics statistics) {
		this.jdbc = jdbc;
		this.statistics = statistics;
	}

	/**
	 * Builds the month's evidence for likely causes afresh ({@code recon_evidence}); returns how
	 * many lines have some.
	 */
	int buildEvidence(String month, String client) {
		jdbc.sql("DELETE FROM recon_evidence WHERE billing_month = ?").param(month).update();
		YearMonth closing = YearMonth.parse(month);
		int lines = jdbc.sql(MESSAGE_EVIDENCE_LINES).param("month", month).param("client", client).update()
				+ jdbc.sql(CALL_EVIDENCE_LINES)
					.param("month", month)
					.param("client", client)
					.param("dayBefore", closing.atDay(1).minusDays(1))
					.param("firstDay", closing.atDay(1))
					.param("lastDay", closing.atEndOfMonth())
					.param("dayAfter", closing.atEndOfMonth().plusDays(1))
					.update();
		statistics.refresh("recon_evidence");
		return lines;
	}

	/**
	 * Builds the month's estimate side afresh; returns how many side rows were written. The
	 * invoice side is built beside it ({@link #buildInvoiceSide}), in a transaction of its own.
	 */
	int buildEstimateSide(String month, String client) {
		// the estimates, their sums and invoice_line were analysed when they were loaded; the directory was not
		statistics.refresh("channel", "waba");
		jdbc.sql("DELETE FROM recon_side WHERE billing_month = ? AND side = 'E'").param(month).update();
		return jdbc.sql(MESSAGE_ESTIMATES).param("month", month).param("client", client).update()
				+ jdbc.sql(CALL_ESTIMATES).param("month", month).param("client", client).update();
	}

	/** Builds the month's invoice side afresh; returns how many side rows were written. */
	int buildInvoiceSide(String month, String client) {
		jdbc.sql("DELETE FROM recon_side WHERE billing_month = ? AND side = 'I'").param(month).update();
		return jdbc.sql(INVOICE).param("month", month).param("client", client).update();
	}

	/**
	 * Fresh statistics of both sides, once both are built, for the line query's plan: of the
	 * columns it selects and groups the month's rows by, not every column.
	 */
	void analyze() {
		statistics.refreshColumns("recon_side", "billing_month", "side", "waba_id", "phone_number_id", "category");
	}

}
