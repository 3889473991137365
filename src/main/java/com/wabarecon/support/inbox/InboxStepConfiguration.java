package com.wabarecon.support.inbox;

import java.nio.file.Path;
import java.time.YearMonth;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.wabarecon.CloseJobParameters;
import com.wabarecon.ReconProperties;
import com.wabarecon.support.accounting.FileCounts;
import com.wabarecon.support.accounting.InputFileRepository;
import com.wabarecon.support.reject.RejectRepository;
import com.wabarecon.support.reject.RowSource;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.batch.core.ExitStatus;
import org.springframework.batch.core.job.parameters.JobParameters;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.core.step.Step;
import org.springframework.batch.core.step.builder.StepBuilder;
import org.springframework.batch.infrastructure.repeat.RepeatStatus;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.transaction.PlatformTransactionManager;

/**
 * The close's first step: the month's inbox inventory ({@link InboxInventory}). Every file the
 * close does not read, or refuses whole, is recorded as a reject (the rejects file) and among
 * the month's input files with the reason (the run summary), before any step reads.
 */
@Configuration
class InboxStepConfiguration {

	static final String STEP = "inboxStep";

	private static final Logger log = LoggerFactory.getLogger(InboxStepConfiguration.class);

	@Bean
	Step inboxStep(JobRepository jobRepository, PlatformTransactionManager transactionManager,
			InboxFileRepository inboxFiles, RejectRepository rejects, InputFileRepository inputFiles,
			ReconProperties properties) {
		return new StepBuilder(STEP, jobRepository).tasklet((contribution, chunkContext) -> {
			JobParameters parameters = contribution.getStepExecution().getJobParameters();
			String month = parameters.getString(CloseJobParameters.MONTH);
			Path inbox = Path.of(parameters.getString(CloseJobParameters.INBOX));
			List<InboxFile> files = InboxInventory.take(inbox, YearMonth.parse(month));
			inboxFiles.replace(month, files);
			rejects.clear(month, STEP);
			List<FileCounts> unread = new java.util.ArrayList<>();
			Map<String, Long> sizes = new LinkedHashMap<>();
			Map<InboxFile.Decision, Integer> counts = new java.util.EnumMap<>(InboxFile.Decision.class);
			for (InboxFile file : files) {
				counts.merge(file.decision(), 1, Integer::sum);
				if (file.decision() != InboxFile.Decision.READ) {
					rejects.add(month, STEP, RowSource.wholeFile(file.sourceName()), file.reason(),
							properties.importing().maxRawContentChars());
					unread.add(new FileCounts(STEP, file.sourceName(), file.sha256(), 0, 0, 0, 0, file.reason()));
					sizes.put(file.sourceName(), file.size());
					log.warn("{}: {}", file.sourceName(), file.reason());
				}
			}
			inputFiles.replace(month, STEP, unread, sizes);
			contribution.incrementWriteCount(files.size());
			contribution.setExitStatus(ExitStatus.COMPLETED.addExitDescription(files.size() + " files in the inbox: "
					+ counts.getOrDefault(InboxFile.Decision.READ, 0) + " to read, "
					+ counts.getOrDefault(InboxFile.Decision.REFUSED, 0) + " refused, "
					+ counts.getOrDefault(InboxFile.Decision.NOT_READ, 0) + " not read"));
			return RepeatStatus.FINISHED;
		}, transactionManager).build();
	}

}
