package com.wabarecon.rules;

import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * Meta's pricing categories and types, as every source spells them: any case, and
 * {@code authentication-international} for {@code AUTHENTICATION_INTERNATIONAL}. One place
 * that turns a spelling into the canonical upper-case name used in the database and outputs.
 */
public final class Pricing {

	/** Categories of per-message pricing, and of conversation-based pricing (a subset). */
	public static final Set<String> CATEGORIES = Set.of("MARKETING", "MARKETING_LITE", "UTILITY", "AUTHENTICATION",
			"AUTHENTICATION_INTERNATIONAL", "SERVICE", "REFERRAL_CONVERSION");

	/** {@code REGULAR} is charged; the others are free. {@code FREE_TIER} occurs in CBP months. */
	public static final Set<String> TYPES = Set.of("REGULAR", "FREE_CUSTOMER_SERVICE", "FREE_ENTRY_POINT",
			"FREE_TIER");

	public static final String REGULAR = "REGULAR";

	/** The rate card's category of per-minute voice rates (tiers in minutes); no message has it. */
	public static final String VOICE = "VOICE";

	/**
	 * Every canonical name, to itself: a name is returned as this one String, so that the rows
	 * of a month share it (later steps compare and hash it once, not once a row).
	 */
	private static final Map<String, String> NAMES = Stream.concat(CATEGORIES.stream(), TYPES.stream())
		.collect(Collectors.toUnmodifiableMap(Function.identity(), Function.identity()));

	private Pricing() {
	}

	/** The canonical category, or {@code null} when the spelling is not a known category. */
	public static String category(String spelling) {
		String name = canonical(spelling);
		return CATEGORIES.contains(name) ? name : null;
	}

	/**
	 * A category a rate card row, an invoice line or a reconciliation line may name: a message
	 * category, or {@link #VOICE}; {@code null} when neither.
	 */
	public static String lineCategory(String spelling) {
		return VOICE.equals(canonical(spelling)) ? VOICE : category(spelling);
	}

	/** The canonical pricing type, or {@code null} when the spelling is not a known type. */
	public static String type(String spelling) {
		String name = canonical(spelling);
		return TYPES.contains(name) ? name : null;
	}

	private static String canonical(String spelling) {
		if (spelling == null) {
			return "";
		}
		String name = NAMES.get(spelling); // the usual spelling: found as it is
		if (name != null) {
			return name;
		}
		String spelled = spelling.strip().toUpperCase(Locale.ROOT).replace('-', '_').replace(' ', '_');
		return NAMES.getOrDefault(spelled, spelled);
	}

}
