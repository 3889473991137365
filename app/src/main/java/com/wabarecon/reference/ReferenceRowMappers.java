package com.wabarecon.reference;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Consumer;
import java.util.function.Supplier;

import com.wabarecon.importing.FieldChecks;
import com.wabarecon.importing.FirstOccurrence;
import com.wabarecon.importing.RowProblems;
import com.wabarecon.importing.SkipReasons;
import com.wabarecon.reference.ReferenceRows.FxRow;
import com.wabarecon.reference.ReferenceRows.MarketRow;
import com.wabarecon.reference.ReferenceRows.RateCardRow;
import com.wabarecon.rules.Markets;
import com.wabarecon.rules.Pricing;
import com.wabarecon.rules.RateCard;
import com.wabarecon.rules.Tier;
import com.wabarecon.support.csv.CsvRecord;

import org.springframework.batch.infrastructure.item.ItemProcessor;

/**
 * Validation and mapping of the reference files' rows. Each mapper is one instance per step
 * execution (they remember keys to reject repeats); not thread-safe.
 */
final class ReferenceRowMappers {

	/** {@code rate_card.rate} is {@code NUMERIC(19,6)}: a finer rate would be rounded as it is stored. */
	static final int RATE_DECIMALS = 6;

	static final List<String> RATE_CARD_COLUMNS = List.of("effective_from", "currency", "market", "category",
			"tier_lower", "tier_upper", "rate");

	static final List<String> MARKET_COLUMNS = List.of("country", "market");

	static final List<String> FX_COLUMNS = List.of("from_currency", "to_currency", "rate");

	private ReferenceRowMappers() {
	}

	/**
	 * The rows of the rate cards. A row must be right on its own (a date, an ISO currency, a
	 * category, whole tier bounds, a rate), and its version of a rate (its effective date,
	 * currency, market and category) must hold as a whole ({@link RateCard#refusals}): tiers that
	 * overlap or leave a gap, or one version given by two files, refuse every row of that version,
	 * each with the reason, and the refusal is recorded so that the pricing never uses an older
	 * rate instead. The versions are checked once, on the first row, over every file of the step.
	 */
	static class RateCardRows implements ItemProcessor<CsvRecord, RateCardRow> {

		private final String month;

		private final Supplier<List<CsvRecord>> allRows;

		private final Supplier<Markets> markets;

		private final Consumer<List<RateCard.Refusal>> refusals;

		private Map<String, String> refused;

		/**
		 * @param allRows every row of every rate-card file, read again for the check of versions
		 * @param markets the month's markets (markets.csv loads before the rate cards)
		 * @param refusals records the refused versions of the month
		 */
		RateCardRows(String month, Supplier<List<CsvRecord>> allRows, Supplier<Markets> markets,
				Consumer<List<RateCard.Refusal>> refusals) {
			this.month = month;
			this.allRows = allRows;
			this.markets = markets;
			this.refusals = refusals;
		}

		@Override
		public RateCardRow process(CsvRecord row) {
			if (row.isBlank()) {
				return SkipReasons.skip("blank line");
			}
			if (refused == null) {
				refused = checkVersions();
			}
			RowProblems problems = new RowProblems();
			RateCardRow parsed = parse(row, problems);
			if (problems.isEmpty()) {
				problems.add(refused.get(place(row.source().file(), row.source().line())));
			}
			problems.throwIfAny(row.source());
			return parsed;
		}

		private RateCardRow parse(CsvRecord row, RowProblems problems) {
			LocalDate from = date(row.text("effective_from"), "effective_from", problems);
			String currency = row.text("currency");
			String market = row.text("market");
			String category = Pricing.lineCategory(row.text("category"));
			Long lower = whole(row.text("tier_lower"), "tier_lower", false, problems);
			Long upper = whole(row.text("tier_upper"), "tier_upper", true, problems);
			BigDecimal rate = decimal(row.text("rate"), "rate", problems);
			problems.add(FieldChecks.currency("currency", currency))
				.add(FieldChecks.required("market", market))
				.add(rate != null && rate.stripTrailingZeros().scale() > RATE_DECIMALS
						? "rate " + row.text("rate") + " has more than the " + RATE_DECIMALS
								+ " decimals a rate card keeps: it would be rounded"
						: null)
				.add(category == null ? "category '" + row.text("category") + "' is not a known category" : null)
				.add(lower != null && upper != null && upper < lower
						? "tier_upper " + upper + " is below tier_lower " + lower : null);
			return problems.isEmpty()
					? new RateCardRow(month, from, currency, market, category, lower, upper, rate, row.source()) : null;
		}

		/** The refused versions' rows, by file and line, with the reason; records the refusals. */
		private Map<String, String> checkVersions() {
			List<RateCard.Row> rows = new ArrayList<>();
			List<RateCard.Unreadable> unreadable = new ArrayList<>();
			for (CsvRecord record : allRows.get()) {
				if (record.isBlank()) {
					continue;
				}
				RowProblems problems = new RowProblems();
				RateCardRow row = parse(record, problems);
				if (row != null) {
					rows.add(new RateCard.Row(row.effectiveFrom(), row.currency(), row.market(), row.category(),
							new Tier(row.tierLower(), row.tierUpper(), row.rate()), row.source().file(),
							row.source().line()));
				}
				else {
					unreadable.add(unreadable(record, problems.toString()));
				}
			}
			Map<String, String> byPlace = new HashMap<>();
			List<RateCard.Refusal> versions = new ArrayList<>();
			for (RateCard.Refused refused : RateCard.refusals(rows, unreadable, markets.get())) {
				refused.rows().forEach(row -> byPlace.put(place(row.file(), row.line()), refused.reason()));
				versions.add(refused.refusal());
			}
			refusals.accept(versions);
			return byPlace;
		}

		/** A row that cannot be read, with its version when that much of it can be. */
		private static RateCard.Unreadable unreadable(CsvRecord record, String problem) {
			RowProblems ignored = new RowProblems();
			LocalDate from = date(record.text("effective_from"), "effective_from", ignored);
			String currency = FieldChecks.currency("currency", record.text("currency")) == null ? record.text("currency")
					: null;
			String market = record.text("market").isEmpty() ? null : record.text("market");
			String category = Pricing.lineCategory(record.text("category"));
			return new RateCard.Unreadable(from, currency, market, category, record.source().file(),
					record.source().line(), problem);
		}

		private static String place(String file, Long line) {
			return file + "\u0000" + line;
		}

	}

	static class MarketRows implements ItemProcessor<CsvRecord, MarketRow> {

		private final String month;

		private final FirstOccurrence countries = new FirstOccurrence();

		MarketRows(String month) {
			this.month = month;
		}

		@Override
		public MarketRow process(CsvRecord row) {
			if (row.isBlank()) {
				return SkipReasons.skip("blank line");
			}
			String country = row.text("country").toUpperCase(Locale.ROOT);
			String market = row.text("market");
			RowProblems problems = new RowProblems()
				.add(FieldChecks.country("country", country))
				.add(FieldChecks.required("market", market));
			if (problems.isEmpty()) {
				problems.add(countries.check("country", country, row.source().line()));
			}
			problems.throwIfAny(row.source());
			return new MarketRow(month, country, market, row.source());
		}

	}

	static class FxRates implements ItemProcessor<CsvRecord, FxRow> {

		private final String month;

		private final FirstOccurrence pairs = new FirstOccurrence();

		FxRates(String month) {
			this.month = month;
		}

		@Override
		public FxRow process(CsvRecord row) {
			if (row.isBlank()) {
				return SkipReasons.skip("blank line");
			}
			String from = row.text("from_currency");
			String to = row.text("to_currency");
			RowProblems problems = new RowProblems().add(FieldChecks.currency("from_currency", from))
				.add(FieldChecks.currency("to_currency", to));
			BigDecimal rate = decimal(row.text("rate"), "rate", problems);
			if (rate != null && rate.signum() == 0) {
				problems.add("rate is zero");
			}
			if (problems.isEmpty()) {
				problems.add(pairs.check("currency pair", from + "->" + to, row.source().line()));
			}
			problems.throwIfAny(row.source());
			return new FxRow(month, from, to, rate, row.source());
		}

	}

	private static LocalDate date(String text, String column, RowProblems problems) {
		try {
			return LocalDate.parse(text);
		}
		catch (DateTimeParseException ex) {
			problems.add(column + " '" + text + "' is not a date (YYYY-MM-DD)");
			return null;
		}
	}

	private static Long whole(String text, String column, boolean optional, RowProblems problems) {
		if (text.isEmpty()) {
			if (!optional) {
				problems.add(column + " is empty");
			}
			return null;
		}
		try {
			long value = Long.parseLong(text);
			if (value < 0) {
				problems.add(column + " " + value + " is negative");
			}
			return value;
		}
		catch (NumberFormatException ex) {
			problems.add(column + " '" + text + "' is not a whole number");
			return null;
		}
	}

	private static BigDecimal decimal(String text, String column, RowProblems problems) {
		try {
			BigDecimal value = new BigDecimal(text);
			if (value.signum() < 0) {
				problems.add(column + " " + text + " is negative");
			}
			return value;
		}
		catch (NumberFormatException ex) {
			problems.add(column + " '" + text + "' is not a number");
			return null;
		}
	}

}
