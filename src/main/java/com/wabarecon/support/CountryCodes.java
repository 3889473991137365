package com.wabarecon.support;

import java.util.Locale;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * ISO 3166 alpha-2 country codes, in any case. A code is returned as one shared String per
 * country, so that the month's millions of rows hold the same few objects, which later steps
 * compare and hash once rather than once a row.
 */
public final class CountryCodes {

	private static final Map<String, String> CODES = Stream.of(Locale.getISOCountries())
		.collect(Collectors.toUnmodifiableMap(Function.identity(), Function.identity()));

	private CountryCodes() {
	}

	/** The upper-case code a spelling stands for; {@code null} when it is none (or {@code null}). */
	public static String of(String spelling) {
		if (spelling == null) {
			return null;
		}
		String code = CODES.get(spelling); // the usual spelling: found as it is
		return code != null ? code : CODES.get(spelling.toUpperCase(Locale.ROOT));
	}

}
