package com.wabarecon.reference;

import javax.sql.DataSource;

import com.wabarecon.reference.ReferenceRows.FxRow;
import com.wabarecon.reference.ReferenceRows.MarketRow;
import com.wabarecon.reference.ReferenceRows.RateCardRow;

import org.springframework.batch.infrastructure.item.database.ItemSqlParameterSourceProvider;
import org.springframework.batch.infrastructure.item.database.JdbcBatchItemWriter;
import org.springframework.batch.infrastructure.item.database.builder.JdbcBatchItemWriterBuilder;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The month's reference rows as the reference steps load them: batched inserts, and the month
 * emptied before a step loads it again.
 */
@Repository
class ReferenceTables {

	private final DataSource dataSource;

	private final JdbcClient jdbc;

	ReferenceTables(DataSource dataSource, JdbcClient jdbc) {
		this.dataSource = dataSource;
		this.jdbc = jdbc;
	}

	JdbcBatchItemWriter<RateCardRow> rateCardWriter() {
		return insert("""
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
	}

	/** The month's rate cards, and the refusals of their rates. */
	void clearRateCards(String month) {
		jdbc.sql("DELETE FROM rate_card WHERE billing_month = ?").param(month).update();
		jdbc.sql("DELETE FROM rate_card_refusal WHERE billing_month = ?").param(month).update();
	}

	JdbcBatchItemWriter<MarketRow> marketWriter() {
		return insert("INSERT INTO market_country (billing_month, country, market) VALUES (:month, :country, :market)",
				row -> new MapSqlParameterSource().addValue("month", row.month())
					.addValue("country", row.country())
					.addValue("market", row.market()));
	}

	void clearMarkets(String month) {
		jdbc.sql("DELETE FROM market_country WHERE billing_month = ?").param(month).update();
	}

	JdbcBatchItemWriter<FxRow> fxWriter() {
		return insert("""
				INSERT INTO fx_rate (billing_month, from_currency, to_currency, rate, source_file, source_line)
				VALUES (:month, :fromCurrency, :toCurrency, :rate, :sourceFile, :sourceLine)""",
				row -> new MapSqlParameterSource().addValue("month", row.month())
					.addValue("fromCurrency", row.fromCurrency())
					.addValue("toCurrency", row.toCurrency())
					.addValue("rate", row.rate())
					.addValue("sourceFile", row.source().file())
					.addValue("sourceLine", row.source().line()));
	}

	void clearFx(String month) {
		jdbc.sql("DELETE FROM fx_rate WHERE billing_month = ?").param(month).update();
	}

	private <T> JdbcBatchItemWriter<T> insert(String sql, ItemSqlParameterSourceProvider<T> parameters) {
		JdbcBatchItemWriter<T> writer = new JdbcBatchItemWriterBuilder<T>().dataSource(dataSource)
			.sql(sql)
			.itemSqlParameterSourceProvider(parameters)
			.build();
		writer.afterPropertiesSet();
		return writer;
	}

}
