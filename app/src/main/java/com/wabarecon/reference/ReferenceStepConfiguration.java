package com.wabarecon.reference;

import java.nio.file.Path;
import java.time.YearMonth;
import java.util.List;

import com.wabarecon.importing.ImportSteps;
import com.wabarecon.importing.MultiFileReader;
import com.wabarecon.inbox.InboxFileRepository;
import com.wabarecon.inbox.InboxKind;
import com.wabarecon.support.csv.CsvRecord;
import com.wabarecon.support.csv.CsvRecordReader;

import org.springframework.batch.core.configuration.annotation.StepScope;
import org.springframework.batch.core.step.Step;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The reference files of a month: Meta's rate cards, the country-to-market list and the agreed
 * FX rates, each loaded by a step of its own ({@code marketsStep}, {@code rateCardsStep},
 * {@code fxStep}) that replaces what it loaded before for the month. The usage stage runs them
 * first; {@link RateCards} hands what they loaded to the pricing and the likely causes.
 */
@Configuration
class ReferenceStepConfiguration {

	@Bean
	@StepScope
	MultiFileReader<CsvRecord> rateCardsReader(@Value("#{jobParameters['inbox']}") String inbox,
			@Value("#{jobParameters['month']}") String month, InboxFileRepository inboxFiles) {
		return rateCards(Path.of(inbox), month, inboxFiles);
	}

	private static MultiFileReader<CsvRecord> rateCards(Path inbox, String month, InboxFileRepository inboxFiles) {
		return csv(inbox, inboxFiles.read(inbox, month, InboxKind.RATE_CARD), ReferenceRowMappers.RATE_CARD_COLUMNS);
	}

	@Bean
	@StepScope
	ReferenceRowMappers.RateCardRows rateCardRowMapper(@Value("#{jobParameters['inbox']}") String inbox,
			@Value("#{jobParameters['month']}") String month, RateCards rateCards, InboxFileRepository inboxFiles) {
		YearMonth closing = YearMonth.parse(month);
		return new ReferenceRowMappers.RateCardRows(month,
				() -> rateCards(Path.of(inbox), month, inboxFiles).readAll("the rate cards"),
				() -> rateCards.markets(closing), refusals -> rateCards.refuse(closing, refusals));
	}

	@Bean
	Step rateCardsStep(ImportSteps steps, MultiFileReader<CsvRecord> rateCardsReader,
			ReferenceRowMappers.RateCardRows rateCardRowMapper, ReferenceTables tables) {
		return steps.step("rateCardsStep", rateCardsReader, rateCardRowMapper, tables.rateCardWriter(),
				steps.newAccounting(), tables::clearRateCards);
	}

	@Bean
	@StepScope
	MultiFileReader<CsvRecord> marketsReader(@Value("#{jobParameters['inbox']}") String inbox,
			@Value("#{jobParameters['month']}") String month, InboxFileRepository inboxFiles) {
		Path root = Path.of(inbox);
		return csv(root, inboxFiles.read(root, month, InboxKind.MARKETS), ReferenceRowMappers.MARKET_COLUMNS);
	}

	@Bean
	@StepScope
	ReferenceRowMappers.MarketRows marketRowMapper(@Value("#{jobParameters['month']}") String month) {
		return new ReferenceRowMappers.MarketRows(month);
	}

	@Bean
	Step marketsStep(ImportSteps steps, MultiFileReader<CsvRecord> marketsReader,
			ReferenceRowMappers.MarketRows marketRowMapper, ReferenceTables tables) {
		return steps.step("marketsStep", marketsReader, marketRowMapper, tables.marketWriter(), steps.newAccounting(),
				tables::clearMarkets);
	}

	@Bean
	@StepScope
	MultiFileReader<CsvRecord> fxReader(@Value("#{jobParameters['inbox']}") String inbox,
			@Value("#{jobParameters['month']}") String month, InboxFileRepository inboxFiles) {
		Path root = Path.of(inbox);
		return csv(root, inboxFiles.read(root, month, InboxKind.FX), ReferenceRowMappers.FX_COLUMNS);
	}

	@Bean
	@StepScope
	ReferenceRowMappers.FxRates fxRowMapper(@Value("#{jobParameters['month']}") String month) {
		return new ReferenceRowMappers.FxRates(month);
	}

	@Bean
	Step fxStep(ImportSteps steps, MultiFileReader<CsvRecord> fxReader, ReferenceRowMappers.FxRates fxRowMapper,
			ReferenceTables tables) {
		return steps.step("fxStep", fxReader, fxRowMapper, tables.fxWriter(), steps.newAccounting(), tables::clearFx);
	}

	private static MultiFileReader<CsvRecord> csv(Path inbox, List<Path> files, List<String> columns) {
		return new MultiFileReader<>(inbox, files, (file, sourceName) -> new CsvRecordReader(file, sourceName, columns));
	}

}
