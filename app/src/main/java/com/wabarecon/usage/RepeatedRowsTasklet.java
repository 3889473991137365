package com.wabarecon.usage;

import java.util.ArrayList;
import java.util.List;

import com.wabarecon.usage.RepeatedRows.Outcome;

import org.springframework.batch.core.ExitStatus;
import org.springframework.batch.core.scope.context.ChunkContext;
import org.springframework.batch.core.step.StepContribution;
import org.springframework.batch.core.step.tasklet.Tasklet;
import org.springframework.batch.infrastructure.repeat.RepeatStatus;

/**
 * Once the month's balance and usage exports are loaded: the rows of each that repeat a row of
 * another file are rejected ({@link RepeatedRows}), in the step's one transaction. The step counts
 * them as read and rejected; it reads nothing when every channel's rows came from one file.
 */
class RepeatedRowsTasklet implements Tasklet {

	private final RepeatedRows repeated;

	private final String month;

	private final String balanceStep;

	private final String usageStep;

	/**
	 * @param balanceStep the step that loads the balance exports, whose rejects these are
	 * @param usageStep the same for the usage exports
	 */
	RepeatedRowsTasklet(RepeatedRows repeated, String month, String balanceStep, String usageStep) {
		this.repeated = repeated;
		this.month = month;
		this.balanceStep = balanceStep;
		this.usageStep = usageStep;
	}

	@Override
	public RepeatStatus execute(StepContribution contribution, ChunkContext chunkContext) {
		Outcome balance = repeated.reject(month, UsageEstimate.BALANCE, balanceStep);
		Outcome usage = repeated.reject(month, UsageEstimate.EXPORT, usageStep);
		contribution.incrementReadSkipCount(balance.rows() + usage.rows());
		List<String> found = new ArrayList<>();
		describe(found, "balance export", "period", balance);
		describe(found, "usage export", "row", usage);
		contribution.setExitStatus(ExitStatus.COMPLETED.addExitDescription(found.isEmpty()
				? "every channel's rows came from one file: no row compared" : String.join("; ", found)));
		return RepeatStatus.FINISHED;
	}

	/** "usage export rows of 2 channels came from more than one file: 3 rows repeating another file's rejected (in 1 file)" */
	private static void describe(List<String> found, String kind, String row, Outcome outcome) {
		if (outcome.channels() == 0) {
			return;
		}
		found.add(kind + " " + row + "s of " + plural(outcome.channels(), "channel") + " came from more than one file: "
				+ plural(outcome.rows(), row) + " repeating another file's rejected (in " + plural(outcome.files(), "file")
				+ ")");
	}

	private static String plural(long count, String noun) {
		return count + " " + noun + (count == 1 ? "" : "s");
	}

}
