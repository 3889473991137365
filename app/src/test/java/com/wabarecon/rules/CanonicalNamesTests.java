package com.wabarecon.rules;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/**
 * Categories, pricing types and country codes come out as one shared String each, however
 * the source spells them: the month's rows then hold a few objects, which later steps compare
 * by identity before they compare by content.
 */
class CanonicalNamesTests {

	@Test
	void everySpellingOfACategoryOrTypeGivesTheOneCanonicalString() {
		String marketing = Pricing.category("MARKETING");

		assertThat(marketing).isEqualTo("MARKETING");
		assertThat(Pricing.category(new String("MARKETING"))).isSameAs(marketing);
		assertThat(Pricing.category(" marketing ")).isSameAs(marketing);
		assertThat(Pricing.category("authentication-international")).isEqualTo("AUTHENTICATION_INTERNATIONAL")
			.isSameAs(Pricing.category("AUTHENTICATION_INTERNATIONAL"));
		assertThat(Pricing.type("free customer service")).isEqualTo("FREE_CUSTOMER_SERVICE")
			.isSameAs(Pricing.type(new String("FREE_CUSTOMER_SERVICE")));
	}

	@Test
	void aNameOfTheOtherKindOrNoneIsNotACategoryOrType() {
		assertThat(Pricing.category("REGULAR")).isNull();
		assertThat(Pricing.type("MARKETING")).isNull();
		assertThat(Pricing.category("CHATTING")).isNull();
		assertThat(Pricing.category(null)).isNull();
		assertThat(Pricing.type("")).isNull();
	}

	@Test
	void aCountryCodeInAnyCaseIsTheOneUpperCaseString() {
		String germany = Countries.code("DE");

		assertThat(germany).isEqualTo("DE");
		assertThat(Countries.code(new String("DE"))).isSameAs(germany);
		assertThat(Countries.code("de")).isSameAs(germany);
		assertThat(Countries.code("XX")).isNull();
		assertThat(Countries.code("DEU")).isNull();
		assertThat(Countries.code(null)).isNull();
	}

}
