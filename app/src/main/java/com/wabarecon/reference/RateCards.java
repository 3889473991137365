package com.wabarecon.reference;

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
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The month's rate cards as the import loaded them ({@code rate_card}, {@code rate_card_refusal},
 * {@code market_country}), handed to the rules core: the pricing and the likely causes of a
 * difference read the same rates in force. Thread-safe.
 */
@Component
public class RateCards {

	/** The size of {@code rate_card_refusal.reason}. */
	private static final int MAX_REASON_CHARS = 2000;

	private final JdbcClient jdbc;

	private final TransactionTemplate ownTransaction;

	RateCards(JdbcClient jdbc, PlatformTransactionManager transactionManager) {
		this.jdbc = jdbc;
		this.ownTransaction = new TransactionTemplate(transactionManager);
		this.ownTransaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
	}

	/**
	 * Records the month's refused versions of a rate, in a transaction of their own: the rate
	 * cards step finds them while it processes its first chunk, whose rollback (a row the
	 * database refuses, written again row by row) must not take them along, or the refused
	 * version's older one would price in its place.
	 */
	public void refuse(YearMonth month, List<RateCard.Refusal> refusals) {
		ownTransaction.executeWithoutResult(status -> {
			jdbc.sql("DELETE FROM rate_card_refusal WHERE billing_month = ?").param(month.toString()).update();
			for (RateCard.Refusal refusal : refusals) {
				String reason = refusal.reason();
				jdbc.sql("""
						INSERT INTO rate_card_refusal (billing_month, effective_from, currency, market, category, reason)
						VALUES (?, ?, ?, ?, ?, ?)""")
					.params(month.toString(), refusal.effectiveFrom(), refusal.currency(), refusal.market(),
							refusal.category(), reason.length() <= MAX_REASON_CHARS ? reason
									: reason.substring(0, MAX_REASON_CHARS - 4) + " ...")
					.update();
			}
		});
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
		return inForce(month, month);
	}

	/**
	 * The rates in force on the first day of {@code asOf}, from the rate cards loaded for
	 * {@code month}'s close (every version its files hold, a later one too).
	 */
	public RateCard inForce(YearMonth month, YearMonth asOf) {
		List<RateCard.Row> rows = new ArrayList<>();
		jdbc.sql("""
				SELECT effective_from, currency, market, category, tier_lower, tier_upper, rate, source_file, source_line
				FROM rate_card WHERE billing_month = ? AND effective_from <= ?""")
			.params(month.toString(), asOf.atDay(1))
			.query(rs -> {
				rows.add(new RateCard.Row(rs.getObject(1, LocalDate.class), rs.getString(2), rs.getString(3),
						rs.getString(4), new Tier(rs.getLong(5), rs.getObject(6, Long.class), rs.getBigDecimal(7)),
						rs.getString(8), rs.getLong(9)));
			});
		List<RateCard.Refusal> refusals = jdbc.sql("""
				SELECT effective_from, currency, market, category, reason FROM rate_card_refusal
				WHERE billing_month = ? AND effective_from <= ?""")
			.params(month.toString(), asOf.atDay(1))
			.query((rs, n) -> new RateCard.Refusal(rs.getObject(1, LocalDate.class), rs.getString(2), rs.getString(3),
					rs.getString(4), rs.getString(5)))
			.list();
		return RateCard.inForce(asOf, rows, refusals, markets(month));
	}

}
