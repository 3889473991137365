package com.wabarecon.invoice;

import java.nio.file.Path;

import com.wabarecon.ReconProperties;
import com.wabarecon.importing.ImportSteps;
import com.wabarecon.inbox.InboxFileRepository;
import com.wabarecon.inbox.InboxKind;
import com.wabarecon.importing.InvoiceFileTieOut;
import com.wabarecon.support.accounting.FileAccounting;
import com.wabarecon.support.accounting.InputFileRepository;
import com.wabarecon.support.bulk.BulkLoader;

import org.springframework.batch.core.configuration.annotation.StepScope;
import org.springframework.batch.core.step.Step;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The invoice stage: every CSV and XLSX file in {@code <inbox>/<month>/invoice/} becomes the
 * month's invoice lines, replacing what an earlier run loaded, with what each file held as read
 * per currency and line type, which must equal the lines loaded plus the rows rejected. A file
 * that cannot be used, or is another month's invoice, is rejected whole and the others load.
 */
@Configuration
class InvoiceImportStepConfiguration {

	/** Shared by the reader, which notes refused files, and the step, which records the counts. */
	@Bean
	FileAccounting invoiceFileAccounting(InputFileRepository inputFiles) {
		return new FileAccounting(inputFiles);
	}

	@Bean
	@StepScope
	InvoiceFileReader invoiceReader(@Value("#{jobParameters['inbox']}") String inbox,
			@Value("#{jobParameters['month']}") String month, ReconProperties properties,
			FileAccounting invoiceFileAccounting, InboxFileRepository inboxFiles) {
		Path root = Path.of(inbox);
		return new InvoiceFileReader(root, month, inboxFiles.read(root, month, InboxKind.INVOICE), properties.invoice(),
				invoiceFileAccounting);
	}

	@Bean
	@StepScope
	InvoiceLineMapper invoiceLineMapper(@Value("#{jobParameters['month']}") String month,
			FileAccounting invoiceFileAccounting) {
		return new InvoiceLineMapper(month, invoiceFileAccounting);
	}

	/** What each file held as read, one per step execution: a restart counts from nothing. */
	@Bean
	@StepScope
	InvoiceFileTotals invoiceFileTotals(InvoiceFileTieOut invoiceFileTieOut) {
		return new InvoiceFileTotals(invoiceFileTieOut);
	}

	@Bean
	InvoiceLineWriter invoiceWriter(BulkLoader loader, InvoiceRepository invoices) {
		return new InvoiceLineWriter(loader.writer(InvoiceRepository.LINES), invoices);
	}


	@Bean
	Step invoiceImportStep(ImportSteps steps, InvoiceFileReader invoiceReader, InvoiceLineMapper invoiceLineMapper,
			InvoiceLineWriter invoiceWriter,
			InvoiceFileTotals invoiceFileTotals, FileAccounting invoiceFileAccounting) {
		// the writer replaces the month's invoice itself (InvoiceLineWriter.beforeStep); the reader
		// says when there is no invoice (InvoiceFileReader.afterStep); the mapper's warnings and the
		// files' figures are added when the step ends, before the accounting records the files:
		// Spring Batch calls afterStep in reverse order, and registers the reader, the processor and
		// the writer as listeners after the listeners given
		return steps.bulkStep("invoiceImportStep", invoiceReader, invoiceLineMapper, invoiceWriter,
				invoiceFileAccounting, null, invoiceFileTotals);
	}

}
