package com.wabarecon.reconciliation;

import java.math.BigDecimal;
import java.util.Map;
import java.util.TreeMap;

import com.wabarecon.CloseJobParameters;
import com.wabarecon.ReconProperties;
import com.wabarecon.rules.Tolerance;

import org.springframework.batch.core.job.parameters.JobParameters;

/**
 * The tolerances in force for one run: the configured default, then the configured override of
 * each category, then the run's own options, which win over both.
 */
final class Tolerances {

	private final Tolerance defaults;

	private final Map<String, Tolerance> byCategory = new TreeMap<>();

	private Tolerances(Tolerance defaults) {
		this.defaults = defaults;
	}

	static Tolerances of(ReconProperties.Reconciliation settings, JobParameters run) {
		ReconProperties.Tolerance configured = settings.tolerance();
		if (configured.amountAbs() == null || configured.amountPct() == null || configured.volumeAbs() == null
				|| configured.volumePct() == null) {
			throw new IllegalStateException("recon.reconciliation.tolerance must set amount-abs, amount-pct, "
					+ "volume-abs and volume-pct (application.yml)");
		}
		BigDecimal runAmountAbs = decimal(run, CloseJobParameters.AMOUNT_TOLERANCE_ABS);
		BigDecimal runAmountPct = decimal(run, CloseJobParameters.AMOUNT_TOLERANCE_PCT);
		String volumeAbs = run.getString(CloseJobParameters.VOLUME_TOLERANCE_ABS);
		Long runVolumeAbs = volumeAbs == null ? null : Long.valueOf(volumeAbs);
		BigDecimal runVolumePct = decimal(run, CloseJobParameters.VOLUME_TOLERANCE_PCT);

		Tolerances tolerances = new Tolerances(new Tolerance(configured.amountAbs(), configured.amountPct(),
				configured.volumeAbs(), configured.volumePct())
			.with(runAmountAbs, runAmountPct, runVolumeAbs, runVolumePct));
		settings.categories().forEach((category, override) -> tolerances.byCategory.put(category,
				tolerances.defaults.with(override.amountAbs(), override.amountPct(), override.volumeAbs(),
						override.volumePct())
					.with(runAmountAbs, runAmountPct, runVolumeAbs, runVolumePct)));
		return tolerances;
	}

	Tolerance forCategory(String category) {
		return byCategory.getOrDefault(category, defaults);
	}

	/** "default: amount <= max(1.00, 0.5%), volume <= max(5, 0.5%); AUTHENTICATION: ..." */
	String describe() {
		StringBuilder text = new StringBuilder("default: ").append(defaults.describe());
		byCategory.forEach((category, tolerance) -> text.append("; ").append(category).append(": ")
			.append(tolerance.describe()));
		return text.toString();
	}

	private static BigDecimal decimal(JobParameters run, String name) {
		String value = run.getString(name);
		return value == null ? null : new BigDecimal(value);
	}

}
