package com.wabarecon.usage;

import javax.sql.DataSource;

import org.springframework.batch.infrastructure.item.Chunk;
import org.springframework.batch.infrastructure.item.ItemWriter;
import org.springframework.batch.infrastructure.item.database.JdbcBatchItemWriter;
import org.springframework.batch.infrastructure.item.database.builder.JdbcBatchItemWriterBuilder;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.SqlParameterSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The month's estimates: each import step replaces the rows of its own source kind.
 */
@Repository
class UsageEstimateRepository {

	private static final String INSERT = """
			INSERT INTO usage_estimate (billing_month, channel_id, client_id, usage_start, local_date, country,
			    pricing_category, pricing_type, tier, volume, cost, currency, cost_source, source_kind,
			    counts_as_estimate, source_file, source_line, source_position)
			VALUES (:billingMonth, :channelId, :clientId, :usageStart, :localDate, :country, :category, :pricingType,
			    :tier, :volume, :cost, :currency, :costSource, :sourceKind, :countsAsEstimate, :sourceFile,
			    :sourceLine, :sourcePosition)""";

	private final JdbcClient jdbc;

	private final DataSource dataSource;

	UsageEstimateRepository(JdbcClient jdbc, DataSource dataSource) {
		this.jdbc = jdbc;
		this.dataSource = dataSource;
	}

	void deleteMonth(String month, String sourceKind) {
		jdbc.sql("DELETE FROM usage_estimate WHERE billing_month = ? AND source_kind = ?")
			.params(month, sourceKind)
			.update();
	}

	JdbcBatchItemWriter<UsageEstimate> writer() {
		JdbcBatchItemWriter<UsageEstimate> writer = new JdbcBatchItemWriterBuilder<UsageEstimate>()
			.dataSource(dataSource)
			.sql(INSERT)
			.itemSqlParameterSourceProvider(UsageEstimateRepository::parameters)
			.build();
		writer.afterPropertiesSet();
		return writer;
	}

	/** Writes the estimates of several source rows (a balance period gives one per category). */
	ItemWriter<EstimateGroup> groupWriter() {
		JdbcBatchItemWriter<UsageEstimate> rows = writer();
		return chunk -> {
			Chunk<UsageEstimate> flat = new Chunk<>();
			chunk.forEach(group -> flat.addAll(group.estimates()));
			rows.write(flat);
		};
	}

	static SqlParameterSource parameters(UsageEstimate e) {
		return new MapSqlParameterSource().addValue("billingMonth", e.billingMonth())
			.addValue("channelId", e.channelId())
			.addValue("clientId", e.clientId())
			.addValue("usageStart", e.usageStart())
			.addValue("localDate", e.localDate())
			.addValue("country", e.country())
			.addValue("category", e.category())
			.addValue("pricingType", e.pricingType())
			.addValue("tier", e.tier())
			.addValue("volume", e.volume())
			.addValue("cost", e.cost())
			.addValue("currency", e.currency())
			.addValue("costSource", e.costSource())
			.addValue("sourceKind", e.sourceKind())
			.addValue("countsAsEstimate", e.countsAsEstimate())
			.addValue("sourceFile", e.source().file())
			.addValue("sourceLine", e.source().line())
			.addValue("sourcePosition", e.source().position());
	}

}
