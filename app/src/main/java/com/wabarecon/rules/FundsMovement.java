package com.wabarecon.rules;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.Locale;

/**
 * A movement of a DIRECT channel's prepaid funds, signed as it moves the balance: funds added
 * by hand ({@code TOP_UP}) or by auto-renewal, and refunds, are positive; usage and fees are
 * negative; an adjustment goes either way.
 */
public record FundsMovement(Instant bookedAt, Type type, BigDecimal amount) {

	public enum Type {

		TOP_UP(1), AUTO_RENEWAL(1), USAGE(-1), REFUND(1), FEE(-1), ADJUSTMENT(0);

		/** The sign the amount must have: 1, -1, or 0 for either. */
		private final int sign;

		Type(int sign) {
			this.sign = sign;
		}

		/** Funds added to the balance: by hand or by auto-renewal. */
		public boolean added() {
			return this == TOP_UP || this == AUTO_RENEWAL;
		}

		/** The type in any case; {@code null} when it is none of them. */
		public static Type of(String spelling) {
			if (spelling == null) {
				return null;
			}
			try {
				return valueOf(spelling.strip().toUpperCase(Locale.ROOT).replace('-', '_'));
			}
			catch (IllegalArgumentException ex) {
				return null;
			}
		}

	}

	/** Why the amount cannot move the balance this way; {@code null} when it can (zero moves nothing, and is allowed). */
	public static String signProblem(Type type, BigDecimal amount) {
		if (type.sign == 0 || amount.signum() == 0 || amount.signum() == type.sign) {
			return null;
		}
		return "a " + type + " must be " + (type.sign > 0 ? "positive" : "negative") + " (it is "
				+ amount.toPlainString() + ")";
	}

}
