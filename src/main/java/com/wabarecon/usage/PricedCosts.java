package com.wabarecon.usage;

import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Puts the month's rate-card costs ({@code estimate_price}) on the estimates to be priced from
 * the rate card, and adds them to the estimates' sums ({@code estimate_summary}) in rows of the
 * pricing's own. Each estimate gets its group's cost in proportion to its volume, kept to six
 * decimals: a group (a channel, currency, recipient country and category of a month) has at most
 * one row per half hour, so the rows' rounding stays far below half a cent and their costs add up
 * to the group's share at the currency's precision. Every such estimate is priced again, so that
 * a rerun adds the same costs; the pricing removes its sums of an earlier run first.
 * <p>
 * PostgreSQL does both in one pass over the month's estimates: the update returns what it priced,
 * and those rows are summed (a data-modifying {@code WITH}). Elsewhere a {@code MERGE} prices and
 * a second pass sums: on PostgreSQL that pass took 2 s of a large partner's month on one core.
 */
class PricedCosts {

	private static final String SUM_COLUMNS = """
			billing_month, source_kind, channel_id, client_id, pricing_category, pricing_type, currency, country,
			counts_as_estimate""";

	/** An estimate {@code u} of the month to be priced from the group's cost {@code p}. */
	private static final String MATCH = """
			u.billing_month = :month AND u.channel_id = p.channel_id AND u.currency = p.currency
			      AND u.country = p.country AND u.pricing_category = p.pricing_category
			      AND u.pricing_type = 'REGULAR' AND u.counts_as_estimate AND u.cost_source = 'RATE_CARD'""";

	private static final String COST = "CASE WHEN p.volume = 0 THEN 0 ELSE ROUND(u.volume * p.cost / p.volume, 6) END";

	private static final String INSERT_SUMS = """
			INSERT INTO estimate_summary (%1$s, added_by_pricing, volume, cost, unpriced_rows, unpriced_volume)
			SELECT %1$s, TRUE, 0, SUM(cost), -COUNT(*), -SUM(volume)
			""".formatted(SUM_COLUMNS);

	private static final String POSTGRESQL = """
			WITH priced AS (
			    UPDATE usage_estimate u SET cost = %s
			    FROM estimate_price p
			    WHERE p.billing_month = :month AND %s
			    RETURNING u.*),
			summed AS (""".formatted(COST, MATCH) + INSERT_SUMS + """
			    FROM priced GROUP BY %s)
			SELECT COUNT(*) FROM priced""".formatted(SUM_COLUMNS);

	private static final String MERGE = """
			MERGE INTO usage_estimate u
			USING (SELECT * FROM estimate_price WHERE billing_month = :month) p
			ON %s
			WHEN MATCHED THEN UPDATE SET cost = %s""".formatted(MATCH, COST);

	private static final String SUM_PRICED = INSERT_SUMS + """
			FROM usage_estimate
			WHERE billing_month = :month AND cost_source = 'RATE_CARD' AND cost IS NOT NULL
			GROUP BY %s""".formatted(SUM_COLUMNS);

	private final JdbcClient jdbc;

	private final boolean updateReturning;

	/** @param updateReturning whether the database returns an update's rows to a {@code WITH} (PostgreSQL) */
	PricedCosts(JdbcClient jdbc, boolean updateReturning) {
		this.jdbc = jdbc;
		this.updateReturning = updateReturning;
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
		if (updateReturning) {
			return jdbc.sql(POSTGRESQL).param("month", month).query(Long.class).single();
		}
		long priced = jdbc.sql(MERGE).param("month", month).update();
		jdbc.sql(SUM_PRICED).param("month", month).update();
		return priced;
	}

}
