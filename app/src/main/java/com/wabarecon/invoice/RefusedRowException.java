package com.wabarecon.invoice;

import com.wabarecon.support.reject.RejectedRowException;
import com.wabarecon.support.reject.RowSource;

/**
 * What the reader rejects before any row is mapped: a row of a refused file, which it carries
 * so that its amount still counts as read and rejected ({@link InvoiceFileTotals}), or, without
 * a row, the whole file, when it cannot be used at all.
 */
class RefusedRowException extends RejectedRowException {

	private final transient InvoiceRow row;

	private RefusedRowException(RowSource source, String reason, InvoiceRow row) {
		super(source, reason);
		this.row = row;
	}

	/** A row of a file refused for this reason. */
	static RefusedRowException row(InvoiceRow row, String reason) {
		return new RefusedRowException(row.source(), reason, row);
	}

	/** A file that cannot be used at all: no row of it is read. */
	static RefusedRowException wholeFile(RowSource source, String reason) {
		return new RefusedRowException(source, reason, null);
	}

	/** The refused row; {@code null} when the whole file is refused. */
	InvoiceRow row() {
		return row;
	}

}
