package com.wabarecon.reconciliation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

import java.math.BigDecimal;
import java.util.Map;

import com.wabarecon.CloseJobParameters;
import com.wabarecon.ReconProperties;
import com.wabarecon.rules.Tolerance;

import org.junit.jupiter.api.Test;
import org.springframework.batch.core.job.parameters.JobParameters;
import org.springframework.batch.core.job.parameters.JobParametersBuilder;

class ToleranceTests {

	static final ReconProperties.Reconciliation CONFIGURED = new ReconProperties.Reconciliation(
			new ReconProperties.Tolerance(new BigDecimal("1.00"), new BigDecimal("0.5"), new BigDecimal("5"),
					new BigDecimal("0.5")),
			Map.of("AUTHENTICATION", new ReconProperties.Tolerance(new BigDecimal("0.10"), null, new BigDecimal("2"), null),
					"voice", new ReconProperties.Tolerance(null, null, new BigDecimal("1.5"), null)));

	@Test
	void aDifferenceExactlyAtTheLimitIsTolerated() {
		Tolerance tolerance = Tolerances.of(CONFIGURED, new JobParameters()).forCategory("MARKETING");

		// amount limit max(1.00, 0.5% of 400.00 = 2.00) = 2.00; volume limit max(5, 0.5% of 2000 = 10) = 10
		assertThat(tolerance.tolerates(10, 2000, new BigDecimal("2.00"), new BigDecimal("400.00"))).isTrue();
		assertThat(tolerance.tolerates(-10, 2000, new BigDecimal("-2.00"), new BigDecimal("400.00"))).isTrue();
		assertThat(tolerance.tolerates(10, 2000, new BigDecimal("2.01"), new BigDecimal("400.00"))).isFalse();
		assertThat(tolerance.tolerates(11, 2000, new BigDecimal("2.00"), new BigDecimal("400.00"))).isFalse();
		// small lines: the absolute limits apply
		assertThat(tolerance.tolerates(5, 10, new BigDecimal("1.00"), new BigDecimal("0.40"))).isTrue();
		assertThat(tolerance.tolerates(6, 10, new BigDecimal("0.00"), new BigDecimal("0.40"))).isFalse();
	}

	@Test
	void aCategoryOverrideReplacesOnlyTheFieldsItSets() {
		Tolerance authentication = Tolerances.of(CONFIGURED, new JobParameters()).forCategory("AUTHENTICATION");

		assertThat(authentication).isEqualTo(
				new Tolerance(new BigDecimal("0.10"), new BigDecimal("0.5"), 2L, new BigDecimal("0.5")));
		assertThat(authentication.tolerates(0, 75, new BigDecimal("0.30"), new BigDecimal("0.30"))).isFalse();
		assertThat(Tolerances.of(CONFIGURED, new JobParameters())
			.forCategory("MARKETING")
			.tolerates(0, 75, new BigDecimal("0.30"), new BigDecimal("0.30"))).isTrue();
	}

	@Test
	void theRunsOptionsWinOverTheDefaultAndTheCategoryOverrides() {
		JobParameters run = new JobParametersBuilder().addString(CloseJobParameters.AMOUNT_TOLERANCE_ABS, "50", false)
			.addString(CloseJobParameters.VOLUME_TOLERANCE_ABS, "100", false)
			.toJobParameters();

		Tolerances tolerances = Tolerances.of(CONFIGURED, run);

		assertThat(tolerances.forCategory("MARKETING").amountAbs()).isEqualByComparingTo("50");
		assertThat(tolerances.forCategory("AUTHENTICATION").amountAbs()).isEqualByComparingTo("50");
		assertThat(tolerances.forCategory("AUTHENTICATION").volumeAbs()).isEqualTo(100);
		assertThat(tolerances.describe()).isEqualTo("default: amount <= max(50.00, 0.5%), volume <= max(100, 0.5%); "
				+ "AUTHENTICATION: amount <= max(50.00, 0.5%), volume <= max(100, 0.5%); "
				+ "VOICE: amount <= max(50.00, 0.5%), minutes <= max(100.0, 0.5%)");
		// 100 minutes are 1000 pulses
		assertThat(tolerances.forCategory("VOICE").volumeAbs()).isEqualTo(1000);
	}

	@Test
	void voiceVolumesAreConfiguredInMinutesAndJudgedInPulses() {
		Tolerances tolerances = Tolerances.of(CONFIGURED, new JobParameters());

		// 1.5 minutes are 15 pulses; the default amount applies
		Tolerance voice = tolerances.forCategory("VOICE");
		assertThat(voice).isEqualTo(new Tolerance(new BigDecimal("1.00"), new BigDecimal("0.5"), 15L, new BigDecimal("0.5")));
		// 0.5% of 400.0 minutes (4000 pulses) is 20 pulses, over the 15 of the absolute limit
		assertThat(voice.tolerates(20, 4000, BigDecimal.ZERO, new BigDecimal("50.00"))).isTrue();
		assertThat(voice.tolerates(21, 4000, BigDecimal.ZERO, new BigDecimal("50.00"))).isFalse();
		assertThat(tolerances.describe()).endsWith("; VOICE: amount <= max(1.00, 0.5%), minutes <= max(1.5, 0.5%)");
	}

	@Test
	void aVolumeThatIsNoWholeNumberOfItsUnitIsRefusedWhenTheRunStarts() {
		ReconProperties.Tolerance defaults = CONFIGURED.tolerance();
		var halfAMessage = new ReconProperties.Reconciliation(defaults,
				Map.of("MARKETING", new ReconProperties.Tolerance(null, null, new BigDecimal("2.5"), null)));
		var aHundredthOfAMinute = new ReconProperties.Reconciliation(defaults,
				Map.of("VOICE", new ReconProperties.Tolerance(null, null, new BigDecimal("0.25"), null)));

		assertThatIllegalStateException().isThrownBy(() -> Tolerances.of(halfAMessage, new JobParameters()))
			.withMessage("the volume tolerance of MARKETING is 2.5 messages: it must be a whole number of 0 or more");
		assertThatIllegalStateException().isThrownBy(() -> Tolerances.of(aHundredthOfAMinute, new JobParameters()))
			.withMessage("the volume tolerance of VOICE is 0.25 minutes: it must be minutes with one decimal of 0 or more");
	}

}
