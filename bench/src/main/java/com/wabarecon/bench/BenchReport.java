package com.wabarecon.bench;

import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The figures of one benchmark run and the targets they are held to, printed as a person
 * reads them: per stage, then the floor, the partitions and the CPU the processes used, then
 * each target with its verdict.
 */
record BenchReport(Manifest manifest, double generateSeconds, List<StageFigures> stages, double closeSeconds,
		long maxHeapBytes, long peakHeapBytes, PsqlFloor.Result floor, Map<String, Long> statuses,
		double importAndReconcileSeconds, long statements, double statementSeconds, String machine,
		List<String> partitionsAndCpu) {

	static final double FLOOR_RATIO_TARGET = 2.0;

	static final double STATEMENTS_PER_SECOND_TARGET = 40;

	static final double CLOSE_SECONDS_TARGET = 600;

	static final long HEAP_TARGET_BYTES = 1L << 30;

	public double floorRatio() {
		return importAndReconcileSeconds / floor.totalSeconds();
	}

	public double statementsPerSecond() {
		return statementSeconds <= 0 ? 0 : statements / statementSeconds;
	}

	public boolean reconciliationAsGenerated() {
		return statuses.equals(manifest.expectedLines());
	}

	public String format() {
		StringBuilder text = new StringBuilder();
		line(text, "BENCHMARK  %s", machine);
		line(text, "generated  %,d channels, %,d clients, %,d usage rows (%,d MB), %,d webhook events, "
				+ "%,d invoice lines, in %.1f s", manifest.channels(), manifest.clients(), manifest.usageRows(),
				manifest.usageBytes() >> 20, manifest.webhookStatusEvents(), manifest.invoiceLines(), generateSeconds);
		line(text, "calls      %,d calls: %,d call export files of %,d data points, %,d call events in the webhooks",
				manifest.calls(), manifest.callFiles(), manifest.callDataPoints(), manifest.webhookCallEvents());
		line(text, "");
		line(text, "%-28s %12s %9s %12s %10s", "stage", "rows", "seconds", "rows/s", "peak heap");
		for (StageFigures stage : stages) {
			line(text, "%-28s %,12d %9.1f %,12.0f %7d MB", stage.stage(), stage.rows(), stage.seconds(),
					stage.rowsPerSecond(), stage.peakHeapBytes() >> 20);
		}
		line(text, "%-28s %12s %9.1f %12s %7d MB   (max heap %d MB)", "whole close", "", closeSeconds, "",
				peakHeapBytes >> 20, maxHeapBytes >> 20);
		line(text, "");
		line(text, "floor (psql, same rows, tables without indexes):");
		line(text, "  \\copy usage rows     %,12d rows %8.1f s %,12.0f rows/s", floor.usageRows(),
				floor.copyUsageSeconds(), floor.usageRows() / floor.copyUsageSeconds());
		line(text, "  \\copy invoice lines  %,12d rows %8.1f s", floor.invoiceRows(), floor.copyInvoiceSeconds());
		line(text, "  analyse + aggregate-and-join %,5d lines %7.1f s", floor.reconciledLines(), floor.querySeconds());
		line(text, "  floor total                            %8.1f s", floor.totalSeconds());
		line(text, "");
		// a close stopped after the import (--until import) reconciled nothing: nothing to compare
		boolean reconciled = !statuses.isEmpty();
		if (reconciled) {
			line(text, "reconciliation: %s", statuses);
			line(text, "  as generated: %s",
					reconciliationAsGenerated() ? "yes" : "NO, generated " + manifest.expectedLines());
		}
		else {
			line(text, "reconciliation: not run (the close stopped before it)");
		}
		if (!partitionsAndCpu.isEmpty()) {
			line(text, "");
			partitionsAndCpu.forEach(detail -> line(text, "%s", detail));
		}
		line(text, "");
		line(text, "targets:");
		String floorTarget = "import + reconciliation within %.0fx the floor".formatted(FLOOR_RATIO_TARGET);
		if (reconciled) {
			target(text, floorTarget,
					"%.1f s / %.1f s = %.2fx".formatted(importAndReconcileSeconds, floor.totalSeconds(), floorRatio()),
					floorRatio() <= FLOOR_RATIO_TARGET);
		}
		else {
			notMeasured(text, floorTarget);
		}
		String statementsTarget = "statements at %.0f/s or more".formatted(STATEMENTS_PER_SECOND_TARGET);
		if (statements > 0) {
			target(text, statementsTarget,
					"%,d in %.1f s = %.1f/s".formatted(statements, statementSeconds, statementsPerSecond()),
					statementsPerSecond() >= STATEMENTS_PER_SECOND_TARGET);
		}
		else {
			notMeasured(text, statementsTarget);
		}
		target(text, "whole close under %.0f min".formatted(CLOSE_SECONDS_TARGET / 60),
				"%.1f s".formatted(closeSeconds), closeSeconds < CLOSE_SECONDS_TARGET);
		target(text, "heap at most 1 GB", "max heap %d MB".formatted(maxHeapBytes >> 20),
				maxHeapBytes <= HEAP_TARGET_BYTES);
		return text.toString();
	}

	private static void target(StringBuilder text, String target, String measured, boolean met) {
		line(text, "  %-4s %-48s %s", met ? "MET" : "MISS", target, measured);
	}

	private static void notMeasured(StringBuilder text, String target) {
		line(text, "  %-4s %-48s %s", "-", target, "not measured (the close stopped before it)");
	}

	private static void line(StringBuilder text, String format, Object... args) {
		text.append(String.format(Locale.ROOT, format, args)).append('\n');
	}

}
