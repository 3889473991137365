package com.wabarecon.usage;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import com.wabarecon.reference.RateCards;
import com.wabarecon.rules.CostShares;
import com.wabarecon.rules.EstimatePricing;
import com.wabarecon.rules.RateCard;
import com.wabarecon.support.bulk.TableStatistics;

import org.springframework.batch.core.ExitStatus;
import org.springframework.batch.core.scope.context.ChunkContext;
import org.springframework.batch.core.step.StepContribution;
import org.springframework.batch.core.step.tasklet.Tasklet;
import org.springframework.batch.infrastructure.repeat.RepeatStatus;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Prices the estimates that carry volume but no cost (webhook counts; usage exports of WABAs
 * on the partner's credit line) with the rates in force for the month, by the rules core
 * ({@link EstimatePricing}, {@link RateCard}, {@link CostShares}): tiers are counted on the client's whole monthly volume
 * for the market and category, in every currency and priced or not, and the resulting cost of
 * each currency's volume to price is rounded to the currency and shared to the cent among the
 * channels and recipient countries by volume ({@code estimate_price}). An estimate that cannot be
 * priced (no rate in force, a refused rate, no country) keeps no cost: the pricing records why
 * beside the estimates' sums, and every line it reaches is {@code UNPRICED}, never 0.00. The
 * volumes come from the estimates' sums ({@link EstimateSummary}); the costs priced are added to
 * those sums in rows of the pricing's own, which it replaces whenever it runs ({@link PricedCosts}).
 */
class EstimatePricingTasklet implements Tasklet {

	static final String VERSION_KEY = "rateCardVersion";

	private static final Logger log = LoggerFactory.getLogger(EstimatePricingTasklet.class);

	private final JdbcClient jdbc;

	private final JdbcTemplate jdbcTemplate;

	private final TableStatistics statistics;

	private final PricedCosts pricedCosts;

	private final RateCards rateCards;

	private final YearMonth month;

	EstimatePricingTasklet(JdbcClient jdbc, JdbcTemplate jdbcTemplate, TableStatistics statistics,
			PricedCosts pricedCosts, RateCards rateCards, YearMonth month) {
		this.jdbc = jdbc;
		this.jdbcTemplate = jdbcTemplate;
		this.statistics = statistics;
		this.pricedCosts = pricedCosts;
		this.rateCards = rateCards;
		this.month = month;
	}

	/**
	 * The month's charged estimates of one channel, currency, recipient country and category:
	 * their volume, and how much of it (in how many rows) is still to be priced.
	 */
	record Group(String client, String channel, String currency, String country, String category, String sourceKind,
			long volume, long toPrice, long unpricedRows) implements EstimatePricing.Estimates {

		@Override
		public boolean hasUnpriced() {
			return unpricedRows > 0;
		}

	}

	@Override
	public RepeatStatus execute(StepContribution contribution, ChunkContext chunkContext) {
		// the month's estimates and their sums were analysed after their load (usageStatisticsStep)
		RateCard card = rateCards.inForce(month);
		pricedCosts.forget(month.toString()); // the estimates priced by an earlier run count as unpriced again
		EstimatePricing.Result<Group> pricing = EstimatePricing.of(groups(), card);

		List<Object[]> prices = new ArrayList<>();
		TreeSet<LocalDate> versions = new TreeSet<>();
		for (EstimatePricing.Price<Group> price : pricing.prices()) {
			Group part = price.estimates();
			prices.add(new Object[] { month.toString(), part.channel(), part.currency(), part.country(),
					part.category(), part.toPrice(), price.cost(), price.rate().market(), price.rate().version() });
			versions.add(price.rate().version());
		}
		List<Unpriced> unpriced = pricing.unpriced().stream().map(u -> new Unpriced(u.estimates(), u.reason())).toList();
		jdbc.sql("DELETE FROM estimate_price WHERE billing_month = ?").param(month.toString()).update();
		jdbcTemplate.batchUpdate("""
				INSERT INTO estimate_price (billing_month, channel_id, currency, country, pricing_category, volume, cost,
				    market, rate_card)
				VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)""", prices);
		statistics.refresh("estimate_price");
		// one pass over the month's estimates, whatever the number of prices
		long pricedRows = pricedCosts.apply(month.toString());
		recordUnpriced(unpriced);

		contribution.incrementWriteCount(pricedRows);
		String used = versions.isEmpty() ? "none" : String.join(", ", versions.stream().map(LocalDate::toString).toList());
		contribution.getStepExecution().getExecutionContext().putString(VERSION_KEY, used);
		String description = "rate cards of " + used + "; " + pricedRows + " estimate rows priced";
		if (!unpriced.isEmpty()) {
			long rows = unpriced.stream().mapToLong(u -> u.group().unpricedRows()).sum();
			description += "; NOT PRICED (their lines are UNPRICED): " + rows + " estimate rows, "
					+ String.join("; ", unpriced.stream().map(Unpriced::describe).distinct().limit(10).toList())
					+ (unpriced.size() > 10 ? "; ..." : "");
			unpriced.forEach(problem -> log.warn("Estimate not priced: {}", problem.describe()));
		}
		contribution.setExitStatus(ExitStatus.COMPLETED.addExitDescription(description));
		return RepeatStatus.FINISHED;
	}

	/** Estimates the pricing could not price, and why. */
	private record Unpriced(Group group, String reason) {

		String describe() {
			return group.client() + " " + group.channel() + " " + group.country() + " " + group.category() + " ("
					+ group.unpricedRows() + " rows, " + group.toPrice() + " messages): " + reason;
		}

	}

	/** The reason column holds 1,000 characters; a longer reason (a refusal naming many rows) is cut. */
	private static String cut(String reason) {
		return reason.length() <= 1000 ? reason : reason.substring(0, 996) + " ...";
	}

	private List<Group> groups() {
		return jdbc.sql("""
				SELECT client_id, channel_id, currency, country, pricing_category, MIN(source_kind), SUM(volume),
				    SUM(unpriced_volume), SUM(unpriced_rows)
				FROM estimate_summary
				WHERE billing_month = ? AND counts_as_estimate AND pricing_type = 'REGULAR' AND NOT added_by_pricing
				GROUP BY client_id, channel_id, currency, country, pricing_category""")
			.param(month.toString())
			.query((rs, n) -> new Group(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4),
					rs.getString(5), rs.getString(6), rs.getLong(7), rs.getLong(8), rs.getLong(9)))
			.list();
	}

	/**
	 * Why each group of estimates was not priced, beside their sums: the lines they reach show it.
	 * Their own rows keep no cost and still count as unpriced.
	 */
	private void recordUnpriced(List<Unpriced> unpriced) {
		List<Object[]> rows = new ArrayList<>();
		for (Unpriced u : unpriced) {
			Group g = u.group();
			rows.add(new Object[] { month.toString(), g.sourceKind(), g.channel(), g.client(), g.category(),
					g.currency(), g.country(), cut(u.reason()) });
		}
		jdbcTemplate.batchUpdate("""
				INSERT INTO estimate_summary (billing_month, source_kind, channel_id, client_id, pricing_category,
				    pricing_type, currency, country, counts_as_estimate, added_by_pricing, volume, cost, unpriced_rows,
				    unpriced_volume, unpriced_reason)
				VALUES (?, ?, ?, ?, ?, 'REGULAR', ?, ?, TRUE, TRUE, 0, 0, 0, 0, ?)""", rows);
	}

}
