package com.wabarecon.usage;

import java.nio.file.Path;
import java.time.YearMonth;
import java.util.List;

import com.wabarecon.ReconProperties;
import com.wabarecon.importing.FileShares;
import com.wabarecon.importing.ImportSteps;
import com.wabarecon.importing.MultiFileReader;
import com.wabarecon.inbox.InboxFileRepository;
import com.wabarecon.inbox.InboxKind;
import com.wabarecon.support.RunSteps;
import com.wabarecon.support.accounting.FileAccounting;

import org.springframework.batch.core.configuration.annotation.StepScope;
import org.springframework.batch.core.job.builder.FlowBuilder;
import org.springframework.batch.core.job.flow.Flow;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.core.step.Step;
import org.springframework.batch.core.step.builder.StepBuilder;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.task.SimpleAsyncTaskExecutor;
import org.springframework.transaction.PlatformTransactionManager;

/**
 * The usage stage, {@code usageImportStep}: the reference files (markets, rate cards, FX), then,
 * from an empty month ({@code usageClearStep}), the legacy balance exports, the call analytics
 * exports ({@link CallStepConfiguration}), the webhooks and the usage exports (in shares side by side), the rows repeated from another file rejected, and
 * their statistics beside the webhook count. Each step replaces what it loaded before for the
 * month. The month's index ({@code usageIndexStep}) is built just before the statements, the
 * first to read the estimates by channel.
 */
@Configuration
class UsageStepConfiguration {

	static final String USAGE_EXPORTS_STEP = "usageExportsStep";

	static final String BALANCE_EXPORTS_STEP = "balanceExportsStep";

	@Bean
	Step usageImportStep(JobRepository jobRepository, Step rateCardsStep, Step marketsStep, Step fxStep,
			Step usageClearStep, Step usageExportsStep, Step repeatedRowsStep, Step usageStatisticsStep,
			Step balanceExportsStep, Step callExportsStep, Step callRepeatsStep, Step webhooksStep,
			Step webhookCountStep, Step balanceSnapshotsStep, Step fundsMovementsStep) {
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
			.next(balanceSnapshotsStep)
			.next(fundsMovementsStep)
			.next(usageClearStep)
			.next(balanceExportsStep)
			.next(callExportsStep)
			.next(callRepeatsStep)
			.next(webhooksStep)
			.next(usageExportsStep)
			.next(repeatedRowsStep)
			.next(statisticsAndCount)
			.build();
		return new StepBuilder("usageImportStep", jobRepository).flow(flow).build();
	}

	/** The largest input: one share of its files ({@link FileShares}). */
	@Bean
	@StepScope
	MultiFileReader<JsonRow> usageExportsReader(@Value("#{jobParameters['inbox']}") String inbox,
			@Value("#{jobParameters['month']}") String month,
			@Value("#{stepExecutionContext['" + FileShares.INDEX + "']}") Integer share,
			@Value("#{stepExecutionContext['" + FileShares.COUNT + "']}") Integer shares, InboxFileRepository inboxFiles) {
		Path root = Path.of(inbox);
		return new MultiFileReader<>(root,
				FileShares.of(inboxFiles.read(root, month, InboxKind.USAGE_EXPORT), share, shares), JsonRowsReader::new);
	}

	@Bean
	@StepScope
	UsageRowMapper usageRowMapper(@Value("#{jobParameters['month']}") String month, ChannelLookup channels) {
		return new UsageRowMapper(YearMonth.parse(month), channels::load);
	}

	/** The usage exports, in shares loaded side by side. */
	@Bean
	Step usageExportsStep(ImportSteps steps, MultiFileReader<JsonRow> usageExportsReader, UsageRowMapper usageRowMapper,
			UsageEstimateRepository estimates, ReconProperties properties) {
		return steps.sharedBulkStep(USAGE_EXPORTS_STEP, properties.importing().usageShares(), usageExportsReader,
				usageRowMapper, estimates.exportWriter(), steps.newAccounting(), estimates::prepareExportLoad,
				estimates.repeatCandidatesListener(UsageEstimate.EXPORT));
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

}
