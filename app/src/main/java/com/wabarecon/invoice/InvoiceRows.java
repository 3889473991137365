package com.wabarecon.invoice;

import java.io.Closeable;

import com.wabarecon.support.reject.RejectedRowException;

/**
 * The data rows of one invoice file, below its header, in file order. Opening one checks the
 * file as a whole (readable, a header naming every required field) and throws
 * {@link FileRefusedException} when it is not usable. Not thread-safe.
 */
interface InvoiceRows extends Closeable {

	/**
	 * The next row, or {@code null} after the last.
	 * @throws RejectedRowException for a row that cannot be read (the next call goes on)
	 */
	InvoiceRow next();

	@Override
	void close();

}
