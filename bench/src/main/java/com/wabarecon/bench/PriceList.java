package com.wabarecon.bench;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.wabarecon.rules.Markets;
import com.wabarecon.rules.RateCard;
import com.wabarecon.rules.Tier;

/**
 * The per-message rate card the generated month is priced with: one market per recipient
 * country (several countries may share one), list rates in USD (Meta's illustrative ones for
 * Germany, India, Brazil and the US), converted to each invoicing currency at a fixed factor. Utility and
 * authentication fall in three volume tiers ({@code 0:B}, {@code B+1:5B}, {@code 5B+1:MAX}),
 * each 5 % cheaper than the one before. Calls ({@link #VOICE}) cost half a marketing message a
 * minute, in one tier. Immutable; thread-safe.
 */
final class PriceList {

	/** The card's {@code effective_from}: the start of per-message pricing, in force for every PMP month. */
	static final LocalDate EFFECTIVE_FROM = LocalDate.of(2025, 7, 1);

	static final String MARKETING = "MARKETING";

	static final String MARKETING_LITE = "MARKETING_LITE";

	static final String UTILITY = "UTILITY";

	static final String AUTHENTICATION = "AUTHENTICATION";

	static final String AUTHENTICATION_INTERNATIONAL = "AUTHENTICATION_INTERNATIONAL";

	static final String SERVICE = "SERVICE";

	static final String REFERRAL_CONVERSION = "REFERRAL_CONVERSION";

	static final String REGULAR = "REGULAR";

	/** Per-minute call rates: one open tier per market, at half the market's marketing rate. */
	static final String VOICE = "VOICE";

	static final String FREE_CUSTOMER_SERVICE = "FREE_CUSTOMER_SERVICE";

	static final String FREE_ENTRY_POINT = "FREE_ENTRY_POINT";

	/** The categories an invoice charges, in the order lines are written. */
	static final List<String> CHARGED_CATEGORIES = List.of(MARKETING, MARKETING_LITE, UTILITY, AUTHENTICATION,
			AUTHENTICATION_INTERNATIONAL);

	/** Rates have four decimals, like Meta's published cards. */
	static final int RATE_SCALE = 4;

	/** The currencies an export may be kept in other than its WABA's (360dialog balances are often EUR). */
	static final List<String> FX_SOURCES = List.of("EUR", "USD");

	/**
	 * Four decimals, like the sample's: a cost of four decimals times the rate stays within the
	 * eight decimals the reconciliation keeps per side, so the generator predicts it exactly.
	 */
	static final int FX_SCALE = 4;

	private static final BigDecimal TIER_STEP = new BigDecimal("0.05");

	private static final int TIER_COUNT = 3;

	private static final long TIER_WIDTH_FACTOR = 5;

	/** A recipient country, its market and its USD list rates; {@code authInternational} may be absent. */
	record Country(String code, String market, BigDecimal marketing, BigDecimal utility, BigDecimal authentication,
			BigDecimal authInternational, long tierBound) {
	}

	/** USD to each invoicing currency; estimates and FX derive from these. */
	static final Map<String, BigDecimal> USD_FACTORS = factors("USD", "1", "EUR", "0.92", "GBP", "0.79", "INR",
			"83.50", "IDR", "16250", "BRL", "5.50", "MXN", "18.60", "AUD", "1.52");

	static final List<Country> COUNTRIES = List.of(
			country("DE", "Germany", "0.1365", "0.0550", "0.0550", null, 250_000),
			country("AT", "Rest of Western Europe", "0.0592", "0.0318", "0.0318", null, 250_000),
			country("GR", "Rest of Western Europe", "0.0592", "0.0318", "0.0318", null, 250_000),
			country("ES", "Spain", "0.0615", "0.0200", "0.0200", null, 250_000),
			country("FR", "France", "0.0859", "0.0300", "0.0300", null, 250_000),
			country("IT", "Italy", "0.0691", "0.0300", "0.0300", null, 250_000),
			country("NL", "Netherlands", "0.1597", "0.0500", "0.0500", null, 250_000),
			country("GB", "United Kingdom", "0.0529", "0.0220", "0.0358", null, 250_000),
			country("IN", "India", "0.0118", "0.0014", "0.0014", "0.0280", 100_000),
			country("ID", "Indonesia", "0.0411", "0.0250", "0.0300", "0.1360", 100_000),
			country("BR", "Brazil", "0.0625", "0.0080", "0.0050", null, 500_000),
			country("MX", "Mexico", "0.0305", "0.0085", "0.0085", null, 250_000),
			country("US", "North America", "0.0250", "0.0040", "0.0040", null, 1_000_000),
			country("CA", "North America", "0.0250", "0.0040", "0.0040", null, 1_000_000),
			country("AE", "United Arab Emirates", "0.0384", "0.0157", "0.0157", null, 250_000),
			country("AU", "Australia", "0.0731", "0.0206", "0.0206", null, 250_000),
			country("NG", "Nigeria", "0.0516", "0.0067", "0.0067", null, 250_000),
			country("ZA", "South Africa", "0.0379", "0.0076", "0.0076", null, 250_000));

	private final Map<String, Country> byCode = new LinkedHashMap<>();

	private final Map<String, Country> byMarket = new LinkedHashMap<>();

	private final Map<String, List<Tier>> tiers = new LinkedHashMap<>();

	private final RateCard rateCard;

	PriceList() {
		for (Country country : COUNTRIES) {
			byCode.put(country.code(), country);
			byMarket.putIfAbsent(country.market(), country);
		}
		for (String currency : USD_FACTORS.keySet()) {
			for (Country country : byMarket.values()) {
				for (String category : CHARGED_CATEGORIES) {
					List<Tier> card = card(country, category, USD_FACTORS.get(currency));
					if (!card.isEmpty()) {
						tiers.put(key(currency, country.market(), category), card);
					}
				}
				tiers.put(key(currency, country.market(), VOICE), card(country, VOICE, USD_FACTORS.get(currency)));
			}
		}
		rateCard = rateCard();
	}

	String market(String country) {
		return byCode.get(country).market();
	}

	boolean hasAuthInternational(String country) {
		return byCode.get(country).authInternational() != null;
	}

	/** The card's tiers for the currency, the country's market and the category (empty: not charged there). */
	List<Tier> tiers(String currency, String country, String category) {
		return tiers.getOrDefault(key(currency, market(country), category), List.of());
	}

	Tier firstTier(String currency, String country, String category) {
		return tiers(currency, country, category).get(0);
	}

	/** The rates in force as the close reads them from the files {@link ReferenceWriter} writes of this card. */
	RateCard inForce() {
		return rateCard;
	}

	/** Every row of the card: currency, market, category and tier, in a stable order. */
	List<CardRow> rows() {
		List<CardRow> rows = new ArrayList<>();
		tiers.forEach((key, card) -> {
			String[] parts = key.split("\\|");
			card.forEach(tier -> rows.add(new CardRow(parts[0], parts[1], parts[2], tier)));
		});
		return rows;
	}

	/** The month's agreed rate from one currency to another, derived from the USD factors. */
	static BigDecimal fxRate(String from, String to) {
		return USD_FACTORS.get(to).divide(USD_FACTORS.get(from), FX_SCALE, RoundingMode.HALF_UP);
	}

	/** The markets of the recipient countries, for {@code rate-cards/markets.csv}. */
	Map<String, String> countryMarkets() {
		Map<String, String> markets = new LinkedHashMap<>();
		byCode.forEach((code, country) -> markets.put(code, country.market()));
		return markets;
	}

	record CardRow(String currency, String market, String category, Tier tier) {
	}

	/**
	 * The card by the close's own rules ({@link RateCard}, {@link Markets}). It has one version,
	 * in force from {@link #EFFECTIVE_FROM} for every month generated, so it is read for that month.
	 */
	private RateCard rateCard() {
		List<RateCard.Row> rows = new ArrayList<>();
		String file = ReferenceWriter.RATE_CARDS + "/" + EFFECTIVE_FROM + ".csv";
		for (CardRow row : rows()) {
			rows.add(new RateCard.Row(EFFECTIVE_FROM, row.currency(), row.market(), row.category(), row.tier(), file,
					rows.size() + 2L));
		}
		return RateCard.inForce(YearMonth.from(EFFECTIVE_FROM), rows, List.of(), new Markets(countryMarkets()));
	}

	private static List<Tier> card(Country country, String category, BigDecimal factor) {
		BigDecimal usd = switch (category) {
			case MARKETING, MARKETING_LITE -> country.marketing();
			case UTILITY -> country.utility();
			case AUTHENTICATION -> country.authentication();
			case AUTHENTICATION_INTERNATIONAL -> country.authInternational();
			case VOICE -> country.marketing().divide(BigDecimal.valueOf(2));
			default -> null;
		};
		if (usd == null) {
			return List.of();
		}
		BigDecimal base = usd.multiply(factor).setScale(RATE_SCALE, RoundingMode.HALF_UP);
		if (!category.equals(UTILITY) && !category.equals(AUTHENTICATION)) {
			return List.of(new Tier(0, null, base));
		}
		List<Tier> card = new ArrayList<>();
		long lower = 0;
		long width = country.tierBound();
		for (int t = 0; t < TIER_COUNT; t++) {
			Long upper = t == TIER_COUNT - 1 ? null : (t == 0 ? width : width * TIER_WIDTH_FACTOR);
			BigDecimal rate = base.multiply(BigDecimal.ONE.subtract(TIER_STEP.multiply(BigDecimal.valueOf(t))))
				.setScale(RATE_SCALE, RoundingMode.HALF_UP);
			card.add(new Tier(lower, upper, rate));
			lower = upper == null ? 0 : upper + 1;
		}
		return card;
	}

	private static String key(String currency, String market, String category) {
		return currency + "|" + market + "|" + category;
	}

	private static Country country(String code, String market, String marketing, String utility,
			String authentication, String authInternational, long tierBound) {
		return new Country(code, market, new BigDecimal(marketing), new BigDecimal(utility),
				new BigDecimal(authentication), authInternational == null ? null : new BigDecimal(authInternational),
				tierBound);
	}

	private static Map<String, BigDecimal> factors(String... pairs) {
		Map<String, BigDecimal> factors = new LinkedHashMap<>();
		for (int i = 0; i < pairs.length; i += 2) {
			factors.put(pairs[i], new BigDecimal(pairs[i + 1]));
		}
		return factors;
	}

}
