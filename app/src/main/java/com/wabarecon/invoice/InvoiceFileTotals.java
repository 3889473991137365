package com.wabarecon.invoice;

import java.math.BigDecimal;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import com.wabarecon.CloseJobParameters;
import com.wabarecon.importing.FieldChecks;
import com.wabarecon.invoice.InvoiceLine.LineType;
import com.wabarecon.importing.InvoiceFileTieOut;
import com.wabarecon.importing.InvoiceFileTieOut.Key;
import com.wabarecon.importing.InvoiceFileTieOut.Tally;
import com.wabarecon.support.reject.RejectedRowException;
import com.wabarecon.support.reject.RowSource;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.ExitStatus;
import org.springframework.batch.core.listener.ItemReadListener;
import org.springframework.batch.core.listener.SkipListener;
import org.springframework.batch.core.listener.StepExecutionListener;
import org.springframework.batch.core.step.StepExecution;

/**
 * What the invoice step read, per file, currency and line type: every row, the sum of the
 * amounts that can be read, and of those rows the ones rejected (in read, mapping or write).
 * When the step ends they replace the month's figures ({@code invoice_file_total}), and each
 * file must tie out as read: file = loaded + rejected, per currency ({@link InvoiceFileTieOut}),
 * which the run summary shows. The reconciliation ties to these figures, never to sums of the
 * loaded lines, so a line lost after it was read cannot go unnoticed.
 * <p>
 * Each row counts once: the figures follow the step's item events, which Spring Batch gives once
 * a row (its read, or its skip in read, process or write: a chunk scanned after a skip in write
 * is written again, not read or processed again), as the file accounting counts rows. One
 * instance per step execution (step scope): a restarted step reads the folder again from the
 * top into a new one, and only a step that completed records its figures. Spring Batch registers
 * it for the read and skip events as it is a listener of those kinds too. Called on the step's
 * thread only; not thread-safe.
 */
class InvoiceFileTotals implements ItemReadListener<Object>, SkipListener<Object, Object>, StepExecutionListener {

	private static final Logger log = LoggerFactory.getLogger(InvoiceFileTotals.class);

	private static final Set<String> LINE_TYPES = Arrays.stream(LineType.values())
		.map(LineType::name)
		.collect(Collectors.toUnmodifiableSet());

	private final InvoiceFileTieOut tieOut;

	private final Map<Key, Tally> tallies = new LinkedHashMap<>();

	InvoiceFileTotals(InvoiceFileTieOut tieOut) {
		this.tieOut = tieOut;
	}

	@Override
	public void afterRead(Object item) {
		InvoiceRow row = row(item);
		if (row != null && !row.isBlank()) { // a blank row is skipped, and counted so, by the accounting
			read(row);
		}
	}

	@Override
	public void onSkipInRead(Throwable t) {
		if (t instanceof RefusedRowException refused) {
			if (refused.row() == null) {
				tally(new Key(refused.source().file(), null, null)); // refused whole: no row read
			}
			else {
				read(refused.row());
				rejected(refused.row());
			}
		}
		else if (t instanceof RejectedRowException rejected) {
			// a row that cannot be parsed (wrong number of fields, bytes that are not UTF-8)
			RowSource source = rejected.source();
			Tally tally = tally(new Key(source.file(), null, null));
			tally.read(null, source.line());
			tally.rejected(null);
		}
	}

	@Override
	public void onSkipInProcess(Object item, Throwable t) {
		InvoiceRow row = row(item);
		if (row != null) {
			rejected(row);
		}
	}

	@Override
	public void onSkipInWrite(Object item, Throwable t) {
		if (item instanceof InvoiceLine line) {
			tally(new Key(line.source().file(), line.currency(), line.lineType().name())).rejected(line.amount());
		}
	}

	private void read(InvoiceRow row) {
		Key key = key(row);
		tally(key).read(amount(key, row), row.source().line());
	}

	private void rejected(InvoiceRow row) {
		Key key = key(row);
		tally(key).rejected(amount(key, row));
	}

	/** The row's amount, or {@code null} when it or its currency cannot be read. */
	private static BigDecimal amount(Key key, InvoiceRow row) {
		return key.currency() == null ? null : InvoiceLineMapper.amount(row);
	}

	/** The row's file, currency and line type, read as the mapper reads them. */
	private static Key key(InvoiceRow row) {
		String currency = row.text(InvoiceField.CURRENCY).toUpperCase(Locale.ROOT);
		if (FieldChecks.currency(InvoiceField.CURRENCY.column(), currency) != null) {
			return new Key(row.source().file(), null, null);
		}
		String lineType = row.text(InvoiceField.LINE_TYPE).toUpperCase(Locale.ROOT);
		return new Key(row.source().file(), currency, LINE_TYPES.contains(lineType) ? lineType : null);
	}

	private Tally tally(Key key) {
		return tallies.computeIfAbsent(key, k -> new Tally());
	}

	private static InvoiceRow row(Object item) {
		return item instanceof InvoiceRow invoiceRow ? invoiceRow : null;
	}

	/**
	 * Records the figures and checks each file against the lines loaded. A step that failed
	 * records nothing (its restart reads every file again); one whose files do not tie out fails,
	 * so that a restart loads the month again.
	 */
	@Override
	public ExitStatus afterStep(StepExecution stepExecution) {
		if (stepExecution.getStatus() != BatchStatus.COMPLETED) {
			return null;
		}
		String month = stepExecution.getJobParameters().getString(CloseJobParameters.MONTH);
		List<InvoiceFileTieOut.FileCheck> checks;
		try {
			tieOut.record(month, tallies);
			checks = tieOut.check(month);
		}
		catch (RuntimeException ex) {
			// Spring Batch logs and forgets what a listener throws: the step would end COMPLETED
			return failed(stepExecution, "the invoice files' figures could not be recorded: " + ex.getMessage(), ex);
		}
		String figures = checks.stream()
			.map(check -> System.lineSeparator() + "    " + check.describe())
			.collect(Collectors.joining());
		if (checks.stream().anyMatch(check -> !check.ties())) {
			String failing = checks.stream()
				.filter(check -> !check.ties())
				.map(InvoiceFileTieOut.FileCheck::describe)
				.collect(Collectors.joining("; "));
			return failed(stepExecution, "the invoice files of " + month + " do not tie out as read: " + failing, null);
		}
		return checks.isEmpty() ? null : stepExecution.getExitStatus().addExitDescription("invoice files as read:" + figures);
	}

	private static ExitStatus failed(StepExecution stepExecution, String message, Exception cause) {
		log.error("{}", message, cause);
		stepExecution.setStatus(BatchStatus.FAILED); // a restart runs the step again
		stepExecution.addFailureException(new IllegalStateException(message, cause));
		return ExitStatus.FAILED.addExitDescription(message);
	}

}
