package com.wabarecon.importing;

import java.time.ZoneId;
import java.util.Currency;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

import com.wabarecon.rules.Countries;

/**
 * Checks on single input values that several stages share. Each returns {@code null} when the
 * value is acceptable, or a reason a person can act on.
 */
public final class FieldChecks {

	/**
	 * Ids name files and folders of the output (a client's statements), so they are kept to
	 * characters that are safe in a path: no separators, no {@code ..}.
	 */
	private static final Pattern SAFE_ID = Pattern.compile("[A-Za-z0-9][A-Za-z0-9_.-]{0,63}");

	private static final Pattern DIGITS = Pattern.compile("[0-9]{1,32}");

	private static final Pattern EMAIL = Pattern.compile("[^@\\s;,<>\"]+@[^@\\s;,<>\"]+\\.[^@\\s;,<>\"]+");

	private static final Set<String> ZONES = ZoneId.getAvailableZoneIds();

	private static final Set<String> LANGUAGES = Set.of(Locale.getISOLanguages());

	private FieldChecks() {
	}

	public static String required(String column, String value) {
		return value == null || value.isEmpty() ? column + " is empty" : null;
	}

	public static String safeId(String column, String value) {
		if (value.isEmpty()) {
			return column + " is empty";
		}
		if (!SAFE_ID.matcher(value).matches() || value.contains("..")) {
			return column + " '" + value + "' may hold only letters, digits, '_', '-' and '.' (at most 64, no '..')";
		}
		return null;
	}

	public static String digits(String column, String value) {
		if (value.isEmpty()) {
			return column + " is empty";
		}
		return DIGITS.matcher(value).matches() ? null : column + " '" + value + "' is not a number of digits";
	}

	public static String maxLength(String column, String value, int max) {
		return value.length() <= max ? null : column + " is longer than " + max + " characters";
	}

	/** An ISO 4217 code, upper case as Meta and the rate cards write it. */
	public static String currency(String column, String value) {
		if (value.isEmpty()) {
			return column + " is empty";
		}
		try {
			Currency currency = Currency.getInstance(value);
			if (currency.getCurrencyCode().equals(value)) {
				return null;
			}
		}
		catch (IllegalArgumentException ex) {
			// reported below
		}
		return column + " '" + value + "' is not an ISO 4217 currency code";
	}

	/** An ISO 3166 country code ({@link Countries#code}: any case); a missing one is a problem too. */
	public static String country(String column, String value) {
		if (value == null) {
			return column + " is missing";
		}
		return Countries.code(value) != null ? null : column + " '" + value + "' is not an ISO 3166 country code";
	}

	/** An IANA region such as {@code Europe/Berlin}; fixed offsets are not time zones of a WABA. */
	public static String ianaZone(String column, String value) {
		if (value.isEmpty()) {
			return column + " is empty";
		}
		return ZONES.contains(value) ? null : column + " '" + value + "' is not an IANA time zone (such as Europe/Berlin)";
	}

	/** A BCP 47 language tag such as {@code de-DE} ({@code de_DE} is accepted too). */
	public static String locale(String column, String value) {
		if (value.isEmpty()) {
			return column + " is empty";
		}
		Locale locale = Locale.forLanguageTag(value.replace('_', '-'));
		return LANGUAGES.contains(locale.getLanguage()) ? null
				: column + " '" + value + "' is not a language tag (such as de-DE)";
	}

	public static String email(String column, String value) {
		return EMAIL.matcher(value).matches() ? null : column + " has an invalid address '" + value + "'";
	}

}
