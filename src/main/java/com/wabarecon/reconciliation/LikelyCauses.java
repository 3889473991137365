package com.wabarecon.reconciliation;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Looks, in the month's data, for the likely cause of a line's difference: an invoice unit
 * rate that differs from the rate card in force (another tier, or another card version), a
 * difference equal to the volume of the day at either edge of the month (the source's day and
 * the WABA's time zone disagree), a webhook cross-check that disagrees with the usage export
 * (late or missing events). Asked only for lines that do not match. The edge days' volumes and
 * the webhooks' count come with the line (summed in {@code recon_evidence}); the invoice's unit
 * rates are one small query per line; the rate card in force is read once. One instance per step execution; not
 * thread-safe.
 */
class LikelyCauses {

	record CardRate(long lower, Long upper, BigDecimal rate) {
	}

	private final JdbcClient jdbc;

	private final YearMonth month;

	private final LocalDate version;

	private final Map<String, List<CardRate>> card = new HashMap<>();

	private final Map<String, String> markets = new HashMap<>();

	LikelyCauses(JdbcClient jdbc, YearMonth month) {
		this.jdbc = jdbc;
		this.month = month;
		this.version = jdbc.sql("SELECT MAX(effective_from) FROM rate_card WHERE billing_month = ? AND effective_from <= ?")
			.params(month.toString(), month.atDay(1))
			.query(LocalDate.class)
			.optional()
			.orElse(null);
		jdbc.sql("SELECT country, market FROM market_country WHERE billing_month = ?").param(month.toString()).query(rs -> {
			markets.put(rs.getString(1), rs.getString(2));
		});
		if (version != null) {
			jdbc.sql("SELECT currency, market, category, tier_lower, tier_upper, rate FROM rate_card "
					+ "WHERE billing_month = ? AND effective_from = ? ORDER BY tier_lower")
				.params(month.toString(), version)
				.query(rs -> {
					card.computeIfAbsent(rs.getString(1) + "|" + rs.getString(2) + "|" + rs.getString(3),
							k -> new ArrayList<>())
						.add(new CardRate(rs.getLong(4), (Long) rs.getObject(5, Long.class), rs.getBigDecimal(6)));
				});
		}
	}

	List<String> of(LineSides line, long volumeDelta) {
		List<String> causes = new ArrayList<>();
		if (line.invoiced() && line.clientId() != null) {
			causes.addAll(rateCardDifferences(line));
		}
		if (volumeDelta != 0 && line.clientId() != null) {
			String boundary = timeZoneBoundary(line, Math.abs(volumeDelta));
			if (boundary != null) {
				causes.add(boundary);
			}
		}
		if (line.estimated()) {
			String crossCheck = webhookCrossCheck(line);
			if (crossCheck != null) {
				causes.add(crossCheck);
			}
		}
		return causes;
	}

	private List<String> rateCardDifferences(LineSides line) {
		List<String> differences = new ArrayList<>();
		jdbc.sql("""
				SELECT market, tier, unit_rate, currency FROM invoice_line
				WHERE billing_month = :month AND line_type = 'USAGE' AND pricing_type = 'REGULAR'
				  AND waba_id = :waba AND pricing_category = :category AND unit_rate IS NOT NULL
				  AND ((CAST(:phone AS VARCHAR(32)) IS NULL AND phone_number_id IS NULL) OR phone_number_id = :phone)""")
			.param("month", month.toString())
			.param("waba", line.wabaId())
			.param("category", line.category())
			.param("phone", line.phoneNumberId())
			.query(rs -> {
				String country = rs.getString("market");
				String tier = rs.getString("tier");
				BigDecimal rate = rs.getBigDecimal("unit_rate");
				String market = country == null ? null
						: markets.getOrDefault(country, new Locale("", country).getDisplayCountry(Locale.ENGLISH));
				List<CardRate> rates = card.get(rs.getString("currency") + "|" + market + "|" + line.category());
				if (rates == null || rates.isEmpty() || differences.size() >= 2) {
					return;
				}
				CardRate expected = tierOf(rates, tier);
				if (expected.rate().compareTo(rate) == 0) {
					return;
				}
				CardRate other = rates.stream().filter(r -> r.rate().compareTo(rate) == 0).findFirst().orElse(null);
				differences.add("the invoice's unit rate " + plain(rate) + " for " + country
						+ (tier == null ? "" : " tier " + tier) + " differs from the rate card's " + plain(expected.rate())
						+ " (card of " + version + ")"
						+ (other == null ? "" : ": it is the card's rate of tier " + other.lower() + ":"
								+ (other.upper() == null ? "MAX" : other.upper())
								+ " (Meta counts tiers on the whole business portfolio)"));
			});
		return differences;
	}

	/** A rate with at least four decimals, as rate cards print them: 0.0550, 2.3000. */
	private static String plain(BigDecimal rate) {
		BigDecimal stripped = rate.stripTrailingZeros();
		return stripped.setScale(Math.max(4, stripped.scale())).toPlainString();
	}

	private static CardRate tierOf(List<CardRate> rates, String tier) {
		if (tier != null && tier.contains(":")) {
			try {
				long lower = Long.parseLong(tier.substring(0, tier.indexOf(':')).strip());
				for (CardRate rate : rates) {
					if (rate.lower() == lower) {
						return rate;
					}
				}
			}
			catch (NumberFormatException ex) {
				// an unreadable tier: compare with the first tier
			}
		}
		return rates.get(0);
	}

	/** The first day at the edge of the month, in date order, whose volume equals the difference. */
	private String timeZoneBoundary(LineSides line, long difference) {
		LineSides.EdgeVolumes edges = line.edges();
		LocalDate first = month.atDay(1);
		LocalDate last = month.atEndOfMonth();
		Map<LocalDate, Long> days = new LinkedHashMap<>();
		days.put(first.minusDays(1), edges.dayBefore());
		days.put(first, edges.firstDay());
		days.put(last, edges.lastDay());
		days.put(last.plusDays(1), edges.dayAfter());
		return days.entrySet()
			.stream()
			.filter(day -> day.getValue() != null && day.getValue() == difference)
			.findFirst()
			.map(day -> "the difference (" + difference + " messages) equals the volume the source puts on "
					+ day.getKey() + ", a day at the edge of the month in the WABA's time zone: a time-zone boundary")
			.orElse(null);
	}

	private String webhookCrossCheck(LineSides line) {
		Long counted = line.edges().webhookVolume();
		if (counted == null || counted == line.estimatedVolume()) {
			return null;
		}
		return "the webhooks count " + counted + " messages where the usage export says " + line.estimatedVolume()
				+ (counted == line.invoicedVolume() ? ", as the invoice does" : "")
				+ " (late, missing or extra events on one side)";
	}

}
