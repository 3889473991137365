package com.wabarecon.support.accounting;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import com.wabarecon.CloseJobParameters;
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
		current().notes.merge(sourceFile, note, (a, b) -> a + "; " + b);
		tally(sourceFile);
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
		for (Object item : items) {
			if (item instanceof SourcedItem sourced) {
				tally(sourced.source().file())[LOADED]++;
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
		Path inbox = Path.of(stepExecution.getJobParameters().getString(CloseJobParameters.INBOX));
		List<FileCounts> counts = new ArrayList<>();
		Map<String, Long> sizes = new LinkedHashMap<>();
		List<String> unbalanced = new ArrayList<>();
		onThisThread.remove();
		Tallies tallies = byExecution.remove(stepExecution.getId());
		Map<String, String> notes = tallies == null ? Map.of() : tallies.notes;
		(tallies == null ? Map.<String, long[]>of() : tallies.counts).forEach((file, t) -> {
			Path path = inbox.resolve(file);
			counts.add(new FileCounts(stepExecution.getStepName(), file, sha256(path), t[READ], t[LOADED], t[REJECTED],
					t[SKIPPED], notes.get(file)));
			sizes.put(file, size(path));
			if (t[READ] != t[LOADED] + t[REJECTED] + t[SKIPPED]) {
				unbalanced.add(file + " (read " + t[READ] + ", loaded " + t[LOADED] + ", rejected " + t[REJECTED]
						+ ", skipped " + t[SKIPPED] + ")");
			}
		});
		files.replace(month, stepExecution.getStepName(), counts, sizes);
		if (!unbalanced.isEmpty()) {
			return ExitStatus.FAILED.addExitDescription("rows unaccounted for in " + String.join(", ", unbalanced));
		}
		return stepExecution.getExitStatus();
	}

	private long[] tally(String file) {
		return current().counts.computeIfAbsent(file, f -> new long[4]);
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

	static String sha256(Path file) {
		try (InputStream in = new DigestInputStream(Files.newInputStream(file), MessageDigest.getInstance("SHA-256"))) {
			byte[] buffer = new byte[1 << 16];
			while (in.read(buffer) >= 0) {
				// reading is digesting
			}
			return HexFormat.of().formatHex(((DigestInputStream) in).getMessageDigest().digest());
		}
		catch (IOException | NoSuchAlgorithmException ex) {
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
