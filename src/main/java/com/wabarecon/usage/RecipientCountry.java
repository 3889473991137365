package com.wabarecon.usage;

import com.google.i18n.phonenumbers.NumberParseException;
import com.google.i18n.phonenumbers.PhoneNumberUtil;
import com.google.i18n.phonenumbers.Phonenumber.PhoneNumber;

/**
 * The recipient's country from the calling code of a WhatsApp id ({@code 16505551234} is the
 * United States), through libphonenumber. Thread-safe.
 */
final class RecipientCountry {

	private static final PhoneNumberUtil PHONES = PhoneNumberUtil.getInstance();

	private static final String UNKNOWN = "ZZ";

	private RecipientCountry() {
	}

	/** ISO 3166 code, or {@code null} when the number has no known calling code. */
	static String of(String waId) {
		if (waId == null || waId.isBlank()) {
			return null;
		}
		try {
			PhoneNumber number = PHONES.parse("+" + waId.replaceAll("[^0-9]", ""), UNKNOWN);
			String region = PHONES.getRegionCodeForNumber(number);
			if (region == null || UNKNOWN.equals(region)) {
				// a number not valid in any region still has a calling code: take its main country
				region = PHONES.getRegionCodeForCountryCode(number.getCountryCode());
			}
			return UNKNOWN.equals(region) ? null : region;
		}
		catch (NumberParseException ex) {
			return null;
		}
	}

}
