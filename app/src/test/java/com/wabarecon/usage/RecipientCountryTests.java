package com.wabarecon.usage;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class RecipientCountryTests {

	@Test
	void theCountryComesFromTheCallingCode() {
		assertThat(RecipientCountry.of("16505551234")).isEqualTo("US");
		assertThat(RecipientCountry.of("14165550123")).isEqualTo("CA");
		assertThat(RecipientCountry.of("919812345678")).isEqualTo("IN");
		assertThat(RecipientCountry.of("4930123456")).isEqualTo("DE");
		assertThat(RecipientCountry.of("5511987654321")).isEqualTo("BR");
		assertThat(RecipientCountry.of("35722123456")).isEqualTo("CY");
	}

	@Test
	void aNumberWithoutAKnownCallingCodeHasNoCountry() {
		assertThat(RecipientCountry.of("")).isNull();
		assertThat(RecipientCountry.of(null)).isNull();
		assertThat(RecipientCountry.of("999123")).isNull();
	}

	@Test
	void anIdWithLettersOrTooFewDigitsIsNoPhoneNumber() {
		assertThat(RecipientCountry.of("group.123abc")).as("digits 123: +1 23 read as a number").isNull();
		assertThat(RecipientCountry.of("123")).as("too short for the calling code it starts with").isNull();
		assertThat(RecipientCountry.of("4915112345678901234")).as("too long").isNull();
		assertThat(RecipientCountry.of("15550783881")).as("a test number: no region, its calling code's").isEqualTo("US");
	}

	@Test
	void punctuationAroundTheDigitsIsIgnored() {
		assertThat(RecipientCountry.of("+1 (650) 555-1234")).isEqualTo("US");
	}

	@Test
	void recentRecipientsAnswerAsTheLookUpDoesAndTheOldestAreForgotten() {
		var recent = new RecipientCountry.Recent(2);
		for (int round = 0; round < 3; round++) {
			assertThat(recent.of("16505551234")).isEqualTo("US");
			assertThat(recent.of("999123")).isNull();
			assertThat(recent.of(null)).isNull();
			assertThat(recent.of("14165550123")).isEqualTo("CA"); // the third: the oldest goes
			assertThat(recent.of("4930123456")).isEqualTo("DE");
		}
	}

}
