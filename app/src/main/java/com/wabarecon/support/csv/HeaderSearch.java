package com.wabarecon.support.csv;

import java.util.List;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * Finds the header of a table that may stand below title rows (an export made for people, such
 * as Meta's invoice): the first of its first {@code maxTitleRows + 1} non-blank rows that lacks
 * no required column. When none qualifies, the candidate lacking the fewest columns (the first
 * of equals) is the one a refusal names. Rows are taken only up to the header, so the caller
 * reads the data rows on from there. CSV files and XLSX invoices find and refuse a header alike
 * through this one search.
 */
public final class HeaderSearch {

	private HeaderSearch() {
	}

	/**
	 * A row offered as the header and the required columns it lacks (none for the header).
	 * @param <R> the row as its reader has it
	 */
	public record Candidate<R>(R row, List<String> missing) {

		public boolean isHeader() {
			return missing.isEmpty();
		}

		/** Why this candidate is not the header, naming the columns it has. */
		public String refusal(List<String> names) {
			return "missing required column(s) " + String.join(", ", missing) + " (the header has: "
					+ String.join(", ", names) + ")";
		}

	}

	/**
	 * The header, or when none of the rows searched is one, the closest candidate; {@code null}
	 * when the table has no non-blank row.
	 * @param nonBlankRows the table's non-blank rows in order, {@code null} after the last
	 * @param missingColumns the required columns a row lacks, as a refusal names them
	 */
	public static <R> Candidate<R> find(Supplier<R> nonBlankRows, int maxTitleRows,
			Function<R, List<String>> missingColumns) {
		Candidate<R> closest = null;
		for (int searched = 0; searched <= maxTitleRows; searched++) {
			R row = nonBlankRows.get();
			if (row == null) {
				break;
			}
			Candidate<R> candidate = new Candidate<>(row, missingColumns.apply(row));
			if (candidate.isHeader()) {
				return candidate;
			}
			if (closest == null || candidate.missing().size() < closest.missing().size()) {
				closest = candidate;
			}
		}
		return closest;
	}

}
