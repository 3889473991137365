package com.wabarecon.bench;

import java.io.IOException;
import java.nio.file.Path;
import java.time.YearMonth;
import java.util.Map;

/**
 * The month's reference files: the rate card in force ({@code rate-cards/<effective_from>.csv}),
 * the country-to-market table ({@code rate-cards/markets.csv}) and the agreed FX rates from the
 * currencies exports may be kept in ({@code fx/<month>.csv}).
 */
final class ReferenceWriter {

	static final String RATE_CARDS = "rate-cards";

	static final String FX = "fx";

	static final String CARD_HEADER = "effective_from,currency,market,category,tier_lower,tier_upper,rate";

	private ReferenceWriter() {
	}

	static void write(Path inbox, YearMonth month, PriceList prices) throws IOException {
		Path cards = inbox.resolve(RATE_CARDS);
		try (CsvFile card = new CsvFile(cards.resolve(PriceList.EFFECTIVE_FROM + ".csv"), CARD_HEADER)) {
			for (PriceList.CardRow row : prices.rows()) {
				card.row(PriceList.EFFECTIVE_FROM, row.currency(), row.market(), row.category(), row.tier().lower(),
						row.tier().upper(), row.tier().rate().toPlainString());
			}
		}
		try (CsvFile markets = new CsvFile(cards.resolve("markets.csv"), "country,market")) {
			for (Map.Entry<String, String> country : prices.countryMarkets().entrySet()) {
				markets.row(country.getKey(), country.getValue());
			}
		}
		try (CsvFile fx = new CsvFile(inbox.resolve(FX).resolve(month + ".csv"), "from_currency,to_currency,rate")) {
			for (String from : PriceList.FX_SOURCES) {
				for (String to : PriceList.USD_FACTORS.keySet()) {
					if (!from.equals(to)) {
						fx.row(from, to, PriceList.fxRate(from, to).toPlainString());
					}
				}
			}
		}
	}

}
