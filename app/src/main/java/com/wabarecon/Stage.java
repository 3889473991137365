package com.wabarecon;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * The stages of the close in the order the data flows through them. A run may stop after any
 * of them ({@code --until}); {@link #DELIVERY} runs everything.
 */
public enum Stage {

	IMPORT, RECONCILE, STATEMENTS, DELIVERY;

	/** Whether this stage comes after that one in the close. */
	public boolean isAfter(Stage other) {
		return compareTo(other) > 0;
	}

	/** The spelling used on the command line and in job parameters. */
	public String id() {
		return name().toLowerCase(Locale.ROOT);
	}

	public static Stage fromId(String id) {
		for (Stage stage : values()) {
			if (stage.id().equals(id)) {
				return stage;
			}
		}
		throw new IllegalArgumentException("unknown stage '" + id + "' (expected one of " + ids() + ")");
	}

	public static String ids() {
		return Arrays.stream(values()).map(Stage::id).collect(Collectors.joining(", "));
	}

}
