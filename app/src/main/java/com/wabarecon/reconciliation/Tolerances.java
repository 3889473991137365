package com.wabarecon.reconciliation;

import java.math.BigDecimal;
import java.util.Map;
import java.util.TreeMap;

import com.wabarecon.CloseJobParameters;
import com.wabarecon.ReconProperties;
import com.wabarecon.rules.Pricing;
import com.wabarecon.rules.Tolerance;
import com.wabarecon.rules.Volumes;

import org.springframework.batch.core.job.parameters.JobParameters;

/**
 * The tolerances in force for one run: the configured default, then the configured override of
 * each category, then the run's own options, which win over both. Volumes are configured in
 * each line's unit (messages; minutes for {@code VOICE}) and judged in its counted one
 * ({@link Volumes}): a volume that is no whole number of the unit is refused when the run starts.
 */
final class Tolerances {

	private final ReconProperties.Tolerance defaults;

	private final Map<String, ReconProperties.Tolerance> byCategory = new TreeMap<>();

	private final Map<String, Tolerance> judged = new TreeMap<>();

	private Tolerances(ReconProperties.Tolerance defaults) {
		this.defaults = defaults;
	}

	static Tolerances of(ReconProperties.Reconciliation settings, JobParameters run) {
		ReconProperties.Tolerance configured = settings.tolerance();
		if (configured.amountAbs() == null || configured.amountPct() == null || configured.volumeAbs() == null
				|| configured.volumePct() == null) {
			throw new IllegalStateException("recon.reconciliation.tolerance must set amount-abs, amount-pct, "
					+ "volume-abs and volume-pct (application.yml)");
		}
		ReconProperties.Tolerance runs = new ReconProperties.Tolerance(
				decimal(run, CloseJobParameters.AMOUNT_TOLERANCE_ABS), decimal(run, CloseJobParameters.AMOUNT_TOLERANCE_PCT),
				decimal(run, CloseJobParameters.VOLUME_TOLERANCE_ABS), decimal(run, CloseJobParameters.VOLUME_TOLERANCE_PCT));
		Tolerances tolerances = new Tolerances(configured.overriddenBy(runs));
		settings.categories()
			.forEach((category, override) -> tolerances.byCategory.put(category,
					configured.overriddenBy(override).overriddenBy(runs)));
		// every category's volume checked now, not at the first line that needs it
		Pricing.CATEGORIES.forEach(tolerances::forCategory);
		tolerances.forCategory(Pricing.VOICE);
		return tolerances;
	}

	Tolerance forCategory(String category) {
		return judged.computeIfAbsent(category, this::judged);
	}

	private Tolerance judged(String category) {
		ReconProperties.Tolerance shown = shown(category);
		Long volumeAbs = shown.volumeAbs().signum() < 0 ? null : Volumes.counted(category, shown.volumeAbs());
		if (volumeAbs == null) {
			throw new IllegalStateException("the volume tolerance of " + category + " is "
					+ shown.volumeAbs().toPlainString() + " " + Volumes.unit(category) + ": it must be "
					+ (Volumes.inMinutes(category) ? "minutes with one decimal" : "a whole number") + " of 0 or more");
		}
		return new Tolerance(shown.amountAbs(), shown.amountPct(), volumeAbs, shown.volumePct());
	}

	private ReconProperties.Tolerance shown(String category) {
		return byCategory.getOrDefault(category, defaults);
	}

	/**
	 * "default: amount <= max(1.00, 0.5%), volume <= max(5, 0.5%); AUTHENTICATION: ...; VOICE:
	 * amount <= max(0.50, 0.5%), minutes <= max(1.0, 0.5%)"
	 */
	String describe() {
		StringBuilder text = new StringBuilder("default: ").append(describe(null, defaults));
		byCategory.forEach((category, tolerance) -> text.append("; ").append(category).append(": ")
			.append(describe(category, tolerance)));
		if (!byCategory.containsKey(Pricing.VOICE)) {
			text.append("; ").append(Pricing.VOICE).append(": ").append(describe(Pricing.VOICE, defaults));
		}
		return text.toString();
	}

	private static String describe(String category, ReconProperties.Tolerance tolerance) {
		BigDecimal volumeAbs = Volumes.inMinutes(category) ? tolerance.volumeAbs().setScale(1)
				: tolerance.volumeAbs().stripTrailingZeros();
		return "amount <= max(" + tolerance.amountAbs().setScale(Math.max(2, tolerance.amountAbs().scale())).toPlainString()
				+ ", " + tolerance.amountPct().stripTrailingZeros().toPlainString() + "%), "
				+ (Volumes.inMinutes(category) ? "minutes" : "volume") + " <= max(" + volumeAbs.toPlainString() + ", "
				+ tolerance.volumePct().stripTrailingZeros().toPlainString() + "%)";
	}

	private static BigDecimal decimal(JobParameters run, String name) {
		String value = run.getString(name);
		return value == null ? null : new BigDecimal(value);
	}

}
