package com.wabarecon.reconciliation;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;

import com.wabarecon.importing.InvoiceFileTieOut;
import com.wabarecon.rules.TieOutCheck;

import org.springframework.batch.core.ExitStatus;
import org.springframework.batch.core.scope.context.ChunkContext;
import org.springframework.batch.core.step.StepContribution;
import org.springframework.batch.core.step.tasklet.Tasklet;
import org.springframework.batch.infrastructure.repeat.RepeatStatus;

/**
 * Fails the close when the lines do not tie out to their inputs, with the figures in the
 * message; otherwise records the checks and the lines per status for the summary.
 */
class TieOutTasklet implements Tasklet {

	static final String TIE_OUT_KEY = "tieOut";

	static final String ESTIMATE_TOTALS_KEY = "estimateTotals";

	/** Lines whose estimate cannot be known until someone adds a rate: FX or rate card. */
	private static final Map<String, String> NEEDS_ATTENTION = new TreeMap<>(Map.of("UNPRICED",
			"estimates without a rate in the rate card: add it and close again with --rerun", "CURRENCY_MISMATCH",
			"estimates in a currency without an agreed FX rate, or invoiced in two currencies"));

	private final TieOut tieOut;

	private final String month;

	private final String client;

	private final ReconLineRepository lines;

	private final String loadedEstimates;

	/**
	 * @param loadedEstimates the estimates loaded as {@code estimateTotalsStep} promoted them
	 * ({@link TieOut#format})
	 */
	TieOutTasklet(TieOut tieOut, ReconLineRepository lines, String month, String client, String loadedEstimates) {
		this.tieOut = tieOut;
		this.lines = lines;
		this.month = month;
		this.client = client;
		this.loadedEstimates = loadedEstimates;
	}

	@Override
	public RepeatStatus execute(StepContribution contribution, ChunkContext chunkContext) {
		if (loadedEstimates == null) {
			throw new IllegalStateException("the tie-out of " + month + " has no estimate totals: estimateTotalsStep runs before it");
		}
		Map<String, BigDecimal> loaded = TieOut.parse(loadedEstimates);
		TieOut.Result result = tieOut.check(month, client, loaded);
		List<TieOutCheck> checks = result.all();
		List<TieOutCheck> failing = checks.stream().filter(check -> !check.ties()).toList();
		if (!failing.isEmpty()) {
			throw new IllegalStateException("the reconciliation of " + month + " does not tie out: "
					+ describe(failing) + "; the other checks hold: "
					+ describe(checks.stream().filter(TieOutCheck::ties).toList()));
		}
		// the invoice files' figures are listed by the invoice step's summary, and in the workbook
		long files = result.files().stream().map(InvoiceFileTieOut.FileCheck::file).distinct().count();
		Map<String, Long> perStatus = new TreeMap<>();
		lines.statusCounts(month, client).forEach((status, count) -> perStatus.put(status.name(), count));
		String statuses = perStatus.entrySet().stream().map(e -> e.getValue() + " " + e.getKey())
			.collect(Collectors.joining(", "));
		String attention = NEEDS_ATTENTION.entrySet().stream().filter(e -> perStatus.containsKey(e.getKey()))
			.map(e -> perStatus.get(e.getKey()) + " " + e.getKey() + " (" + e.getValue() + ")")
			.collect(Collectors.joining(", "));
		// kept for the partner workbook, one check a line: the report does not sum the month again
		contribution.getStepExecution()
			.getExecutionContext()
			.putString(TIE_OUT_KEY, checks.stream().map(TieOutCheck::describe).collect(Collectors.joining("\n")));
		contribution.setExitStatus(ExitStatus.COMPLETED.addExitDescription("lines: " + statuses
				+ (attention.isEmpty() ? "" : System.lineSeparator() + "    NEEDS ATTENTION: " + attention)
				+ System.lineSeparator() + "    tied out: " + describe(result.perCurrency())
				+ (files == 0 ? "" : "; " + files + (files == 1 ? " invoice file" : " invoice files")
						+ " as read = loaded + rejected")));
		return RepeatStatus.FINISHED;
	}

	private static String describe(List<? extends TieOutCheck> checks) {
		return checks.stream().map(TieOutCheck::describe).collect(Collectors.joining("; "));
	}

}
