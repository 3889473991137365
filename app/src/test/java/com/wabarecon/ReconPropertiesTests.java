package com.wabarecon;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.util.Map;

import org.junit.jupiter.api.Test;

import org.springframework.boot.context.properties.bind.BindException;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;
import org.springframework.core.env.MapPropertySource;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.core.env.SystemEnvironmentPropertySource;

/**
 * Per-category tolerances bind under the category's canonical name however they are spelled,
 * from a YAML file or from the environment, and a key that names no category is refused rather
 * than ignored.
 */
class ReconPropertiesTests {

	@Test
	void aCategorySetFromTheEnvironmentKeepsItsCanonicalName() {
		StandardEnvironment environment = withVariable("RECON_RECONCILIATION_CATEGORIES_MARKETING_AMOUNTABS", "2.50");

		ReconProperties.Reconciliation bound = Binder.get(environment)
			.bind("recon.reconciliation", ReconProperties.Reconciliation.class)
			.get();

		assertThat(bound.categories()).containsOnlyKeys("MARKETING");
		assertThat(bound.categories().get("MARKETING").amountAbs()).isEqualByComparingTo(new BigDecimal("2.50"));
	}

	@Test
	void theEnvironmentOverridesAFilesCategoryFieldByField() {
		StandardEnvironment environment = withVariable("RECON_RECONCILIATION_CATEGORIES_AUTHENTICATION_AMOUNTABS", "0.50");
		// as application.yml sets it
		environment.getPropertySources()
			.addLast(new MapPropertySource("application.yml",
					Map.of("recon.reconciliation.categories.AUTHENTICATION.amount-abs", "0.10",
							"recon.reconciliation.categories.AUTHENTICATION.volume-abs", "2")));

		ReconProperties.Reconciliation bound = Binder.get(environment)
			.bind("recon.reconciliation", ReconProperties.Reconciliation.class)
			.get();

		assertThat(bound.categories()).containsOnlyKeys("AUTHENTICATION");
		assertThat(bound.categories().get("AUTHENTICATION").amountAbs()).isEqualByComparingTo(new BigDecimal("0.50"));
		assertThat(bound.categories().get("AUTHENTICATION").volumeAbs()).isEqualByComparingTo("2");
	}

	@Test
	void aKeyThatNamesNoCategoryIsRefused() {
		Binder binder = new Binder(new MapConfigurationPropertySource(
				Map.of("recon.reconciliation.categories.MARKETTING.amount-abs", "2.50")));

		assertThatThrownBy(() -> binder.bind("recon.reconciliation", ReconProperties.Reconciliation.class))
			.isInstanceOf(BindException.class)
			.rootCause()
			.hasMessageStartingWith("recon.reconciliation.categories.MARKETTING: 'MARKETTING' is not a pricing category "
					+ "(one of AUTHENTICATION, AUTHENTICATION_INTERNATIONAL, MARKETING, ");
	}

	/** An environment as Spring Boot reads the process's, this one holding one variable. */
	private static StandardEnvironment withVariable(String name, String value) {
		StandardEnvironment environment = new StandardEnvironment();
		environment.getPropertySources()
			.replace(StandardEnvironment.SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME,
					new SystemEnvironmentPropertySource(StandardEnvironment.SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME,
							Map.of(name, value)));
		return environment;
	}

}
