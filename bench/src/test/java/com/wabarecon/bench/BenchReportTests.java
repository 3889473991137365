package com.wabarecon.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

/** The report's verdicts: a target the run did not reach is not measured, never met or missed. */
class BenchReportTests {

	private static final Map<String, Long> GENERATED = Map.of("MATCHED", 10L, "OVER_INVOICED", 1L);

	@Test
	void aCloseStoppedAfterTheImportComparesNoReconciliationAndMeasuresNoStatements() {
		String text = report(Map.of(), 0, 0, 0).format();

		assertThat(text).contains("reconciliation: not run (the close stopped before it)")
			.contains("  -    import + reconciliation within 2x the floor", "  -    statements at 40/s or more")
			.doesNotContain("as generated", "MET  import", "MISS statements");
	}

	@Test
	void aWholeCloseIsHeldToEveryTarget() {
		// 30 s against a floor of 10 + 1 + 4 = 15 s: 2.00x, met; 100 statements in 4 s: 25/s, missed
		String text = report(GENERATED, 30, 100, 4).format();

		assertThat(text).contains("  as generated: yes", "MET  import + reconciliation within 2x the floor",
				"30.0 s / 15.0 s = 2.00x", "MISS statements at 40/s or more", "100 in 4.0 s = 25.0/s");
	}

	private static BenchReport report(Map<String, Long> statuses, double importAndReconcile, long statements,
			double statementSeconds) {
		Manifest manifest = new Manifest("2025-09", 1, 2, 1, 1, 1, 0, 0, 1, 10, 1024, 0, 0, 0, 0, 1, 11, 11, GENERATED,
				Map.of(), 0, 0, 0, 0, 0);
		return new BenchReport(manifest, 1.0, List.of(new StageFigures("inboxStep", 3, 0.1, 1L << 20)), 60, 1L << 30,
				1L << 29, new PsqlFloor.Result(10, 1000, 1, 11, 4, 11), statuses, importAndReconcile, statements,
				statementSeconds, "test machine", List.of());
	}

}
