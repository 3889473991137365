package com.wabarecon.invoice;

import java.util.Arrays;

import com.wabarecon.support.reject.RowSource;
import com.wabarecon.support.reject.SourcedItem;

/**
 * One data row of an invoice file, CSV or XLSX alike: its values as text by field (indexed by
 * {@link InvoiceField#ordinal()}; an XLSX number is its exact decimal, a date cell ISO
 * {@code yyyy-MM-dd}), and where it came from.
 */
record InvoiceRow(RowSource source, String[] values) implements SourcedItem {

	/** The field's value with surrounding spaces removed; empty when absent or blank. */
	String text(InvoiceField field) {
		String value = values[field.ordinal()];
		return value == null ? "" : value.strip();
	}

	/** A row with nothing on it: skipped, not rejected. */
	boolean isBlank() {
		return Arrays.stream(values).allMatch(value -> value == null || value.isBlank());
	}

	/** The row's values picked from a row of cells by the header's column positions. */
	static String[] pick(int[] positions, String[] cells) {
		String[] values = new String[positions.length];
		for (int i = 0; i < positions.length; i++) {
			int position = positions[i];
			values[i] = position >= 0 && position < cells.length ? cells[position] : null;
		}
		return values;
	}

}
