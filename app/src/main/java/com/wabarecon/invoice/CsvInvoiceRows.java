package com.wabarecon.invoice;

import java.nio.file.Path;

import com.wabarecon.support.csv.CsvHeader;
import com.wabarecon.support.csv.CsvRecord;
import com.wabarecon.support.csv.CsvRecordReader;
import com.wabarecon.support.reject.InputFileException;
import com.wabarecon.support.reject.RowSource;

import org.springframework.batch.infrastructure.item.ExecutionContext;

/**
 * The rows of a CSV invoice, through the shared {@link CsvRecordReader} (byte order mark,
 * separators, quoted fields over several lines, bad rows rejected); the header may stand below
 * title lines and name the fields by their aliases. Not thread-safe.
 */
final class CsvInvoiceRows implements InvoiceRows {

	private final CsvRecordReader reader;

	private final InvoiceHeader invoiceHeader;

	private CsvHeader header;

	private int[] positions;

	CsvInvoiceRows(Path file, String sourceName, InvoiceHeader invoiceHeader, int maxTitleRows) {
		this.invoiceHeader = invoiceHeader;
		this.reader = new CsvRecordReader(file, sourceName, candidate -> invoiceHeader.missing(candidate.names()),
				maxTitleRows);
		try {
			reader.open(new ExecutionContext());
		}
		catch (InputFileException ex) {
			reader.close();
			throw new FileRefusedException(RowSource.wholeFile(sourceName), ex.getMessage(), ex);
		}
	}

	@Override
	public InvoiceRow next() {
		CsvRecord record = reader.read();
		if (record == null) {
			return null;
		}
		if (record.header() != header) {
			header = record.header();
			positions = invoiceHeader.positions(header.names());
		}
		return new InvoiceRow(record.source(), InvoiceRow.pick(positions, record.values()));
	}

	@Override
	public void close() {
		reader.close();
	}

}
