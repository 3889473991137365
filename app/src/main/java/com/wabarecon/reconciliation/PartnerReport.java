package com.wabarecon.reconciliation;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;

import com.wabarecon.CloseJobParameters;
import com.wabarecon.support.MonthFolders;

import org.springframework.batch.core.job.parameters.JobParameters;

/**
 * The partner's report of the month's lines: {@code reconciliation-<month>.csv} and the
 * workbook ({@link DisputeWorkbook}), each written by a thread of its own as the lines are
 * {@linkplain #add handed} to it, in output order, into a {@code .partial} file that takes its
 * name only in {@link #finish}, once the tie-out held and the run's facts are known. The lines
 * step hands its lines as it judges them, so that most of the report is written while
 * PostgreSQL still takes the lines in; a restart after the lines step reads them back from the
 * table instead.
 */
final class PartnerReport {

	private static final List<ReconLine> END = List.of();

	private static final AtomicInteger REPORTS = new AtomicInteger();

	private final Path csv;

	private final Path xlsx;

	private final Path csvPartial;

	private final Path xlsxPartial;

	private final BlockingQueue<List<ReconLine>> toCsv = new LinkedBlockingQueue<>();

	private final BlockingQueue<List<ReconLine>> toWorkbook = new LinkedBlockingQueue<>();

	private final DisputeWorkbook workbook = DisputeWorkbook.open();

	private final ExecutorService writers;

	private final CompletableFuture<Long> csvWritten;

	private final CompletableFuture<Void> sheetsFilled;

	private PartnerReport(Path csv, Path xlsx) {
		this.csv = csv;
		this.xlsx = xlsx;
		this.csvPartial = partial(csv);
		this.xlsxPartial = partial(xlsx);
		int report = REPORTS.incrementAndGet();
		this.writers = Executors.newFixedThreadPool(2, task -> {
			Thread thread = new Thread(task, "partner-report-" + report);
			thread.setDaemon(true);
			return thread;
		});
		this.csvWritten = CompletableFuture.supplyAsync(() -> {
			try {
				return ReconciliationCsv.write(csvPartial, drain(toCsv));
			}
			catch (IOException ex) {
				throw new UncheckedIOException(ex);
			}
		}, writers);
		this.sheetsFilled = CompletableFuture.runAsync(() -> workbook.fill(drain(toWorkbook)), writers);
	}

	/** The report of the close these parameters describe, into its month's output folder. */
	static PartnerReport start(JobParameters parameters) {
		String month = parameters.getString(CloseJobParameters.MONTH);
		String client = parameters.getString(CloseJobParameters.CLIENT);
		Path folder = MonthFolders.outputFolder(Path.of(parameters.getString(CloseJobParameters.OUT)), month);
		String name = "reconciliation-" + month + (client == null ? "" : "-" + client);
		return new PartnerReport(folder.resolve(name + ".csv"), folder.resolve(name + ".xlsx"));
	}

	/**
	 * The next lines, in output order: written meanwhile by the report's threads. A close of one
	 * client builds only that client's sides, so every line it judges is the client's.
	 */
	void add(List<? extends ReconLine> lines) {
		List<ReconLine> batch = List.copyOf(lines); // the caller may reuse its list
		if (!batch.isEmpty()) {
			toCsv.add(batch);
			toWorkbook.add(batch);
		}
	}

	/**
	 * Once every line is added: waits for the writers, adds the summary and the run's facts to
	 * the workbook, and gives both files their names. Returns how many lines the report holds.
	 * A report that cannot be finished is abandoned, its partial files removed.
	 */
	long finish(DisputeWorkbook.Run run) throws IOException {
		toCsv.add(END);
		toWorkbook.add(END);
		try {
			long written = csvWritten.join();
			sheetsFilled.join();
			workbook.write(xlsxPartial, run);
			Files.move(csvPartial, csv, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
			Files.move(xlsxPartial, xlsx, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
			return written;
		}
		catch (CompletionException ex) {
			abandon();
			if (ex.getCause() instanceof UncheckedIOException io) {
				throw io.getCause();
			}
			throw ex;
		}
		catch (IOException | RuntimeException ex) {
			abandon();
			throw ex;
		}
		finally {
			writers.shutdown();
		}
	}

	/** Stops writing and removes what was written: the lines step failed, or the tie-out did. */
	void abandon() {
		toCsv.clear();
		toWorkbook.clear();
		toCsv.add(END);
		toWorkbook.add(END);
		CompletableFuture.allOf(csvWritten, sheetsFilled).exceptionally(failure -> null).join();
		writers.shutdown();
		try {
			workbook.close();
			Files.deleteIfExists(csvPartial);
			Files.deleteIfExists(xlsxPartial);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	Path csv() {
		return csv;
	}

	Path xlsx() {
		return xlsx;
	}

	private static Path partial(Path file) {
		return file.resolveSibling(file.getFileName() + ".partial");
	}

	/** The lines of a queue, batch by batch, until the end is handed. */
	private static Consumer<Consumer<ReconLine>> drain(BlockingQueue<List<ReconLine>> queue) {
		return action -> {
			try {
				for (List<ReconLine> batch = queue.take(); batch != END; batch = queue.take()) {
					batch.forEach(action);
				}
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				throw new CancellationException("interrupted");
			}
		};
	}

}
