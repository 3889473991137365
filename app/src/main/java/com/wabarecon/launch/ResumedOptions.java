package com.wabarecon.launch;

import java.math.BigDecimal;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import com.wabarecon.CloseJobParameters;

import org.springframework.batch.core.job.parameters.JobParameters;
import org.springframework.batch.core.job.parameters.JobParametersBuilder;

/**
 * The options of a close that resumes a failed run: that run's own, as recorded. The lines, files
 * and emails it produced before it failed were made with them, and what it produces after must
 * agree. An option given again with another value (a tolerance, the share of rejects allowed, the
 * inbox, the output folder, a dry run, resending) would make another close: it is refused, naming the option, and
 * {@code --rerun} starts that close from the beginning. Two options may differ: {@code --until}
 * says where the run stops, not what any stage produces, so the value given replaces the
 * recorded one; {@code --db-url} is where the run was found, recorded for the record only.
 */
final class ResumedOptions {

	private final CloseRequest request;

	private final JobParameters recorded;

	ResumedOptions(CloseRequest request, JobParameters recorded) {
		this.request = request;
		this.recorded = recorded;
	}

	/** Each option given with another value than the recorded one: "--inbox /b (recorded: /a)". */
	List<String> differences() {
		List<String> differences = new ArrayList<>();
		path(differences, "--inbox", CloseJobParameters.INBOX, request.inbox());
		path(differences, "--out", CloseJobParameters.OUT, request.out());
		flag(differences, "--dry-run", CloseJobParameters.DRY_RUN, request.dryRun());
		flag(differences, "--resend", CloseJobParameters.RESEND, request.resend());
		decimal(differences, "--amount-tolerance-pct", CloseJobParameters.AMOUNT_TOLERANCE_PCT,
				request.amountTolerancePct());
		decimal(differences, "--amount-tolerance-abs", CloseJobParameters.AMOUNT_TOLERANCE_ABS,
				request.amountToleranceAbs());
		decimal(differences, "--volume-tolerance-pct", CloseJobParameters.VOLUME_TOLERANCE_PCT,
				request.volumeTolerancePct());
		decimal(differences, "--volume-tolerance-abs", CloseJobParameters.VOLUME_TOLERANCE_ABS,
				request.volumeToleranceAbs() == null ? null : BigDecimal.valueOf(request.volumeToleranceAbs()));
		decimal(differences, "--max-reject-pct", CloseJobParameters.MAX_REJECT_PCT, request.maxRejectPct());
		return differences;
	}

	/** The recorded parameters, identifying ones included, with {@code --until} as given. */
	JobParameters parameters() {
		JobParametersBuilder parameters = new JobParametersBuilder(recorded);
		if (request.until() != null) {
			parameters.addString(CloseJobParameters.UNTIL, request.until().id(), false);
		}
		return parameters.toJobParameters();
	}

	/** An absolute, normalised path, as the options record it. */
	static String path(Path path) {
		return path.toAbsolutePath().normalize().toString();
	}

	private void path(List<String> differences, String option, String name, Path given) {
		if (given != null && !path(given).equals(recorded.getString(name))) {
			differences.add(option + " " + path(given) + " (recorded: " + recorded.getString(name) + ")");
		}
	}

	/** A flag not given keeps the recorded value: only one given where the run had it off differs. */
	private void flag(List<String> differences, String option, String name, boolean given) {
		if (given && !Boolean.parseBoolean(recorded.getString(name))) {
			differences.add(option + " (recorded: off)");
		}
	}

	/** Compared as numbers ({@code 0.5} is {@code 0.50}); an option the run was not given is the configuration's. */
	private void decimal(List<String> differences, String option, String name, BigDecimal given) {
		if (given == null) {
			return;
		}
		String value = recorded.getString(name);
		if (value == null) {
			differences.add(option + " " + given.toPlainString() + " (recorded: not given, the configuration's "
					+ (name.equals(CloseJobParameters.MAX_REJECT_PCT) ? "share" : "tolerances") + ")");
		}
		else if (new BigDecimal(value).compareTo(given) != 0) {
			differences.add(option + " " + given.toPlainString() + " (recorded: " + value + ")");
		}
	}

}
