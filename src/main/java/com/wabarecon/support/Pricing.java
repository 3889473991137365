package com.wabarecon.support;

import java.util.Locale;
import java.util.Set;

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

	private Pricing() {
	}

	/** The canonical category, or {@code null} when the spelling is not a known category. */
	public static String category(String spelling) {
		String name = canonical(spelling);
		return CATEGORIES.contains(name) ? name : null;
	}

	/** The canonical pricing type, or {@code null} when the spelling is not a known type. */
	public static String type(String spelling) {
		String name = canonical(spelling);
		return TYPES.contains(name) ? name : null;
	}

	private static String canonical(String spelling) {
		return spelling == null ? "" : spelling.strip().toUpperCase(Locale.ROOT).replace('-', '_').replace(' ', '_');
	}

}
