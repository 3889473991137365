package com.wabarecon.importing;

import java.util.Collection;
import java.util.function.Consumer;

import com.wabarecon.CloseJobParameters;
import com.wabarecon.ReconProperties;
import com.wabarecon.distribution.PartitionHandlers;
import com.wabarecon.distribution.WorkerSteps;
import com.wabarecon.support.ProgressLog;
import com.wabarecon.support.accounting.FileAccounting;
import com.wabarecon.support.accounting.InputFileRepository;
import com.wabarecon.support.reject.RejectRecordingListener;
import com.wabarecon.support.reject.RejectRepository;
import com.wabarecon.support.reject.RejectedRowException;

import org.springframework.batch.core.listener.ChunkListener;
import org.springframework.batch.core.listener.ItemProcessListener;
import org.springframework.batch.core.listener.ItemReadListener;
import org.springframework.batch.core.listener.ItemWriteListener;
import org.springframework.batch.core.listener.StepExecutionListener;
import org.springframework.batch.core.partition.support.DefaultStepExecutionAggregator;
import org.springframework.batch.core.partition.support.SimpleStepExecutionSplitter;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.core.step.Step;
import org.springframework.batch.core.step.StepExecution;
import org.springframework.batch.core.step.builder.StepBuilder;
import org.springframework.batch.infrastructure.item.ItemProcessor;
import org.springframework.batch.infrastructure.item.ItemReader;
import org.springframework.batch.infrastructure.item.ItemWriter;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;

/**
 * Builds the chunk-oriented steps of the import stage the same way: a row that throws
 * {@link RejectedRowException} in read, process or write, or whose value the database refuses,
 * is skipped (without limit) and recorded in the month's rejects; any other exception fails
 * the step; every file's rows are counted ({@link FileAccounting}); progress is logged. A
 * restarted close skips the steps that completed; the one that failed reads its inputs again
 * from the top, so its writer (or {@code clearMonth}) must replace, not add.
 */
@Component
public class ImportSteps {

	private final JobRepository jobRepository;

	private final PlatformTransactionManager transactionManager;

	private final RejectRepository rejects;

	private final InputFileRepository inputFiles;

	private final ReconProperties.Import settings;

	private final PartitionHandlers partitions;

	private final WorkerSteps workerSteps;

	ImportSteps(JobRepository jobRepository, PlatformTransactionManager transactionManager, RejectRepository rejects,
			InputFileRepository inputFiles, ReconProperties properties, PartitionHandlers partitions,
			WorkerSteps workerSteps) {
		this.jobRepository = jobRepository;
		this.partitions = partitions;
		this.workerSteps = workerSteps;
		this.transactionManager = transactionManager;
		this.rejects = rejects;
		this.inputFiles = inputFiles;
		this.settings = properties.importing();
	}

	public <I, O> Step step(String name, ItemReader<I> reader, ItemProcessor<I, O> processor, ItemWriter<O> writer) {
		return step(name, reader, processor, writer, newAccounting(), null);
	}

	/** A new accounting, for a step whose components also report to it (a note on a file). */
	public FileAccounting newAccounting() {
		return new FileAccounting(inputFiles);
	}

	/**
	 * @param accounting the accounting the step's components report to
	 * @param clearMonth removes what an earlier run of the step loaded for the month (given as
	 * {@code YYYY-MM}), before the step reads; {@code null} when the writer replaces by itself
	 */
	public <I, O> Step step(String name, ItemReader<I> reader, ItemProcessor<I, O> processor, ItemWriter<O> writer,
			FileAccounting accounting, Consumer<String> clearMonth) {
		return step(name, settings.chunkSize(), reader, processor, writer, accounting, clearMonth);
	}

	/**
	 * A step over one of the month's large inputs (usage, webhooks, the invoice): larger
	 * chunks, since each chunk is a commit and a commit waits for the disk.
	 *
	 * @param listeners more listeners of the step: a reader's own, when it reads through another
	 */
	public <I, O> Step bulkStep(String name, ItemReader<I> reader, ItemProcessor<I, O> processor,
			ItemWriter<O> writer, FileAccounting accounting, Consumer<String> clearMonth,
			StepExecutionListener... listeners) {
		return step(name, settings.bulkChunkSize(), reader, processor, writer, accounting, clearMonth, listeners);
	}

	/**
	 * A bulk step whose files are loaded in {@code shares} side by side, each share a partition
	 * of its own ({@link FileShares}) on a thread and a database connection of its own (or on a
	 * worker, in a distributed close): one
	 * COPY keeps one PostgreSQL process busy and leaves it idle while the step's thread takes
	 * the next chunk's rows, so shares side by side keep the cores busy. The reader, a step-scoped bean,
	 * reads its share's files (the execution context's {@link FileShares#INDEX} and
	 * {@link FileShares#COUNT}).
	 * <p>
	 * Before the shares start, the step clears the month once for all of them (its rows, rejects
	 * and file counts); the shares record under the step's name. A restart clears again and loads
	 * every share, the ones that completed too, as the other import steps read their files again
	 * from the top.
	 *
	 * @param listeners more listeners of the step as a whole (not of each share): told before the
	 * shares start and after they all ended
	 */
	public <I, O> Step sharedBulkStep(String name, int shares, ItemReader<I> reader, ItemProcessor<I, O> processor,
			ItemWriter<O> writer, FileAccounting accounting, Consumer<String> clearMonth,
			StepExecutionListener... listeners) {
		// a share reads its files from the top: the month is cleared once, for all shares, before they start
		Step share = workerSteps.register(
				step(name + "Share", settings.bulkChunkSize(), reader, processor, writer, accounting, null), false);
		StepExecutionListener clear = new StepExecutionListener() {
			@Override
			public void beforeStep(StepExecution stepExecution) {
				String month = stepExecution.getJobParameters().getString(CloseJobParameters.MONTH);
				rejects.clear(month, name);
				inputFiles.clear(month, name);
				clearMonth.accept(month);
			}
		};
		// a restarted step has cleared the month: every share loads again, the completed ones too
		FileShares files = new FileShares();
		SimpleStepExecutionSplitter splitter = new SimpleStepExecutionSplitter(jobRepository, name, files);
		splitter.setAllowStartIfComplete(true);
		var builder = new StepBuilder(name, jobRepository).partitioner(name, files)
			.splitter(splitter)
			.partitionHandler(partitions.handler(share, shares, shares))
			.aggregator(ImportSteps::aggregate)
			.listener(clear);
		for (StepExecutionListener listener : listeners) {
			builder.listener(listener);
		}
		return builder.build();
	}

	/** The shares' counts, and their skip reasons for the run summary, added up in the step. */
	private static void aggregate(StepExecution step, Collection<StepExecution> shares) {
		new DefaultStepExecutionAggregator().aggregate(step, shares);
		SkipReasons.addUp(step, shares);
	}

	private <I, O> Step step(String name, int chunkSize, ItemReader<I> reader, ItemProcessor<I, O> processor,
			ItemWriter<O> writer, FileAccounting accounting, Consumer<String> clearMonth,
			StepExecutionListener... listeners) {
		var rejectListener = new RejectRecordingListener(rejects, settings.maxRawContentChars());
		var progress = new ProgressLog();
		StepExecutionListener clear = new StepExecutionListener() {
			@Override
			public void beforeStep(StepExecution stepExecution) {
				// a restart reads from the top again: the skips counted by the failed run go
				SkipReasons.forget(stepExecution.getExecutionContext());
				if (clearMonth != null) {
					clearMonth.accept(stepExecution.getJobParameters().getString(CloseJobParameters.MONTH));
				}
			}
		};
		var builder = new StepBuilder(name, jobRepository).<I, O>chunk(chunkSize)
			.transactionManager(transactionManager)
			.reader(reader)
			.processor(processor)
			.writer(writer)
			.faultTolerant()
			.skip(RejectedRowException.class)
			// a value the database refuses (too long for its column, say) rejects that row only
			.skip(DataIntegrityViolationException.class)
			.skipLimit(Long.MAX_VALUE)
			.skipListener(rejectListener)
			.listener(clear)
			.listener((StepExecutionListener) progress)
			.listener((ChunkListener<Object, Object>) progress)
			.listener((StepExecutionListener) rejectListener)
			.skipListener(accounting)
			.listener((StepExecutionListener) accounting)
			.listener((ItemReadListener<Object>) accounting)
			.listener((ItemProcessListener<Object, Object>) accounting)
			.listener((ItemWriteListener<Object>) accounting);
		for (StepExecutionListener listener : listeners) {
			builder.listener(listener);
		}
		return builder.build();
	}

}
