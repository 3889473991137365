package com.wabarecon.usage;

import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Puts the month's rate-card costs ({@code estimate_price}) on the estimates to be priced from
 * the rate card, and adds them to the estimates' sums ({@code estimate_summary}) in rows of the
 * pricing's own. A group's cost (a channel, currency, recipient country and category of a month)
 * is shared among its estimates by volume at six decimals, by the rules core's remainder rule
 * (each rounded down, the millionths left over one each to the largest parts cut off, then by id):
 * the estimates of a group add up to its cost exactly, so a line's amount is the shares the rules
 * core gave its channels. Every such estimate is priced again, so that a rerun adds the same
 * costs; the pricing removes its sums of an earlier run first.
 * <p>
 * The costs are put on the estimates first, then the priced estimates summed: on every database
 * the same two statements, which differ only in how a row is addressed.
 */
class PricedCosts {

	private static final String SUM_COLUMNS = """
			billing_month, source_kind, channel_id, client_id, pricing_category, pricing_type, currency, country,
			counts_as_estimate""";

	/** An estimate {@code u} of the month to be priced from its group's cost {@code p}. */
	private static final String MATCH = """
			u.billing_month = :month AND u.channel_id = p.channel_id AND u.currency = p.currency
			      AND u.country = p.country AND u.pricing_category = p.pricing_category
			      AND u.pricing_type = 'REGULAR' AND u.counts_as_estimate AND u.cost_source = 'RATE_CARD'""";

	/** The estimate's exact part of its group's cost. */
	private static final String EXACT = "(u.volume * p.cost / p.volume)";

	private static final String GROUP = "PARTITION BY u.channel_id, u.currency, u.country, u.pricing_category";

	/**
	 * Each estimate's cost: its part rounded down to the millionth, plus one millionth for as many
	 * estimates, the largest parts cut off first, as the group's cost has millionths left. The
	 * estimates carry no key of their own (they load without one): the database's row address
	 * ({@code %4$s}) names each, and breaks ties.
	 */
	private static final String SHARES = """
			SELECT %4$s,
			    CASE WHEN p.volume = 0 THEN 0 ELSE TRUNC(%1$s, 6)
			        + CASE WHEN ROW_NUMBER() OVER (%2$s ORDER BY %1$s - TRUNC(%1$s, 6) DESC, %5$s)
			                    <= (p.cost - SUM(TRUNC(%1$s, 6)) OVER (%2$s)) * 1000000
			               THEN 0.000001 ELSE 0 END END AS cost
			FROM estimate_price p JOIN usage_estimate u ON %3$s
			WHERE p.billing_month = :month""";

	private static final String INSERT_SUMS = """
			INSERT INTO estimate_summary (%1$s, added_by_pricing, volume, cost, unpriced_rows, unpriced_volume)
			SELECT %1$s, TRUE, 0, SUM(cost), -COUNT(*), -SUM(volume)
			""".formatted(SUM_COLUMNS);

	/** On PostgreSQL a row is its partition and place there ({@code tableoid}, {@code ctid}). */
	private static final String UPDATE = """
			UPDATE usage_estimate u SET cost = x.cost
			FROM (%s) x
			WHERE u.tableoid = x.part AND u.ctid = x.place AND u.billing_month = :month AND u.cost_source = 'RATE_CARD'"""
		.formatted(SHARES.formatted(EXACT, GROUP, MATCH, "u.tableoid AS part, u.ctid AS place", "u.tableoid, u.ctid"));

	/** Elsewhere (H2) a row is its {@code _ROWID_}. */
	private static final String MERGE = """
			MERGE INTO usage_estimate t
			USING (%s) x
			ON t._ROWID_ = x.place
			WHEN MATCHED THEN UPDATE SET cost = x.cost""".formatted(SHARES.formatted(EXACT, GROUP, MATCH,
			"u._ROWID_ AS place", "u._ROWID_"));

	private static final String SUM_PRICED = INSERT_SUMS + """
			FROM usage_estimate
			WHERE billing_month = :month AND cost_source = 'RATE_CARD' AND cost IS NOT NULL
			GROUP BY %s""".formatted(SUM_COLUMNS);

	private final JdbcClient jdbc;

	private final boolean postgres;

	/** @param postgres whether rows are addressed as PostgreSQL does, else as H2 does */
	PricedCosts(JdbcClient jdbc, boolean postgres) {
		this.jdbc = jdbc;
		this.postgres = postgres;
	}

	/**
	 * Removes the pricing's sums of an earlier run: the estimates it priced count as unpriced
	 * again, and the reasons it gave for those it could not price go.
	 */
	void forget(String month) {
		jdbc.sql("DELETE FROM estimate_summary WHERE billing_month = ? AND added_by_pricing").param(month).update();
	}

	/** Prices the month's estimates and adds their costs to the sums; returns how many it priced. */
	long apply(String month) {
		long priced = jdbc.sql(postgres ? UPDATE : MERGE).param("month", month).update();
		jdbc.sql(SUM_PRICED).param("month", month).update();
		return priced;
	}

}
