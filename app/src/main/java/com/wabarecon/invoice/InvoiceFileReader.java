package com.wabarecon.invoice;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

import com.wabarecon.ReconProperties;
import com.wabarecon.support.MonthFolders;
import com.wabarecon.support.accounting.FileAccounting;
import com.wabarecon.support.reject.InputFileException;
import com.wabarecon.support.reject.RejectedRowException;
import com.wabarecon.support.reject.RowSource;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.batch.core.ExitStatus;
import org.springframework.batch.core.listener.StepExecutionListener;
import org.springframework.batch.core.step.StepExecution;
import org.springframework.batch.infrastructure.item.ExecutionContext;
import org.springframework.batch.infrastructure.item.ItemStreamReader;

/**
 * Reads every invoice file of the month ({@code <inbox>/<month>/invoice/*.csv, *.xlsx}) in
 * file-name order, as one stream of rows.
 * <p>
 * Each file is read twice. The first pass, streaming like the second, looks only at the
 * billing periods (and, on the way, proves the file readable to its end): a file with any line
 * of another month is refused whole, because a partial invoice would reconcile wrongly. The
 * second pass returns the rows; those of a refused file come back as rejects, each saying why,
 * so that nothing of it is loaded and every row is accounted for. A file that cannot be used
 * at all (unreadable, no usable header) is one reject naming the file and the problem. Either
 * way the file gets a note in the accounting, and the other files load. A month without
 * invoice files imports nothing and says so. Spring Batch registers this reader as a step
 * listener (it is one) for that.
 * <p>
 * Keeps no restart state: a restarted step reads the folder again from the top, after the
 * writer has deleted what the failed attempt loaded. Not thread-safe.
 */
class InvoiceFileReader implements ItemStreamReader<InvoiceRow>, StepExecutionListener {

	private static final Logger log = LoggerFactory.getLogger(InvoiceFileReader.class);

	private final Path inbox;

	private final String month;

	private final ClosedMonth closedMonth;

	private final ReconProperties.Invoice settings;

	private final InvoiceHeader header;

	private final FileAccounting accounting;

	private final List<Path> files;

	private int nextFile;

	private InvoiceRows current;

	private String currentName;

	/** Why the month has no invoice to import, when it has none. */
	private String noInvoice;

	/** Why the current file is refused, when it is: each of its rows is rejected with it. */
	private String refusal;

	/** @param files the month's invoice files, in name order (the inbox inventory's) */
	InvoiceFileReader(Path inbox, String month, List<Path> files, ReconProperties.Invoice settings,
			FileAccounting accounting) {
		this.inbox = inbox;
		this.month = month;
		this.closedMonth = ClosedMonth.of(month);
		this.files = files;
		this.settings = settings;
		this.header = new InvoiceHeader(settings.columns());
		this.accounting = accounting;
	}

	@Override
	public void open(ExecutionContext executionContext) {
		Path folder = MonthFolders.inboxFolder(inbox, month, "invoice");
		nextFile = 0;
		noInvoice = null;
		if (!Files.isDirectory(folder)) {
			noInvoice(folder, "no invoice folder");
		}
		else if (files.isEmpty()) {
			noInvoice(folder, "no *.csv or *.xlsx file to read in the invoice folder");
		}
	}

	/**
	 * A month may have no invoice yet: said in the log and the step's exit description, not in
	 * the accounting, which lists files that exist.
	 */
	private void noInvoice(Path folder, String why) {
		noInvoice = sourceName(folder) + "/: " + why + ": no invoice imported for " + month;
		log.warn("{}", noInvoice);
	}

	@Override
	public ExitStatus afterStep(StepExecution stepExecution) {
		return noInvoice == null ? null : stepExecution.getExitStatus().addExitDescription(noInvoice);
	}

	@Override
	public InvoiceRow read() {
		while (true) {
			if (current == null && !openNextFile()) {
				return null;
			}
			InvoiceRow row;
			try {
				row = current.next();
			}
			catch (FileRefusedException ex) {
				// the first pass read this file to its end, so it changed since: start again
				closeCurrent();
				throw new InputFileException(ex.getMessage() + " (the file changed while it was read?)", ex);
			}
			if (row == null) {
				closeCurrent();
				continue;
			}
			if (refusal != null && !row.isBlank()) {
				throw RefusedRowException.row(row, refusal);
			}
			return row;
		}
	}

	/** Opens the next file for the second pass; false when there is none. */
	private boolean openNextFile() {
		if (nextFile >= files.size()) {
			return false;
		}
		Path file = files.get(nextFile++);
		currentName = sourceName(file);
		try {
			refusal = firstPeriodProblem(file);
			current = rows(file);
		}
		catch (FileRefusedException ex) {
			accounting.note(currentName, "refused: " + ex.getMessage());
			log.warn("{}", ex.getMessage());
			throw RefusedRowException.wholeFile(ex.source(), ex.getMessage());
		}
		if (refusal != null) {
			accounting.note(currentName, "refused, nothing loaded: " + refusal);
			log.warn("{}: refused, nothing loaded: {}", currentName, refusal);
		}
		return true;
	}

	/**
	 * The first pass: the first line of another billing period, or {@code null}. Reads to the
	 * end even then, so that a file that breaks half-way is refused before any of it loads.
	 */
	private String firstPeriodProblem(Path file) {
		String first = null;
		try (InvoiceRows rows = rows(file)) {
			while (true) {
				InvoiceRow row;
				try {
					row = rows.next();
				}
				catch (RejectedRowException ex) {
					continue; // the second pass rejects it
				}
				catch (InputFileException ex) {
					throw new FileRefusedException(RowSource.wholeFile(currentName), ex.getMessage(), ex);
				}
				if (row == null) {
					return first;
				}
				if (first == null) {
					first = closedMonth.problem(row.text(InvoiceField.PERIOD_START), row.text(InvoiceField.PERIOD_END));
				}
			}
		}
	}

	private InvoiceRows rows(Path file) {
		String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
		if (name.endsWith(".xlsx")) {
			return new XlsxInvoiceRows(file, currentName, header, settings.sheet(), settings.maxTitleRows());
		}
		return new CsvInvoiceRows(file, currentName, header, settings.maxTitleRows());
	}

	/** The file's name relative to the inbox, as rejects and accounting name it. */
	private String sourceName(Path file) {
		return inbox.relativize(file).toString().replace(file.getFileSystem().getSeparator(), "/");
	}

	private void closeCurrent() {
		if (current != null) {
			current.close();
			current = null;
		}
		refusal = null;
	}

	@Override
	public void close() {
		closeCurrent();
	}

}
