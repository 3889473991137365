package com.wabarecon.rules;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.Test;

/** A DIRECT channel's month: opening plus movements against the closing snapshot, worked out by hand. */
class RollForwardTests {

	private static final List<FundsMovement> SEPTEMBER = List.of(movement("TOP_UP", "100.00"),
			movement("USAGE", "-37.45"), movement("AUTO_RENEWAL", "50.00"), movement("USAGE", "-12.10"),
			movement("FEE", "-1.00"));

	@Test
	void openingPlusTheMovementsIsTheSnapshot() {
		// 50.00 + 100.00 + 50.00 - 37.45 - 12.10 - 1.00 = 149.45
		RollForward month = RollForward.of("EUR", new BigDecimal("50.00"), SEPTEMBER, new BigDecimal("149.45"));

		assertThat(month.added()).isEqualByComparingTo("150.00");
		assertThat(month.used()).isEqualByComparingTo("-49.55");
		assertThat(month.other()).isEqualByComparingTo("-1.00");
		assertThat(month.expectedClosing()).isEqualByComparingTo("149.45");
		assertThat(month.difference()).isEqualByComparingTo("0.00");
		assertThat(month.ties()).isTrue();
	}

	@Test
	void aSnapshotOtherThanTheMovementsSayIsADifferenceWithBothFigures() {
		RollForward month = RollForward.of("EUR", new BigDecimal("50.00"), SEPTEMBER, new BigDecimal("147.45"));

		assertThat(month.expectedClosing()).isEqualByComparingTo("149.45");
		assertThat(month.difference()).isEqualByComparingTo("-2.00");
		assertThat(month.ties()).isFalse();
	}

	@Test
	void aFractionOfACentTiesAtTheCurrencysPrecision() {
		// 10.004 + 0.001 = 10.005, 10.01 at the cent, as the snapshot says
		RollForward month = RollForward.of("EUR", new BigDecimal("10.004"), List.of(movement("ADJUSTMENT", "0.001")),
				new BigDecimal("10.01"));

		assertThat(month.ties()).isTrue();
	}

	@Test
	void withoutAnOpeningBalanceTheRollForwardIsUnknownNotADifferenceFromZero() {
		RollForward month = RollForward.of("EUR", null, SEPTEMBER, new BigDecimal("149.45"));

		assertThat(month.expectedClosing()).isNull();
		assertThat(month.difference()).isNull();
		assertThat(month.ties()).isFalse();
	}

	@Test
	void eachTypeMovesTheBalanceOneWay() {
		assertThat(FundsMovement.signProblem(FundsMovement.Type.TOP_UP, new BigDecimal("-5")))
			.isEqualTo("a TOP_UP must be positive (it is -5)");
		assertThat(FundsMovement.signProblem(FundsMovement.Type.USAGE, new BigDecimal("3.20")))
			.isEqualTo("a USAGE must be negative (it is 3.20)");
		assertThat(FundsMovement.signProblem(FundsMovement.Type.ADJUSTMENT, new BigDecimal("-2"))).isNull();
		assertThat(FundsMovement.signProblem(FundsMovement.Type.REFUND, new BigDecimal("4"))).isNull();
		assertThat(FundsMovement.Type.of(" auto-renewal")).isEqualTo(FundsMovement.Type.AUTO_RENEWAL);
		assertThat(FundsMovement.Type.of("GIFT")).isNull();
	}

	private static FundsMovement movement(String type, String amount) {
		return new FundsMovement(Instant.parse("2025-09-10T10:00:00Z"), FundsMovement.Type.of(type),
				new BigDecimal(amount));
	}

}
