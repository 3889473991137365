package com.wabarecon.rules;

import java.util.Map;

/**
 * Which rate-card market a recipient country is in. A rate card names its markets by ISO
 * country code ({@code IN}) or by name ({@code India}, {@code Rest of Africa}), in any case; both
 * spellings of one country are the same market. The optional country-to-market table
 * ({@code markets.csv}) puts countries into named regions; a country it does not list is its own
 * market, by its name in {@link Countries}. Markets are compared by {@link #key}. Immutable;
 * thread-safe.
 */
public final class Markets {

	private final Map<String, String> regions;

	/** @param regions country code to market name, as {@code markets.csv} gives them (may be empty) */
	public Markets(Map<String, String> regions) {
		this.regions = Map.copyOf(regions);
	}

	/** The market of a country, by name: the table's region, else the country's own name; {@code null} for no country. */
	public String ofCountry(String countryCode) {
		String code = Countries.code(countryCode);
		if (code == null) {
			return null;
		}
		String region = regions.get(code);
		return region != null ? region : Countries.name(code);
	}

	/**
	 * The market a rate card's {@code market} value names, by name: a country, by code or by name
	 * (or a common other spelling: {@code Türkiye} is {@code TR}), is that country's market
	 * ({@link #ofCountry}), its region where the table puts it in one; any other name is itself.
	 * Both spellings of one country are always the same market.
	 */
	public String ofRateCard(String market) {
		String code = Countries.code(market);
		if (code == null) {
			code = Countries.codeOfName(market);
		}
		return code != null ? ofCountry(code) : market.strip();
	}

	/** What two market names are compared by: the same for {@code Rest of Africa} and {@code REST OF AFRICA}. */
	public static String key(String marketName) {
		return marketName == null ? null : Countries.spelling(marketName);
	}

	/** The key of a country's market. */
	public String keyOfCountry(String countryCode) {
		return key(ofCountry(countryCode));
	}

	/** The key of the market a rate card's {@code market} value names. */
	public String keyOfRateCard(String market) {
		return key(ofRateCard(market));
	}

}
