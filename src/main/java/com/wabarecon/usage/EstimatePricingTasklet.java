package com.wabarecon.usage;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.batch.core.ExitStatus;
import org.springframework.batch.core.scope.context.ChunkContext;
import org.springframework.batch.core.step.StepContribution;
import org.springframework.batch.core.step.tasklet.Tasklet;
import org.springframework.batch.infrastructure.repeat.RepeatStatus;
import com.wabarecon.support.bulk.TableStatistics;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Prices the estimates that carry volume but no cost (webhook counts; usage exports of WABAs
 * on the partner's credit line) with the rate card in force for the month: the version whose
 * {@code effective_from} is the latest on or before the month's first day. Tiers are counted
 * on the client's whole monthly volume for the market and category (every charged estimate of
 * the client there, priced or not), and the resulting cost is shared among the unpriced rows
 * in proportion to their volume. Estimates that cannot be priced (no rate for their market,
 * no country) keep no cost, and the step says which. The tier volumes come from the estimates'
 * sums ({@link EstimateSummary}); the costs priced are added to those sums in rows of the
 * pricing's own, which it replaces whenever it runs ({@link PricedCosts}).
 */
class EstimatePricingTasklet implements Tasklet {

	static final String VERSION_KEY = "rateCardVersion";

	private static final Logger log = LoggerFactory.getLogger(EstimatePricingTasklet.class);

	private static final int UNIT_SCALE = 12;

	private final JdbcClient jdbc;

	private final JdbcTemplate jdbcTemplate;

	private final TableStatistics statistics;

	private final PricedCosts pricedCosts;

	private final YearMonth month;

	EstimatePricingTasklet(JdbcClient jdbc, JdbcTemplate jdbcTemplate, TableStatistics statistics,
			PricedCosts pricedCosts, YearMonth month) {
		this.jdbc = jdbc;
		this.jdbcTemplate = jdbcTemplate;
		this.statistics = statistics;
		this.pricedCosts = pricedCosts;
		this.month = month;
	}

	/** Client, currency, market and category: the unit tiers are counted on. */
	record MarketKey(String client, String currency, String market, String category) {
	}

	record CountryGroup(String client, String currency, String country, String category, long volume,
			long unpricedRows) {
	}

	@Override
	public RepeatStatus execute(StepContribution contribution, ChunkContext chunkContext) {
		// the month's estimates and their sums were analysed after their load (usageStatisticsStep)
		LocalDate version = jdbc.sql("SELECT MAX(effective_from) FROM rate_card WHERE billing_month = ? AND effective_from <= ?")
			.params(month.toString(), month.atDay(1))
			.query(LocalDate.class)
			.optional()
			.orElse(null);
		Map<String, String> markets = new HashMap<>();
		jdbc.sql("SELECT country, market FROM market_country WHERE billing_month = ?").param(month.toString())
			.query(rs -> { markets.put(rs.getString(1), rs.getString(2)); });

		pricedCosts.forget(month.toString()); // the estimates priced by an earlier run count as unpriced again
		List<CountryGroup> groups = jdbc.sql("""
				SELECT client_id, currency, country, pricing_category, SUM(volume), SUM(unpriced_rows)
				FROM estimate_summary
				WHERE billing_month = ? AND counts_as_estimate AND pricing_type = 'REGULAR'
				GROUP BY client_id, currency, country, pricing_category""")
			.param(month.toString())
			.query((rs, n) -> new CountryGroup(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4),
					rs.getLong(5), rs.getLong(6)))
			.list();

		Map<MarketKey, Long> volumes = new LinkedHashMap<>();
		for (CountryGroup group : groups) {
			if (group.country() != null) {
				volumes.merge(key(group, markets), group.volume(), Long::sum);
			}
		}
		List<String> unpriced = new ArrayList<>();
		Map<String, List<TieredPrice.Tier>> rateCard = rateCard(version);
		Map<MarketKey, BigDecimal> units = new HashMap<>();
		List<Object[]> prices = new ArrayList<>();
		for (CountryGroup group : groups) {
			if (group.unpricedRows() == 0) {
				continue;
			}
			if (group.country() == null || version == null) {
				unpriced.add(describe(group, group.country() == null ? "no country" : "no rate card in force"));
				continue;
			}
			MarketKey key = key(group, markets);
			BigDecimal unit = units.computeIfAbsent(key, k -> unitCost(k, volumes.get(k), rateCard));
			if (unit == null) {
				unpriced.add(describe(group, "no " + key.currency() + " rate for " + key.market() + " " + key.category()
						+ " in the rate card of " + version));
				continue;
			}
			prices.add(new Object[] { month.toString(), group.client(), group.currency(), group.country(),
					group.category(), unit, version });
		}
		jdbc.sql("DELETE FROM estimate_unit_price WHERE billing_month = ?").param(month.toString()).update();
		jdbcTemplate.batchUpdate("""
				INSERT INTO estimate_unit_price (billing_month, client_id, currency, country, pricing_category,
				    unit_cost, rate_card)
				VALUES (?, ?, ?, ?, ?, ?, ?)""", prices);
		statistics.refresh("estimate_unit_price");
		// one pass over the month's estimates, whatever the number of prices
		long pricedRows = pricedCosts.apply(month.toString());
		contribution.incrementWriteCount(pricedRows);
		var context = contribution.getStepExecution().getExecutionContext();
		context.putString(VERSION_KEY, version == null ? "none" : version.toString());
		String description = "rate card of " + (version == null ? "(none in force)" : version) + "; " + pricedRows
				+ " estimate rows priced";
		if (!unpriced.isEmpty()) {
			description += "; NOT PRICED: " + String.join("; ", unpriced);
			unpriced.forEach(problem -> log.warn("Estimate not priced: {}", problem));
		}
		contribution.setExitStatus(ExitStatus.COMPLETED.addExitDescription(description));
		return RepeatStatus.FINISHED;
	}

	private BigDecimal unitCost(MarketKey key, long volume, Map<String, List<TieredPrice.Tier>> rateCard) {
		List<TieredPrice.Tier> tiers = rateCard.getOrDefault(rateKey(key.currency(), key.market(), key.category()),
				List.of());
		if (tiers.isEmpty() || volume == 0) {
			return tiers.isEmpty() ? null : BigDecimal.ZERO;
		}
		return TieredPrice.cost(volume, tiers).divide(BigDecimal.valueOf(volume), UNIT_SCALE, RoundingMode.HALF_EVEN);
	}

	/** The tiers of the rate card version in force, per currency, market and category: read once. */
	private Map<String, List<TieredPrice.Tier>> rateCard(LocalDate version) {
		Map<String, List<TieredPrice.Tier>> tiers = new HashMap<>();
		if (version == null) {
			return tiers;
		}
		jdbc.sql("""
				SELECT currency, market, category, tier_lower, tier_upper, rate FROM rate_card
				WHERE billing_month = ? AND effective_from = ?
				ORDER BY currency, market, category, tier_lower""")
			.params(month.toString(), version)
			.query(rs -> {
				tiers.computeIfAbsent(rateKey(rs.getString(1), rs.getString(2), rs.getString(3)), k -> new ArrayList<>())
					.add(new TieredPrice.Tier(rs.getLong(4), (Long) rs.getObject(5, Long.class), rs.getBigDecimal(6)));
			});
		return tiers;
	}

	private static String rateKey(String currency, String market, String category) {
		return currency + "\u0000" + market + "\u0000" + category;
	}

	private static MarketKey key(CountryGroup group, Map<String, String> markets) {
		return new MarketKey(group.client(), group.currency(), marketOf(group.country(), markets), group.category());
	}

	/** The market of a country: the table's, else the country's English name (DE is Germany). */
	static String marketOf(String country, Map<String, String> markets) {
		String market = markets.get(country);
		return market != null ? market : new Locale("", country).getDisplayCountry(Locale.ENGLISH);
	}

	private static String describe(CountryGroup group, String why) {
		return group.client() + " " + group.country() + " " + group.category() + " (" + group.unpricedRows()
				+ " rows): " + why;
	}

}
