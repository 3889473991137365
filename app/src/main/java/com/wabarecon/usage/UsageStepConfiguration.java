package com.wabarecon.usage;

import java.nio.file.Path;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;

import javax.sql.DataSource;

import com.wabarecon.ReconProperties;
import com.wabarecon.importing.FileShares;
import com.wabarecon.importing.ImportSteps;
import com.wabarecon.importing.MultiFileReader;
import com.wabarecon.importing.Prefetched;
import com.wabarecon.importing.PrefetchingReader;
import com.wabarecon.inbox.InboxFileRepository;
import com.wabarecon.inbox.InboxKind;
import com.wabarecon.reference.RateCards;
import com.wabarecon.support.RunSteps;
import com.wabarecon.support.accounting.FileAccounting;
import com.wabarecon.support.accounting.InputFileRepository;
import com.wabarecon.support.bulk.BulkLoader;
import com.wabarecon.support.bulk.DatabaseProduct;
import com.wabarecon.support.bulk.PreparedRow;
import com.wabarecon.support.bulk.TableStatistics;
import com.wabarecon.support.reject.RejectRepository;

import org.springframework.batch.core.configuration.annotation.StepScope;
import org.springframework.batch.core.job.builder.FlowBuilder;
import org.springframework.batch.core.job.flow.Flow;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.core.step.Step;
import org.springframework.batch.core.step.builder.StepBuilder;
import org.springframework.batch.infrastructure.item.ExecutionContext;
import org.springframework.batch.infrastructure.item.ItemStreamReader;
import org.springframework.batch.infrastructure.item.ItemWriter;
import org.springframework.batch.infrastructure.item.database.ItemSqlParameterSourceProvider;
import org.springframework.batch.infrastructure.item.database.JdbcBatchItemWriter;
import org.springframework.batch.infrastructure.item.database.builder.JdbcBatchItemWriterBuilder;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.task.SimpleAsyncTaskExecutor;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.MetaDataAccessException;
import org.springframework.transaction.PlatformTransactionManager;

/**
 * The usage stage: the reference files (rate cards, markets, FX), then, from an empty month
 * ({@code usageClearStep}), the month's legacy balance exports, webhooks and usage exports
 * (loaded without the month's index, in shares side by side), then the export rows repeated from
 * another file rejected ({@code repeatedRowsStep}), then, side by side, their statistics and the
 * webhook count. The job sees one step, {@code usageImportStep}, that runs
 * them in this order, and then prices the estimates without cost
 * ({@code estimatePricingStep}) beside the invoice import. Each step replaces what it loaded
 * before for the month. The month's index ({@code usageIndexStep}) is built before the
 * statements, the first to read the estimates by channel.
 */
@Configuration
class UsageStepConfiguration {

	static final String USAGE_EXPORTS_STEP = "usageExportsStep";

	static final String BALANCE_EXPORTS_STEP = "balanceExportsStep";

	@Bean
	Step usageImportStep(JobRepository jobRepository, Step rateCardsStep, Step marketsStep, Step fxStep,
			Step usageClearStep, Step usageExportsStep, Step repeatedRowsStep, Step usageStatisticsStep,
			Step balanceExportsStep, Step webhooksStep, Step webhookCountStep) {
		// the usage exports load last: each loading step first deletes its own source kind's rows
		// of the month, and after millions of export rows that delete would scan them all. The
		// statistics (an ANALYZE) and the webhook count (a query over the staged events) each keep
		// one PostgreSQL process busy, and neither needs the other: they run side by side.
		Flow statisticsAndCount = new FlowBuilder<Flow>("statisticsAndWebhookCount")
			.split(new SimpleAsyncTaskExecutor("usage-"))
			.add(new FlowBuilder<Flow>("statistics").start(usageStatisticsStep).build(),
					new FlowBuilder<Flow>("webhookCount").start(webhookCountStep).build())
			.build();
		// markets.csv first: a rate card's versions are checked market by market
		Flow flow = new FlowBuilder<Flow>("usageImport").start(marketsStep)
			.next(rateCardsStep)
			.next(fxStep)
			.next(usageClearStep)
			.next(balanceExportsStep)
			.next(webhooksStep)
			.next(usageExportsStep)
			.next(repeatedRowsStep)
			.next(statisticsAndCount)
			.build();
		return new StepBuilder("usageImportStep", jobRepository).flow(flow).build();
	}

	// --- usage exports and legacy balance exports -------------------------------------------

	/**
	 * The largest input: one share of its files ({@link FileShares}), parsed, mapped and encoded
	 * for the bulk load ahead, on a thread of their own, while the share loads the rows prepared
	 * before.
	 */
	@Bean
	@StepScope
	PrefetchingReader<Prefetched<JsonRow, PreparedRow<UsageEstimate>>> usageExportsReader(
			@Value("#{jobParameters['inbox']}") String inbox, @Value("#{jobParameters['month']}") String month,
			@Value("#{stepExecutionContext['" + FileShares.INDEX + "']}") Integer share,
			@Value("#{stepExecutionContext['" + FileShares.COUNT + "']}") Integer shares, ChannelLookup channels,
			UsageEstimateRepository estimates, InboxFileRepository inboxFiles, ReconProperties properties) {
		Path root = Path.of(inbox);
		List<Path> files = FileShares.of(inboxFiles.read(root, month, InboxKind.USAGE_EXPORT), share, shares);
		return PrefetchingReader.processingAhead(new MultiFileReader<>(root, files, JsonRowsReader::new),
				estimates.preparing(new UsageRowMapper(YearMonth.parse(month), channels::load)),
				properties.importing().prefetch());
	}

	/** The usage exports, in shares loaded side by side. */
	@Bean
	Step usageExportsStep(ImportSteps steps,
			PrefetchingReader<Prefetched<JsonRow, PreparedRow<UsageEstimate>>> usageExportsReader,
			UsageEstimateRepository estimates, ReconProperties properties) {
		return steps.sharedBulkStep(USAGE_EXPORTS_STEP, properties.importing().usageShares(), usageExportsReader,
				Prefetched.unwrap(), estimates.preparedWriter(), steps.newAccounting(), estimates::prepareExportLoad,
				estimates.repeatCandidatesListener(UsageEstimate.EXPORT));
	}

	@Bean
	@StepScope
	RepeatedRowsTasklet repeatedRowsTasklet(@Value("#{jobParameters['month']}") String month, JdbcClient jdbc,
			DataSource dataSource, BulkLoader loader, RejectRepository rejects, InputFileRepository inputFiles,
			ReconProperties properties) throws MetaDataAccessException {
		RepeatedRows repeated = new RepeatedRows(jdbc, dataSource, loader, rejects, inputFiles,
				properties.importing().maxRawContentChars(), DatabaseProduct.of(dataSource) == DatabaseProduct.POSTGRESQL);
		return new RepeatedRowsTasklet(repeated, month, BALANCE_EXPORTS_STEP, USAGE_EXPORTS_STEP);
	}

	/**
	 * The usage and balance export rows repeated from another file rejected, once the month's
	 * exports are in and before their statistics. A step of its own, comparing in the database
	 * once every share has loaded: its outcome does not depend on which share loaded which file
	 * first. The channels it compares are noted in the database as the rows load (not only in the
	 * loading steps' memory), so that when it fails, a restart in a new process, which does not load
	 * the exports again, finds the same rows; when it completed, a restart keeps its outcome.
	 */
	@Bean
	Step repeatedRowsStep(JobRepository jobRepository, PlatformTransactionManager transactionManager,
			RepeatedRowsTasklet repeatedRowsTasklet) {
		return new StepBuilder("repeatedRowsStep", jobRepository).tasklet(repeatedRowsTasklet, transactionManager)
			.build();
	}

	/**
	 * A run that closes the month again starts from an empty month: a step of its own, so that a
	 * restart, which goes on from the step that failed, does not empty it again.
	 */
	@Bean
	Step usageClearStep(JobRepository jobRepository, PlatformTransactionManager transactionManager,
			UsageEstimateRepository estimates) {
		return RunSteps.forTheMonth("usageClearStep", jobRepository, transactionManager, estimates::clearMonth);
	}

	/** Fresh planner statistics of the month's estimates, once the usage exports are in. */
	@Bean
	Step usageStatisticsStep(JobRepository jobRepository, PlatformTransactionManager transactionManager,
			UsageEstimateRepository estimates) {
		return RunSteps.forTheMonth("usageStatisticsStep", jobRepository, transactionManager, estimates::analyze);
	}

	/**
	 * The month's estimates index, built once after the usage exports loaded without it. Only the
	 * statements look rows up by channel (each client's days), so the job builds it just before
	 * them; every earlier step reads the month's rows whole.
	 */
	@Bean
	Step usageIndexStep(JobRepository jobRepository, PlatformTransactionManager transactionManager,
			UsageEstimateRepository estimates) {
		return RunSteps.forTheMonth("usageIndexStep", jobRepository, transactionManager, estimates::index);
	}

	@Bean
	@StepScope
	MultiFileReader<JsonRow> balanceExportsReader(@Value("#{jobParameters['inbox']}") String inbox,
			@Value("#{jobParameters['month']}") String month, InboxFileRepository inboxFiles) {
		Path root = Path.of(inbox);
		List<Path> files = inboxFiles.read(root, month, InboxKind.BALANCE_EXPORT);
		return new MultiFileReader<>(root, files, JsonRowsReader::new);
	}

	/** The balance mapper notes inconsistent totals on the files: it shares the step's accounting. */
	@Bean
	FileAccounting balanceAccounting(ImportSteps steps) {
		return steps.newAccounting();
	}

	@Bean
	@StepScope
	BalanceRowMapper balanceRowMapper(@Value("#{jobParameters['month']}") String month, ChannelLookup channels,
			FileAccounting balanceAccounting) {
		return new BalanceRowMapper(YearMonth.parse(month), channels::load, balanceAccounting);
	}

	@Bean
	Step balanceExportsStep(ImportSteps steps, MultiFileReader<JsonRow> balanceExportsReader,
			BalanceRowMapper balanceRowMapper, FileAccounting balanceAccounting, UsageEstimateRepository estimates) {
		return steps.bulkStep(BALANCE_EXPORTS_STEP, balanceExportsReader, balanceRowMapper, estimates.groupWriter(),
				balanceAccounting, month -> estimates.deleteMonth(month, UsageEstimate.BALANCE),
				estimates.repeatCandidatesListener(UsageEstimate.BALANCE));
	}

	// --- webhooks -------------------------------------------------------------------------

	/**
	 * This month's webhook files, the previous month's and the next month's: a message counts in
	 * the month of its first charged status in the WABA's time zone, whatever folder its statuses
	 * were stored in. Meta retries for days, so late events land in the next month's folder; and
	 * the previous month's folder holds statuses of this month's first hours (stored by UTC day)
	 * and the first status of messages whose later statuses arrived this month, which must not
	 * count again here. So each close sees every status of its month's messages, in whichever
	 * order the months are closed. Each line is parsed and mapped ahead, as the usage exports are.
	 */
	@Bean
	@StepScope
	PrefetchingReader<Prefetched<TextLine, WebhookEvents>> webhooksReader(
			@Value("#{jobParameters['inbox']}") String inbox, @Value("#{jobParameters['month']}") String month,
			ChannelLookup channels, InboxFileRepository inboxFiles, ReconProperties properties) {
		Path root = Path.of(inbox);
		YearMonth closing = YearMonth.parse(month);
		List<Path> files = inboxFiles.read(root, month, InboxKind.WEBHOOKS);
		return PrefetchingReader.processingAhead(new MultiFileReader<>(root, files, NdjsonLineReader::new),
				new WebhookLineMapper(closing, channels::load), properties.importing().prefetch());
	}

	@Bean
	@StepScope
	ItemWriter<WebhookEvents> webhookEventsWriter(@Value("#{jobParameters['month']}") String month,
			WebhookEventRepository events) {
		return events.writer(month);
	}

	@Bean
	Step webhooksStep(ImportSteps steps, PrefetchingReader<Prefetched<TextLine, WebhookEvents>> webhooksReader,
			ItemWriter<WebhookEvents> webhookEventsWriter, WebhookEventRepository events) {
		return steps.bulkStep("webhooksStep", webhooksReader, Prefetched.unwrap(), webhookEventsWriter,
				steps.newAccounting(), events::deleteMonth);
	}

	@Bean
	@StepScope
	WebhookCountTasklet webhookCountTasklet(@Value("#{jobParameters['month']}") String month,
			WebhookEventRepository events) {
		return new WebhookCountTasklet(events, YearMonth.parse(month));
	}

	@Bean
	Step webhookCountStep(JobRepository jobRepository, PlatformTransactionManager transactionManager,
			WebhookCountTasklet webhookCountTasklet) {
		return new StepBuilder("webhookCountStep", jobRepository).tasklet(webhookCountTasklet, transactionManager)
			.build();
	}

	// --- pricing --------------------------------------------------------------------------

	@Bean
	@StepScope
	EstimatePricingTasklet estimatePricingTasklet(@Value("#{jobParameters['month']}") String month, JdbcClient jdbc,
			JdbcTemplate jdbcTemplate, TableStatistics statistics, PricedCosts pricedCosts, RateCards rateCards) {
		return new EstimatePricingTasklet(jdbc, jdbcTemplate, statistics, pricedCosts, rateCards,
				YearMonth.parse(month));
	}

	@Bean
	PricedCosts pricedCosts(JdbcClient jdbc, DataSource dataSource) throws MetaDataAccessException {
		return new PricedCosts(jdbc, DatabaseProduct.of(dataSource) == DatabaseProduct.POSTGRESQL);
	}

	@Bean
	Step estimatePricingStep(JobRepository jobRepository, PlatformTransactionManager transactionManager,
			EstimatePricingTasklet estimatePricingTasklet) {
		return new StepBuilder("estimatePricingStep", jobRepository).tasklet(estimatePricingTasklet, transactionManager)
			.build();
	}

}
