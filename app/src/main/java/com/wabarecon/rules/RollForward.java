package com.wabarecon.rules;

import java.math.BigDecimal;
import java.util.List;

/**
 * A DIRECT channel's prepaid balance over a month: the opening balance (the previous month's
 * snapshot) plus the month's funds movements must equal the month's closing snapshot, to the
 * cent ({@link Money}). Without an opening balance or a snapshot the roll-forward cannot be
 * known: its difference is {@code null}, never a difference from 0.
 *
 * @param opening the previous month's snapshot; {@code null} when there is none
 * @param added funds added by hand and by auto-renewal
 * @param used usage deducted (negative)
 * @param other refunds, fees and adjustments
 * @param snapshot the month's closing snapshot; {@code null} when there is none
 */
public record RollForward(String currency, BigDecimal opening, BigDecimal added, BigDecimal used, BigDecimal other,
		BigDecimal snapshot) {

	public static RollForward of(String currency, BigDecimal opening, List<FundsMovement> movements,
			BigDecimal snapshot) {
		BigDecimal added = BigDecimal.ZERO;
		BigDecimal used = BigDecimal.ZERO;
		BigDecimal other = BigDecimal.ZERO;
		for (FundsMovement movement : movements) {
			if (movement.type().added()) {
				added = added.add(movement.amount());
			}
			else if (movement.type() == FundsMovement.Type.USAGE) {
				used = used.add(movement.amount());
			}
			else {
				other = other.add(movement.amount());
			}
		}
		return new RollForward(currency, opening, added, used, other, snapshot);
	}

	/** Opening plus every movement, at the currency's precision; {@code null} without an opening balance. */
	public BigDecimal expectedClosing() {
		return opening == null ? null : Money.round(opening.add(added).add(used).add(other), currency);
	}

	/** The snapshot less the expected closing; {@code null} when it cannot be known. */
	public BigDecimal difference() {
		BigDecimal expected = expectedClosing();
		return expected == null || snapshot == null ? null : Money.round(snapshot, currency).subtract(expected);
	}

	/** Whether the snapshot is the opening plus the movements, to the cent. */
	public boolean ties() {
		BigDecimal difference = difference();
		return difference != null && difference.signum() == 0;
	}

}
