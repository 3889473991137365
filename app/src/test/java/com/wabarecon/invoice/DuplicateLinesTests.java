package com.wabarecon.invoice;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import com.wabarecon.support.reject.RowSource;

import org.junit.jupiter.api.Test;

class DuplicateLinesTests {

	static final String A = "2025-09/invoice/a.csv";

	static final String B = "2025-09/invoice/b.csv";

	final DuplicateLines seen = new DuplicateLines();

	@Test
	void identicalLinesOfOneFileAreKeptAndListedWhileARepeatInAnotherFileNamesTheFirst() {
		assertThat(check("tax", A, 7)).isNull();
		assertThat(check("usage", A, 8)).isNull();
		assertThat(check("tax", A, 9)).as("identical to line 7 of its own file").isNull();
		assertThat(check("tax", B, 2)).isEqualTo(A + " line 7");
		assertThat(check("usage", B, 3)).isEqualTo(A + " line 8");
		assertThat(check("tax", A, 9)).as("the same place again is no repeat").isNull();

		assertThat(seen.identicalLines()).containsExactly(Map.entry(A, "2 identical lines kept: lines 7 and 9 (tax)"));
	}

	@Test
	void aLargeGroupNamesItsFirstLinesAndCountsTheRest() {
		for (long line = 2; line <= 11; line++) {
			check("tax", A, line);
		}

		assertThat(seen.identicalLines())
			.containsExactly(Map.entry(A, "10 identical lines kept: lines 2, 3, 4, 5, 6 and 5 more (tax)"));
	}

	@Test
	void groupsFoundBeyondTheFirstFiveOfAFileAreCountedAndTheFiveListedInLineOrder() {
		// seven pairs of lines, the pair of lines 14 and 15 found first, that of 2 and 3 last
		for (int pair = 6; pair >= 0; pair--) {
			check("line " + pair, A, 2 + 2 * pair);
		}
		for (int pair = 6; pair >= 0; pair--) {
			check("line " + pair, A, 3 + 2 * pair);
		}

		assertThat(seen.identicalLines().get(A)).isEqualTo("2 identical lines kept: lines 6 and 7 (line 2); "
				+ "2 identical lines kept: lines 8 and 9 (line 3); 2 identical lines kept: lines 10 and 11 (line 4); "
				+ "2 identical lines kept: lines 12 and 13 (line 5); 2 identical lines kept: lines 14 and 15 (line 6); "
				+ "and 2 more groups of identical lines kept (4 lines)");
	}

	@Test
	void namesLinesAsAPersonWould() {
		assertThat(DuplicateLines.lines(java.util.List.of(7L, 8L), 2)).isEqualTo("lines 7 and 8");
		assertThat(DuplicateLines.lines(java.util.List.of(7L, 8L, 9L), 3)).isEqualTo("lines 7, 8 and 9");
		assertThat(DuplicateLines.lines(java.util.List.of(7L, 8L), 4)).isEqualTo("lines 7, 8 and 2 more");
	}

	private String check(String identity, String file, long line) {
		return seen.check(identity, RowSource.atLine(file, line, null), () -> identity);
	}

}
