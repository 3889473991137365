package com.wabarecon.support.accounting;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import com.wabarecon.CloseJobParameters;
import com.wabarecon.support.FileDigests;
import com.wabarecon.support.PartitionNames;
import com.wabarecon.support.reject.RejectedRowException;
import com.wabarecon.support.reject.SourcedItem;

import org.springframework.batch.core.ExitStatus;
import org.springframework.batch.core.listener.ItemProcessListener;
import org.springframework.batch.core.listener.ItemReadListener;
import org.springframework.batch.core.listener.ItemWriteListener;
import org.springframework.batch.core.listener.SkipListener;
import org.springframework.batch.core.listener.StepExecutionListener;
import org.springframework.batch.core.scope.context.StepContext;
import org.springframework.batch.core.scope.context.StepSynchronizationManager;
import org.springframework.batch.core.step.StepExecution;
import org.springframework.batch.infrastructure.item.Chunk;

/**
 * Counts, per input file, the rows an import step read, loaded, rejected and skipped, and
 * records them with the file's SHA-256 and size when the step ends ({@code input_file}).
 * Items name their file through {@link SourcedItem}. A file whose rows do not add up
 * ({@code read != loaded + rejected + skipped}) fails the step: a row must never vanish.
 * <p>
 * Steps are shared by every close that runs, so the counts are kept per step execution (found
 * through the thread's step context): closes of different months can run side by side.
 */
public class FileAccounting implements ItemReadListener<Object>, ItemProcessListener<Object, Object>,
		ItemWriteListener<Object>, SkipListener<Object, Object>, StepExecutionListener {

	private final InputFileRepository files;

	/** The counts and notes of one step execution. */
	private static final class Tallies {

		// synchronized: a reader that parses ahead on its own thread may note a file meanwhile
		final Map<String, long[]> counts = Collections.synchronizedMap(new LinkedHashMap<>());

		final Map<String, String> notes = Collections.synchronizedMap(new LinkedHashMap<>());

		/**
		 * The file counted last, and its counts, for the step's thread only: rows come file by
		 * file, so nearly every row is counted without a look-up in the shared map.
		 */
		String lastFile;

		long[] lastCounts;

		long[] counts(String file) {
			if (!file.equals(lastFile)) {
				lastCounts = counts.computeIfAbsent(file, f -> new long[4]);
				lastFile = file;
			}
			return lastCounts;
		}

	}

	private final Map<Long, Tallies> byExecution = new ConcurrentHashMap<>();

	/** The tallies of the step running on this thread: found once per step, not once per row. */
	private final ThreadLocal<Tallies> onThisThread = new ThreadLocal<>();

	private static final int READ = 0, LOADED = 1, REJECTED = 2, SKIPPED = 3;

	public FileAccounting(InputFileRepository files) {
		this.files = files;
	}

	@Override
	public void beforeStep(StepExecution stepExecution) {
		Tallies tallies = new Tallies();
		byExecution.put(stepExecution.getId(), tallies);
		onThisThread.set(tallies);
	}

	/** A remark on a whole file (a warning, or why it was refused), shown with its counts. */
	public void note(String sourceFile, String note) {
		Tallies tallies = current();
		tallies.notes.merge(sourceFile, note, (a, b) -> a + "; " + b);
		tallies.counts.computeIfAbsent(sourceFile, f -> new long[4]); // may be another thread: no cache
	}

	@Override
	public void afterRead(Object item) {
		if (item instanceof SourcedItem sourced) {
			tally(sourced.source().file())[READ]++;
		}
	}

	@Override
	public void afterProcess(Object item, Object result) {
		if (result == null && item instanceof SourcedItem sourced) {
			tally(sourced.source().file())[SKIPPED]++;
		}
	}

	@Override
	public void afterWrite(Chunk<?> items) {
		Tallies tallies = current();
		for (Object item : items) {
			if (item instanceof SourcedItem sourced) {
				tallies.counts(sourced.source().file())[LOADED]++;
			}
		}
	}

	@Override
	public void onSkipInRead(Throwable t) {
		if (t instanceof RejectedRowException rejected) {
			long[] tally = tally(rejected.source().file());
			tally[READ]++;
			tally[REJECTED]++;
		}
	}

	@Override
	public void onSkipInProcess(Object item, Throwable t) {
		if (item instanceof SourcedItem sourced) {
			tally(sourced.source().file())[REJECTED]++;
		}
	}

	@Override
	public void onSkipInWrite(Object item, Throwable t) {
		if (item instanceof SourcedItem sourced) {
			tally(sourced.source().file())[REJECTED]++;
		}
	}

	@Override
	public ExitStatus afterStep(StepExecution stepExecution) {
		String month = stepExecution.getJobParameters().getString(CloseJobParameters.MONTH);
		String stepName = PartitionNames.stepName(stepExecution.getStepName());
		Path inbox = Path.of(stepExecution.getJobParameters().getString(CloseJobParameters.INBOX));
		List<FileCounts> counts = new ArrayList<>();
		Map<String, Long> sizes = new LinkedHashMap<>();
		List<String> unbalanced = new ArrayList<>();
		onThisThread.remove();
		Tallies tallies = byExecution.remove(stepExecution.getId());
		Map<String, String> notes = tallies == null ? Map.of() : tallies.notes;
		Map<String, long[]> tallied = tallies == null ? Map.of() : tallies.counts;
		tallied.forEach((file, t) -> {
			Path path = inbox.resolve(file);
			counts.add(new FileCounts(stepName, file, sha256(inbox.resolve(file)), t[READ], t[LOADED], t[REJECTED],
					t[SKIPPED], notes.get(file)));
			sizes.put(file, size(path));
			if (t[READ] != t[LOADED] + t[REJECTED] + t[SKIPPED]) {
				unbalanced.add(file + " (read " + t[READ] + ", loaded " + t[LOADED] + ", rejected " + t[REJECTED]
						+ ", skipped " + t[SKIPPED] + ")");
			}
		});
		if (PartitionNames.isPartition(stepExecution.getStepName())) {
			files.add(month, stepName, counts, sizes); // the step cleared its files once, for all its shares
		}
		else {
			files.replace(month, stepName, counts, sizes);
		}
		if (!unbalanced.isEmpty()) {
			return ExitStatus.FAILED.addExitDescription("rows unaccounted for in " + String.join(", ", unbalanced));
		}
		return stepExecution.getExitStatus();
	}

	/** The counts of a file, from the step's thread. */
	private long[] tally(String file) {
		return current().counts(file);
	}

	private Tallies current() {
		Tallies tallies = onThisThread.get();
		if (tallies != null) {
			return tallies;
		}
		StepContext step = StepSynchronizationManager.getContext();
		if (step == null) {
			throw new IllegalStateException("file accounting outside of a step");
		}
		return byExecution.computeIfAbsent(step.getStepExecution().getId(), id -> new Tallies());
	}

	/** {@code null} when the file cannot be read (any more): the record then has no checksum. */
	static String sha256(Path file) {
		try {
			return FileDigests.sha256(file);
		}
		catch (IOException ex) {
			return null;
		}
	}

	private static Long size(Path file) {
		try {
			return Files.size(file);
		}
		catch (IOException ex) {
			return null;
		}
	}

}
