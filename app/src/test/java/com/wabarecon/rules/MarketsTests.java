package com.wabarecon.rules;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * A rate card's market by code or name, in any case, and a country's market with and without
 * {@code markets.csv} (here: Nigeria and South Africa in "Rest of Africa").
 */
class MarketsTests {

	private static final Markets NO_TABLE = new Markets(Map.of());

	private static final Markets AFRICA = new Markets(Map.of("NG", "Rest of Africa", "ZA", "Rest of Africa"));

	@ParameterizedTest(name = "country {0}")
	@CsvSource(delimiter = '|', textBlock = """
			# country | without markets.csv | with markets.csv
			DE        | Germany             | Germany
			de        | Germany             | Germany
			TR        | Turkey              | Turkey
			NG        | Nigeria             | Rest of Africa
			XX        |                     |
			""")
	void aCountrysMarket(String country, String alone, String withTable) {
		assertThat(NO_TABLE.ofCountry(country)).isEqualTo(alone);
		assertThat(AFRICA.ofCountry(country)).isEqualTo(withTable);
	}

	@ParameterizedTest(name = "rate card ''{0}'' is the market of {1}")
	@CsvSource(delimiter = '|', textBlock = """
			# rate card's market | country
			IN                   | IN
			in                   | IN
			India                | IN
			INDIA                | IN
			Türkiye              | TR
			turkey               | TR
			Côte d’Ivoire        | CI
			Cote d'Ivoire        | CI
			United States        | US
			US                   | US
			""")
	void aRateCardNamesAMarketByCodeOrNameInAnyCase(String rateCardMarket, String country) {
		assertThat(NO_TABLE.keyOfRateCard(rateCardMarket)).isEqualTo(NO_TABLE.keyOfCountry(country));
	}

	@ParameterizedTest(name = "rate card ''{0}''")
	@CsvSource(delimiter = '|', textBlock = """
			# rate card's market | country | same market
			Rest of Africa       | NG      | true
			REST OF AFRICA       | ZA      | true
			NG                   | ZA      | true
			Nigeria              | NG      | true
			nigeria              | ZA      | true
			Germany              | NG      | false
			""")
	void aRegionFromMarketsCsv(String rateCardMarket, String country, boolean same) {
		assertThat(AFRICA.keyOfRateCard(rateCardMarket).equals(AFRICA.keyOfCountry(country))).isEqualTo(same);
	}

}
