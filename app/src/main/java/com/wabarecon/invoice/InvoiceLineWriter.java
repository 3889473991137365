package com.wabarecon.invoice;

import com.wabarecon.CloseJobParameters;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.batch.core.ExitStatus;
import org.springframework.batch.core.listener.StepExecutionListener;
import org.springframework.batch.core.step.StepExecution;
import org.springframework.batch.infrastructure.item.Chunk;
import org.springframework.batch.infrastructure.item.ItemWriter;

/**
 * Loads invoice lines (through the bulk loader) and keeps the month's invoice whole: before the
 * step reads, it deletes the month's lines and file figures, so that importing again, or a
 * restart reading the folder again from the top, replaces rather than adds. Spring Batch
 * registers a writer that is a {@link StepExecutionListener} as one. One step at a time; not
 * thread-safe.
 */
class InvoiceLineWriter implements ItemWriter<InvoiceLine>, StepExecutionListener {

	private static final Logger log = LoggerFactory.getLogger(InvoiceLineWriter.class);

	private final ItemWriter<InvoiceLine> delegate;

	private final InvoiceRepository invoices;

	InvoiceLineWriter(ItemWriter<InvoiceLine> delegate, InvoiceRepository invoices) {
		this.delegate = delegate;
		this.invoices = invoices;
	}

	@Override
	public void beforeStep(StepExecution stepExecution) {
		invoices.deleteMonth(month(stepExecution));
	}

	@Override
	public void write(Chunk<? extends InvoiceLine> lines) throws Exception {
		delegate.write(lines);
	}

	@Override
	public ExitStatus afterStep(StepExecution stepExecution) {
		invoices.analyze();
		log.info("invoice {}: {} lines loaded", month(stepExecution), stepExecution.getWriteCount());
		return null;
	}

	private static String month(StepExecution stepExecution) {
		return stepExecution.getJobParameters().getString(CloseJobParameters.MONTH);
	}

}
