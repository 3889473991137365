package com.wabarecon.usage;

import java.nio.file.Path;
import java.time.YearMonth;

import com.wabarecon.ReconProperties;
import com.wabarecon.importing.ImportSteps;
import com.wabarecon.importing.MultiFileReader;
import com.wabarecon.inbox.InboxFileRepository;
import com.wabarecon.inbox.InboxKind;
import com.wabarecon.reference.RateCards;
import com.wabarecon.support.accounting.InputFileRepository;
import com.wabarecon.support.reject.RejectRepository;

import org.springframework.batch.core.configuration.annotation.StepScope;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.core.step.Step;
import org.springframework.batch.core.step.builder.StepBuilder;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.PlatformTransactionManager;

/**
 * The calls of the month: {@code callExportsStep} in the usage stage, the call analytics exports
 * of {@code <month>/calls/}, each data point a call estimate or a rejected row, every file
 * accounted for as the usage exports are; {@code callPricingStep} after it, beside the invoice.
 */
@Configuration
class CallStepConfiguration {

	static final String CALL_EXPORTS_STEP = "callExportsStep";

	@Bean
	@StepScope
	MultiFileReader<JsonRow> callExportsReader(@Value("#{jobParameters['inbox']}") String inbox,
			@Value("#{jobParameters['month']}") String month, InboxFileRepository inboxFiles) {
		Path root = Path.of(inbox);
		return new MultiFileReader<>(root, inboxFiles.read(root, month, InboxKind.CALL_EXPORT),
				JsonRowsReader::calls);
	}

	@Bean
	@StepScope
	CallRowMapper callRowMapper(@Value("#{jobParameters['month']}") String month, ChannelLookup channels) {
		return new CallRowMapper(YearMonth.parse(month), channels::load);
	}

	@Bean
	@StepScope
	CallPricingTasklet callPricingTasklet(@Value("#{jobParameters['month']}") String month,
			CallEstimateRepository calls, RateCards rateCards) {
		return new CallPricingTasklet(calls, rateCards, YearMonth.parse(month));
	}

	/** The calls without a cost priced with the rate card's VOICE rates, after the usage stage. */
	@Bean
	Step callPricingStep(JobRepository jobRepository, PlatformTransactionManager transactionManager,
			CallPricingTasklet callPricingTasklet) {
		return new StepBuilder("callPricingStep", jobRepository).tasklet(callPricingTasklet, transactionManager).build();
	}

	@Bean
	@StepScope
	CallRepeatsTasklet callRepeatsTasklet(@Value("#{jobParameters['month']}") String month, JdbcClient jdbc,
			RejectRepository rejects, InputFileRepository inputFiles, ReconProperties properties) {
		return new CallRepeatsTasklet(jdbc, rejects, inputFiles, properties.importing().maxRawContentChars(), month);
	}

	/** The data points repeated from another call export rejected, right after the exports load. */
	@Bean
	Step callRepeatsStep(JobRepository jobRepository, PlatformTransactionManager transactionManager,
			CallRepeatsTasklet callRepeatsTasklet) {
		return new StepBuilder("callRepeatsStep", jobRepository).tasklet(callRepeatsTasklet, transactionManager).build();
	}

	@Bean
	Step callExportsStep(ImportSteps steps, MultiFileReader<JsonRow> callExportsReader, CallRowMapper callRowMapper,
			CallEstimateRepository calls) {
		return steps.bulkStep(CALL_EXPORTS_STEP, callExportsReader, callRowMapper, calls.writer(), steps.newAccounting(),
				month -> calls.deleteMonth(month, UsageEstimate.EXPORT));
	}

}
