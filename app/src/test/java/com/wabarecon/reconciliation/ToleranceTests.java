package com.wabarecon.reconciliation;

import static org.assertj.core.api.Assertions.assertThat;

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
			new ReconProperties.Tolerance(new BigDecimal("1.00"), new BigDecimal("0.5"), 5L, new BigDecimal("0.5")),
			Map.of("AUTHENTICATION", new ReconProperties.Tolerance(new BigDecimal("0.10"), null, 2L, null)));

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
				+ "AUTHENTICATION: amount <= max(50.00, 0.5%), volume <= max(100, 0.5%)");
	}

}
