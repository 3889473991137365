package com.wabarecon;

import java.time.YearMonth;

/**
 * Test helper: the month's estimates summed per summary key, once from their sums
 * ({@code estimate_summary}) and once from the estimates themselves, as text lines in the same
 * order; a close keeps the two equal line for line.
 */
public final class EstimateSums {

	private static final String KEY = """
			source_kind || ' ' || channel_id || ' ' || client_id || ' ' || pricing_category || ' ' || pricing_type
			    || ' ' || currency || ' ' || COALESCE(country, '-') || ' ' || CAST(counts_as_estimate AS VARCHAR(5))""";

	private static final String GROUP = """
			GROUP BY source_kind, channel_id, client_id, pricing_category, pricing_type, currency, country,
			    counts_as_estimate ORDER BY 1""";

	private EstimateSums() {
	}

	public static String fromSummary(String month) {
		return "SELECT " + KEY + """
				 || ' ' || SUM(volume) || ' ' || CAST(SUM(cost) AS DECIMAL(24,6)) || ' ' || SUM(unpriced_rows)
				    || ' ' || COALESCE(CAST(SUM(volume_day_before) AS VARCHAR(20)), '-')
				    || ' ' || COALESCE(CAST(SUM(volume_first_day) AS VARCHAR(20)), '-')
				    || ' ' || COALESCE(CAST(SUM(volume_last_day) AS VARCHAR(20)), '-')
				    || ' ' || COALESCE(CAST(SUM(volume_day_after) AS VARCHAR(20)), '-')
				FROM estimate_summary WHERE billing_month = '%s'
				""".formatted(month) + GROUP;
	}

	public static String fromEstimates(String month) {
		YearMonth billingMonth = YearMonth.parse(month);
		return "SELECT " + KEY + """
				 || ' ' || SUM(volume) || ' ' || CAST(SUM(COALESCE(cost, 0)) AS DECIMAL(24,6))
				    || ' ' || SUM(CASE WHEN cost IS NULL THEN 1 ELSE 0 END)
				    || ' ' || COALESCE(CAST(SUM(CASE WHEN local_date = DATE '%s' THEN volume END) AS VARCHAR(20)), '-')
				    || ' ' || COALESCE(CAST(SUM(CASE WHEN local_date = DATE '%s' THEN volume END) AS VARCHAR(20)), '-')
				    || ' ' || COALESCE(CAST(SUM(CASE WHEN local_date = DATE '%s' THEN volume END) AS VARCHAR(20)), '-')
				    || ' ' || COALESCE(CAST(SUM(CASE WHEN local_date = DATE '%s' THEN volume END) AS VARCHAR(20)), '-')
				FROM usage_estimate WHERE billing_month = '%s'
				""".formatted(billingMonth.atDay(1).minusDays(1), billingMonth.atDay(1), billingMonth.atEndOfMonth(),
				billingMonth.atEndOfMonth().plusDays(1), month) + GROUP;
	}

}
