package com.wabarecon.rules;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;

/**
 * The rates in force for a billing month, and the checks a rate card must pass to be used.
 * <p>
 * A rate is one currency, market and category, with its tiers; the rate in force is the one
 * whose {@code effective_from} is the latest on or before the month's first day. Rates are
 * checked per version: the tiers must cover every volume exactly once ({@link Tiers#problem}),
 * and one version of a rate must come from one file (two files giving the same version are a
 * conflict, not "the file that sorts first wins"). A rate that fails is refused and never used:
 * when it is the one in force, nothing is priced with it. Immutable; thread-safe.
 */
public final class RateCard {

	/**
	 * One row of a rate-card file.
	 *
	 * @param market as the file writes it: an ISO code or a market name, any case
	 * @param file the file, as rejects name it
	 */
	public record Row(LocalDate effectiveFrom, String currency, String market, String category, Tier tier,
			String file, long line) {

		String place() {
			return file + " line " + line;
		}

	}

	/** A version of a rate that was refused, and why. */
	public record Refusal(LocalDate effectiveFrom, String currency, String market, String category, String reason) {
	}

	/**
	 * The rate for some estimates: its tiers, or why there is none.
	 *
	 * @param market the market's name
	 * @param version the {@code effective_from} of the rate in force; {@code null} when there is none
	 * @param tiers {@code null} when not found
	 * @param missing why there is no usable rate; {@code null} when found
	 */
	public record Rate(String market, LocalDate version, Tiers tiers, String missing) {

		public boolean found() {
			return tiers != null;
		}

	}

	/** What one version of a rate is identified by. */
	private record Version(LocalDate effectiveFrom, String currency, String marketKey, String category) {
	}

	/** What a rate is identified by, across its versions. */
	private record RateKey(String currency, String marketKey, String category) {
	}

	private final YearMonth month;

	private final Markets markets;

	private final Map<RateKey, Rate> inForce = new HashMap<>();

	private RateCard(YearMonth month, Markets markets) {
		this.month = month;
		this.markets = markets;
	}

	/**
	 * Why each refused version of a rate is refused, naming its rows: the rows as the files give
	 * them, every version and month. Empty when every version can be used.
	 */
	public static Map<List<Row>, String> refusals(List<Row> rows, Markets markets) {
		Map<Version, List<Row>> versions = new LinkedHashMap<>();
		for (Row row : rows) {
			versions.computeIfAbsent(version(row, markets), v -> new ArrayList<>()).add(row);
		}
		Map<List<Row>, String> refused = new LinkedHashMap<>();
		versions.forEach((version, of) -> problem(version, of, markets).ifPresent(problem -> refused.put(of, problem)));
		return refused;
	}

	private static Optional<String> problem(Version version, List<Row> rows, Markets markets) {
		String what = "the " + version.currency() + " rates of " + markets.ofRateCard(rows.get(0).market()) + " "
				+ version.category() + " from " + version.effectiveFrom();
		TreeSet<String> files = new TreeSet<>();
		rows.forEach(row -> files.add(row.file()));
		if (files.size() > 1) {
			return Optional.of("conflict: " + String.join(" and ", files) + " both give " + what);
		}
		return Tiers.problem(rows.stream().map(Row::tier).toList())
			.map(problem -> what + " are refused: " + problem + " (" + String.join(", ",
					rows.stream().map(Row::place).toList()) + ")");
	}

	/**
	 * The rates in force for a month.
	 *
	 * @param rows the rows of every version that passed {@link #refusals}
	 * @param refusals the versions that did not
	 */
	public static RateCard inForce(YearMonth month, List<Row> rows, List<Refusal> refusals, Markets markets) {
		LocalDate firstDay = month.atDay(1);
		Map<RateKey, LocalDate> latest = new HashMap<>();
		Map<Version, List<Tier>> tiers = new HashMap<>();
		Map<Version, String> names = new HashMap<>();
		for (Row row : rows) {
			if (!row.effectiveFrom().isAfter(firstDay)) {
				Version version = version(row, markets);
				latest.merge(rateKey(version), version.effectiveFrom(), RateCard::later);
				tiers.computeIfAbsent(version, v -> new ArrayList<>()).add(row.tier());
				names.putIfAbsent(version, markets.ofRateCard(row.market()));
			}
		}
		Map<Version, String> refused = new HashMap<>();
		for (Refusal refusal : refusals) {
			if (!refusal.effectiveFrom().isAfter(firstDay)) {
				Version version = new Version(refusal.effectiveFrom(), refusal.currency(),
						markets.keyOfRateCard(refusal.market()), refusal.category());
				latest.merge(rateKey(version), version.effectiveFrom(), RateCard::later);
				refused.put(version, refusal.reason());
				names.putIfAbsent(version, markets.ofRateCard(refusal.market()));
			}
		}
		RateCard card = new RateCard(month, markets);
		latest.forEach((key, date) -> {
			Version version = new Version(date, key.currency(), key.marketKey(), key.category());
			String market = names.get(version);
			String refusal = refused.get(version);
			if (refusal != null) {
				card.inForce.put(key, new Rate(market, date, null, "the rate in force was refused: " + refusal));
				return;
			}
			List<Tier> of = tiers.get(version);
			card.inForce.put(key, Tiers.problem(of)
				.map(problem -> new Rate(market, date, null, "the rate in force is refused: " + problem))
				.orElseGet(() -> new Rate(market, date, Tiers.of(of), null)));
		});
		return card;
	}

	/** The rate in force for estimates of a recipient country; {@code country} null when the estimates have none. */
	public Rate rate(String currency, String country, String category) {
		if (country == null) {
			return new Rate(null, null, null, "the estimates name no recipient country, so no market");
		}
		String market = markets.ofCountry(country);
		if (market == null) {
			return new Rate(null, null, null, "'" + country + "' is not a country code");
		}
		return rate(currency, market, country, category);
	}

	/**
	 * The rate in force for a market as an invoice or a rate card names it: an ISO code or a
	 * market name ({@link Markets#ofRateCard}).
	 */
	public Rate rateOfMarket(String currency, String market, String category) {
		String name = markets.ofRateCard(market);
		String country = Countries.code(market);
		return rate(currency, name, country != null ? country : Countries.codeOfName(market), category);
	}

	private Rate rate(String currency, String market, String country, String category) {
		Rate rate = inForce.get(new RateKey(currency, Markets.key(market), category));
		if (rate == null) {
			List<LocalDate> versions = versions();
			return new Rate(market, null, null, "no " + currency + " rate for " + market
					+ (country == null || country.equals(market) ? "" : " (" + country + ")") + " " + category
					+ " in the rate cards in force for " + month + (versions.isEmpty() ? " (none is in force)"
							: " (of " + String.join(", ", versions.stream().map(LocalDate::toString).toList()) + ")"));
		}
		return rate;
	}

	/** The versions in force, oldest first. */
	public List<LocalDate> versions() {
		return inForce.values().stream().map(Rate::version).distinct().sorted().toList();
	}

	private static Version version(Row row, Markets markets) {
		return new Version(row.effectiveFrom(), row.currency(), markets.keyOfRateCard(row.market()), row.category());
	}

	private static RateKey rateKey(Version version) {
		return new RateKey(version.currency(), version.marketKey(), version.category());
	}

	private static LocalDate later(LocalDate a, LocalDate b) {
		return a.isAfter(b) ? a : b;
	}

}
