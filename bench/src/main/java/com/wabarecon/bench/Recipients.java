package com.wabarecon.bench;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

import com.google.i18n.phonenumbers.NumberParseException;
import com.google.i18n.phonenumbers.PhoneNumberUtil;
import com.google.i18n.phonenumbers.PhoneNumberUtil.PhoneNumberType;
import com.google.i18n.phonenumbers.Phonenumber.PhoneNumber;

/**
 * WhatsApp ids of message recipients, per country: variations of libphonenumber's example
 * mobile number, kept only when the importer will read the same country back from the calling
 * code (as it does: the number's region, else the calling code's main country), so that a
 * webhook-counted estimate lands in the market the generator priced it in.
 */
final class Recipients {

	private static final int POOL = 100;

	private static final int VARIED_DIGITS = 2;

	private static final String UNKNOWN_REGION = "ZZ";

	private final PhoneNumberUtil phones = PhoneNumberUtil.getInstance();

	private final Map<String, List<String>> pools = new LinkedHashMap<>();

	Recipients(List<String> countries) {
		for (String country : countries) {
			pools.put(country, pool(country));
		}
	}

	String pick(String country, SplittableRandom random) {
		List<String> pool = pools.get(country);
		return pool.get(random.nextInt(pool.size()));
	}

	private List<String> pool(String country) {
		PhoneNumber example = phones.getExampleNumberForType(country, PhoneNumberType.MOBILE);
		String national = phones.getNationalSignificantNumber(example);
		String prefix = example.getCountryCode() + national.substring(0, national.length() - VARIED_DIGITS);
		List<String> pool = new ArrayList<>();
		for (int i = 0; i < POOL; i++) {
			String candidate = prefix + String.format("%0" + VARIED_DIGITS + "d", i);
			if (country.equals(countryOf(candidate))) {
				pool.add(candidate);
			}
		}
		if (pool.isEmpty()) {
			throw new IllegalStateException("no recipient number reads back as " + country);
		}
		return pool;
	}

	/** The importer's reading of a WhatsApp id (usage.RecipientCountry). */
	private String countryOf(String waId) {
		try {
			PhoneNumber number = phones.parse("+" + waId, UNKNOWN_REGION);
			String region = phones.getRegionCodeForNumber(number);
			if (region == null || UNKNOWN_REGION.equals(region)) {
				region = phones.getRegionCodeForCountryCode(number.getCountryCode());
			}
			return region;
		}
		catch (NumberParseException ex) {
			return null;
		}
	}

}
