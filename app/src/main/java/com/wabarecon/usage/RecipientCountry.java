package com.wabarecon.usage;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

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

	/**
	 * ISO 3166 code, or {@code null} when the id is no phone number: it holds letters, or
	 * libphonenumber finds no known calling code in it, or too few or too many digits for one.
	 * Spaces, dots, hyphens, brackets and a leading {@code +} around the digits are ignored.
	 */
	static String of(String waId) {
		String digits = waId == null ? null : digits(waId);
		if (digits == null || digits.isEmpty()) {
			return null;
		}
		try {
			PhoneNumber number = PHONES.parse("+" + digits, UNKNOWN);
			PhoneNumberUtil.ValidationResult length = PHONES.isPossibleNumberWithReason(number);
			if (length != PhoneNumberUtil.ValidationResult.IS_POSSIBLE
					&& length != PhoneNumberUtil.ValidationResult.IS_POSSIBLE_LOCAL_ONLY) {
				return null;
			}
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

	/** The id's digits; {@code null} when it holds anything but digits, spaces, {@code . - ( )} and a leading {@code +}. */
	private static String digits(String waId) {
		StringBuilder digits = new StringBuilder(waId.length());
		for (int i = 0; i < waId.length(); i++) {
			char c = waId.charAt(i);
			if (c >= '0' && c <= '9') {
				digits.append(c);
			}
			else if (c != ' ' && c != '.' && c != '-' && c != '(' && c != ')' && (c != '+' || i > 0)) {
				return null;
			}
		}
		return digits.toString();
	}

	/**
	 * The last countries found, for one thread: a message's statuses (sent, delivered, read)
	 * name the same recipient, and libphonenumber's parse is most of a webhook line's mapping.
	 */
	static final class Recent {

		private static final String NONE = "";

		private final Map<String, String> countries;

		Recent(int size) {
			countries = new LinkedHashMap<>(size * 4 / 3 + 1, 0.75f, true) {
				@Override
				protected boolean removeEldestEntry(Map.Entry<String, String> eldest) {
					return size() > size;
				}
			};
		}

		String of(String waId) {
			if (waId == null) {
				return null;
			}
			String country = countries.get(waId);
			if (country == null) {
				country = Objects.requireNonNullElse(RecipientCountry.of(waId), NONE);
				countries.put(waId, country);
			}
			return country == NONE ? null : country;
		}

	}

}
