package com.wabarecon.reference;

import java.nio.file.Path;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;

import javax.sql.DataSource;

import com.wabarecon.importing.ImportSteps;
import com.wabarecon.importing.MultiFileReader;
import com.wabarecon.inbox.InboxFileRepository;
import com.wabarecon.inbox.InboxKind;
import com.wabarecon.reference.ReferenceRows.FxRow;
import com.wabarecon.reference.ReferenceRows.MarketRow;
import com.wabarecon.reference.ReferenceRows.RateCardRow;
import com.wabarecon.support.csv.CsvRecord;
import com.wabarecon.support.csv.CsvRecordReader;
import com.wabarecon.support.reject.RejectedRowException;

import org.springframework.batch.core.configuration.annotation.StepScope;
import org.springframework.batch.core.step.Step;
import org.springframework.batch.infrastructure.item.ExecutionContext;
import org.springframework.batch.infrastructure.item.database.ItemSqlParameterSourceProvider;
import org.springframework.batch.infrastructure.item.database.JdbcBatchItemWriter;
import org.springframework.batch.infrastructure.item.database.builder.JdbcBatchItemWriterBuilder;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.simple.JdbcClient;

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
				() -> readAll(rateCards(Path.of(inbox), month, inboxFiles)),
				() -> rateCards.markets(closing), refusals -> rateCards.refuse(closing, refusals));
	}

	/** Every record of a few small files (the rate cards), for a check over all of them. */
	private static List<CsvRecord> readAll(MultiFileReader<CsvRecord> reader) {
		List<CsvRecord> records = new ArrayList<>();
		reader.open(new ExecutionContext());
		try {
			for (CsvRecord record = read(reader); record != null; record = read(reader)) {
				records.add(record);
			}
		}
		finally {
			reader.close();
		}
		return records;
	}

	/** The next record; a file or row that cannot be read is left to the step, which rejects it. */
	private static CsvRecord read(MultiFileReader<CsvRecord> reader) {
		while (true) {
			try {
				return reader.read();
			}
			catch (RejectedRowException ex) {
				// reported by the step's own reading
			}
			catch (Exception ex) {
				throw new IllegalStateException("cannot read the rate cards: " + ex.getMessage(), ex);
			}
		}
	}

	@Bean
	Step rateCardsStep(ImportSteps steps, MultiFileReader<CsvRecord> rateCardsReader,
			ReferenceRowMappers.RateCardRows rateCardRowMapper, DataSource dataSource, JdbcClient jdbc) {
		JdbcBatchItemWriter<RateCardRow> writer = insert(dataSource, """
					INSERT INTO rate_card (billing_month, effective_from, currency, market, category, tier_lower,
					    tier_upper, rate, source_file, source_line)
					VALUES (:month, :effectiveFrom, :currency, :market, :category, :tierLower, :tierUpper, :rate,
					    :sourceFile, :sourceLine)""",
				row -> new MapSqlParameterSource().addValue("month", row.month())
				.addValue("effectiveFrom", row.effectiveFrom())
				.addValue("currency", row.currency())
				.addValue("market", row.market())
				.addValue("category", row.category())
				.addValue("tierLower", row.tierLower())
				.addValue("tierUpper", row.tierUpper())
				.addValue("rate", row.rate())
				.addValue("sourceFile", row.source().file())
				.addValue("sourceLine", row.source().line()));
		return steps.step("rateCardsStep", rateCardsReader, rateCardRowMapper, writer, steps.newAccounting(), month -> {
			jdbc.sql("DELETE FROM rate_card WHERE billing_month = ?").param(month).update();
			jdbc.sql("DELETE FROM rate_card_refusal WHERE billing_month = ?").param(month).update();
		});
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
			ReferenceRowMappers.MarketRows marketRowMapper, DataSource dataSource, JdbcClient jdbc) {
		JdbcBatchItemWriter<MarketRow> writer = insert(dataSource,
				"INSERT INTO market_country (billing_month, country, market) VALUES (:month, :country, :market)",
				row -> new MapSqlParameterSource().addValue("month", row.month())
				.addValue("country", row.country())
				.addValue("market", row.market()));
		return steps.step("marketsStep", marketsReader, marketRowMapper, writer, steps.newAccounting(),
				month -> jdbc.sql("DELETE FROM market_country WHERE billing_month = ?").param(month).update());
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
			DataSource dataSource, JdbcClient jdbc) {
		JdbcBatchItemWriter<FxRow> writer = insert(dataSource, """
					INSERT INTO fx_rate (billing_month, from_currency, to_currency, rate, source_file, source_line)
					VALUES (:month, :fromCurrency, :toCurrency, :rate, :sourceFile, :sourceLine)""",
				row -> new MapSqlParameterSource().addValue("month", row.month())
				.addValue("fromCurrency", row.fromCurrency())
				.addValue("toCurrency", row.toCurrency())
				.addValue("rate", row.rate())
				.addValue("sourceFile", row.source().file())
				.addValue("sourceLine", row.source().line()));
		return steps.step("fxStep", fxReader, fxRowMapper, writer, steps.newAccounting(),
				month -> jdbc.sql("DELETE FROM fx_rate WHERE billing_month = ?").param(month).update());
	}


	/** A batched INSERT of the rows a reference step reads. */
	private static <T> JdbcBatchItemWriter<T> insert(DataSource dataSource, String sql,
			ItemSqlParameterSourceProvider<T> parameters) {
		JdbcBatchItemWriter<T> writer = new JdbcBatchItemWriterBuilder<T>().dataSource(dataSource)
			.sql(sql)
			.itemSqlParameterSourceProvider(parameters)
			.build();
		writer.afterPropertiesSet();
		return writer;
	}

	private static MultiFileReader<CsvRecord> csv(Path inbox, List<Path> files, List<String> columns) {
		return new MultiFileReader<>(inbox, files, (file, sourceName) -> new CsvRecordReader(file, sourceName, columns));
	}

}
