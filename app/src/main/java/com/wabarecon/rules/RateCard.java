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
	 * A row of a rate-card file that cannot be read (a rate that is not a number, say), with what
	 * of its version could be read: all four, or none ({@code null}s) when its file is what is known.
	 */
	public record Unreadable(LocalDate effectiveFrom, String currency, String market, String category, String file,
			long line, String problem) {

		boolean knowsItsVersion() {
			return effectiveFrom != null && currency != null && market != null && category != null;
		}

	}

	/** A version of a rate refused, and its rows (none when none of them could be read). */
	public record Refused(Refusal refusal, List<Row> rows) {

		public LocalDate effectiveFrom() {
			return refusal.effectiveFrom();
		}

		public String reason() {
			return refusal.reason();
		}

	}

	/**
	 * The versions of rates that cannot be used, each with the reason and its rows: tiers that do
	 * not cover every volume once, one version given by two files, or a row of the version (or, when
	 * the row's version cannot be read, of its file) that cannot be read: a version with a row
	 * missing is never used, nor an older one in its place.
	 */
	public static List<Refused> refusals(List<Row> rows, List<Unreadable> unreadable, Markets markets) {
		Map<Version, List<Row>> versions = new LinkedHashMap<>();
		Map<Version, String> spelled = new HashMap<>();
		for (Row row : rows) {
			Version version = version(row, markets);
			versions.computeIfAbsent(version, v -> new ArrayList<>()).add(row);
			spelled.putIfAbsent(version, row.market());
		}
		Map<Version, Unreadable> brokenVersions = new LinkedHashMap<>();
		Map<String, Unreadable> brokenFiles = new LinkedHashMap<>();
		for (Unreadable row : unreadable) {
			if (row.knowsItsVersion()) {
				Version version = new Version(row.effectiveFrom(), row.currency(), markets.keyOfRateCard(row.market()),
						row.category());
				brokenVersions.putIfAbsent(version, row);
				versions.computeIfAbsent(version, v -> new ArrayList<>());
				spelled.putIfAbsent(version, row.market());
			}
			else {
				brokenFiles.putIfAbsent(row.file(), row);
			}
		}
		List<Refused> refused = new ArrayList<>();
		versions.forEach((version, of) -> {
			String what = "the " + version.currency() + " rates of " + markets.ofRateCard(spelled.get(version)) + " "
					+ version.category() + " from " + version.effectiveFrom();
			problem(what, version, of, brokenVersions.get(version), brokenFiles).ifPresent(reason -> refused.add(
					new Refused(new Refusal(version.effectiveFrom(), version.currency(), spelled.get(version),
							version.category(), reason), of)));
		});
		return refused;
	}

	private static Optional<String> problem(String what, Version version, List<Row> rows, Unreadable broken,
			Map<String, Unreadable> brokenFiles) {
		TreeSet<String> files = new TreeSet<>();
		rows.forEach(row -> files.add(row.file()));
		if (broken != null) {
			files.add(broken.file());
		}
		if (files.size() > 1) {
			return Optional.of("conflict: " + String.join(" and ", files) + " both give " + what);
		}
		Unreadable unread = broken != null ? broken : files.stream().map(brokenFiles::get)
			.filter(java.util.Objects::nonNull).findFirst().orElse(null);
		if (unread != null) {
			return Optional.of(what + " are refused: " + unread.file() + " line " + unread.line() + " cannot be read ("
					+ unread.problem() + "), and a rate with a row missing is not used, nor an older one in its place");
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

	/** The markets the card's rates are resolved with. */
	public Markets markets() {
		return markets;
	}

	/** The versions in force, oldest first. */
	private List<LocalDate> versions() {
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
