package com.wabarecon.inbox;

import java.nio.file.Path;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.wabarecon.CloseJobParameters;
import com.wabarecon.ReconProperties;
import com.wabarecon.support.RunSteps;
import com.wabarecon.support.accounting.FileCounts;
import com.wabarecon.support.accounting.InputFileRepository;
import com.wabarecon.support.reject.RejectRepository;
import com.wabarecon.support.reject.RowSource;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.batch.core.ExitStatus;
import org.springframework.batch.core.job.JobInstance;
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
 * <p>
 * A resumed close takes the inventory again, so that the steps still to run read the files as
 * they are now, and fails, naming them, when files changed that a step it already completed
 * read ({@link InboxChanges}): that step does not run again.
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
			JobInstance close = contribution.getStepExecution().getJobExecution().getJobInstance();
			List<String> unseen = InboxChanges.unseen(inboxFiles.recorded(month), files,
					kind -> RunSteps.completed(jobRepository, close, kind.step()));
			if (!unseen.isEmpty()) {
				throw new IllegalStateException("the inbox changed after steps of this close had read it: "
						+ String.join("; ", unseen) + "; those steps do not run again when it resumes: close the month "
						+ "again with --rerun to read its files as they are now, or put the files back to resume it");
			}
			inboxFiles.replace(month, files);
			rejects.clear(month, STEP);
			List<FileCounts> unread = new ArrayList<>();
			Map<String, Long> sizes = new LinkedHashMap<>();
			Map<InboxFile.Decision, Integer> counts = new EnumMap<>(InboxFile.Decision.class);
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
		}, transactionManager).allowStartIfComplete(true).build();
	}

}
