package com.wabarecon.reference;

import java.math.BigDecimal;
import java.time.LocalDate;

import com.wabarecon.support.reject.RowSource;
import com.wabarecon.support.reject.SourcedItem;

/**
 * The rows of the reference files that price and convert estimates.
 */
final class ReferenceRows {

	private ReferenceRows() {
	}

	/**
	 * One tier of one rate card version ({@code rate-cards/*.csv}), kept for the month being
	 * closed; {@code tierUpper == null} is no bound.
	 */
	record RateCardRow(String month, LocalDate effectiveFrom, String currency, String market, String category, long tierLower,
			Long tierUpper, BigDecimal rate, RowSource source) implements SourcedItem {
	}

	/** A country's rate-card market ({@code rate-cards/markets.csv}). */
	record MarketRow(String month, String country, String market, RowSource source) implements SourcedItem {
	}

	/** The month's agreed FX rate ({@code fx/<month>.csv}). */
	record FxRow(String month, String fromCurrency, String toCurrency, BigDecimal rate, RowSource source)
			implements SourcedItem {
	}

}
