package com.wabarecon.support;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import com.wabarecon.rules.Markets;
import com.wabarecon.rules.RateCard;
import com.wabarecon.rules.Tier;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The month's rate cards as the import loaded them ({@code rate_card}, {@code rate_card_refusal},
 * {@code market_country}), handed to the rules core: the pricing and the likely causes of a
 * difference read the same rates in force. Thread-safe.
 */
@Component
public class RateCards {

	private final JdbcClient jdbc;

	RateCards(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/** The markets of the month's {@code markets.csv} (none: every country is its own market). */
	public Markets markets(YearMonth month) {
		Map<String, String> regions = new HashMap<>();
		jdbc.sql("SELECT country, market FROM market_country WHERE billing_month = ?")
			.param(month.toString())
			.query(rs -> {
				regions.put(rs.getString(1), rs.getString(2));
			});
		return new Markets(regions);
	}

	/** The rates in force for the month. */
	public RateCard inForce(YearMonth month) {
		List<RateCard.Row> rows = new ArrayList<>();
		jdbc.sql("""
				SELECT effective_from, currency, market, category, tier_lower, tier_upper, rate, source_file, source_line
				FROM rate_card WHERE billing_month = ? AND effective_from <= ?""")
			.params(month.toString(), month.atDay(1))
			.query(rs -> {
				rows.add(new RateCard.Row(rs.getObject(1, LocalDate.class), rs.getString(2), rs.getString(3),
						rs.getString(4), new Tier(rs.getLong(5), rs.getObject(6, Long.class), rs.getBigDecimal(7)),
						rs.getString(8), rs.getLong(9)));
			});
		List<RateCard.Refusal> refusals = jdbc.sql("""
				SELECT effective_from, currency, market, category, reason FROM rate_card_refusal
				WHERE billing_month = ? AND effective_from <= ?""")
			.params(month.toString(), month.atDay(1))
			.query((rs, n) -> new RateCard.Refusal(rs.getObject(1, LocalDate.class), rs.getString(2), rs.getString(3),
					rs.getString(4), rs.getString(5)))
			.list();
		return RateCard.inForce(month, rows, refusals, markets(month));
	}

}
