package com.wabarecon.rules;

import java.math.BigDecimal;
import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Calls priced by hand: 6-second pulses rounded up, a tenth of the per-minute rate each, the
 * whole call at the rate of the tier it ends in, aggregates as count x ceil(average / 6) pulses.
 */
class CallPricingTests {

	/** One rate for every minute: 0.0400 a minute, 0.004 a pulse. */
	static final Tiers FLAT = Tiers.of(List.of(new Tier(0, null, new BigDecimal("0.0400"))));

	/** 0.10 a minute for the month's first minute, 0.05 above it (a bound at 10 pulses). */
	static final Tiers ONE_MINUTE = Tiers.of(List.of(new Tier(0, 1L, new BigDecimal("0.10")),
			new Tier(2, null, new BigDecimal("0.05"))));

	@Test
	void aCallIsBilledInSixSecondPulsesRoundedUp() {
		assertThat(CallPricing.pulses(56)).isEqualTo(10); // 9.33 pulses: 10, one minute
		assertThat(CallPricing.minutes(CallPricing.pulses(56))).isEqualByComparingTo("1.0");
		assertThat(CallPricing.pulses(60)).isEqualTo(10);
		assertThat(CallPricing.pulses(61)).isEqualTo(11);
		assertThat(CallPricing.minutes(11)).isEqualByComparingTo("1.1");
		assertThat(CallPricing.pulses(1)).isEqualTo(1);
		assertThat(CallPricing.pulses(6)).isEqualTo(1);
		assertThat(CallPricing.pulses(0)).isZero();
	}

	@Test
	void aFiftySixSecondCallCostsOneMinute() {
		CallPricing.Priced priced = CallPricing.price(List.of(CallPricing.Calls.one(56)), FLAT, 0);

		// 10 pulses x 0.0400 / 10 = 0.04
		assertThat(priced.pulses()).isEqualTo(10);
		assertThat(priced.minutes()).isEqualByComparingTo("1.0");
		assertThat(priced.cost()).isEqualByComparingTo("0.04");
		assertThat(priced.approximate()).isFalse();
	}

	@Test
	void aCallThatCrossesATierBoundIsPricedWholeAtTheTierItEndsIn() {
		// 30 s (5 pulses, ends at 0.5 min: first tier), then 42 s (7 pulses, ends at 1.2 min: second tier)
		CallPricing.Priced priced = CallPricing.price(List.of(CallPricing.Calls.one(30), CallPricing.Calls.one(42)),
				ONE_MINUTE, 0);

		// 5 x 0.010 + 7 x 0.005 = 0.050 + 0.035 = 0.085; split at the bound it would be 0.060
		assertThat(priced.pulses()).isEqualTo(12);
		assertThat(priced.minutes()).isEqualByComparingTo("1.2");
		assertThat(priced.cost()).isEqualByComparingTo("0.085");
	}

	@Test
	void aCallEndingExactlyOnTheBoundStaysInItsTier() {
		// 60 s ends at 1.0 min, the first tier's last; the next 6 s call ends at 1.1 min
		CallPricing.Priced priced = CallPricing.price(List.of(CallPricing.Calls.one(60), CallPricing.Calls.one(6)),
				ONE_MINUTE, 0);

		// 10 x 0.010 + 1 x 0.005 = 0.105
		assertThat(priced.cost()).isEqualByComparingTo("0.105");
	}

	@Test
	void anAggregateIsCountTimesTheRoundedUpAverageAndApproximate() {
		// 12 calls of 95 s on average: ceil(95 / 6) = 16 pulses each, 192 pulses, 19.2 minutes
		CallPricing.Priced priced = CallPricing.price(List.of(CallPricing.Calls.aggregate(12, 95)), FLAT, 0);

		// 192 x 0.004 = 0.768
		assertThat(priced.pulses()).isEqualTo(192);
		assertThat(priced.minutes()).isEqualByComparingTo("19.2");
		assertThat(priced.cost()).isEqualByComparingTo("0.768");
		assertThat(priced.approximate()).isTrue();
	}

	@Test
	void anAggregateAcrossABoundPricesEachCallAtTheTierItEndsIn() {
		// 0.10 a minute up to 10 minutes (100 pulses), 0.05 above; 90 pulses already billed;
		// 3 calls of 45 s on average (8 pulses): they end at 98 (first tier), 106 and 114 (second)
		Tiers tenMinutes = Tiers.of(List.of(new Tier(0, 10L, new BigDecimal("0.10")),
				new Tier(11, null, new BigDecimal("0.05"))));

		CallPricing.Priced priced = CallPricing.price(List.of(CallPricing.Calls.aggregate(3, 45)), tenMinutes, 90);

		// 8 x 0.010 + 16 x 0.005 = 0.08 + 0.08 = 0.16
		assertThat(priced.pulses()).isEqualTo(24);
		assertThat(priced.cost()).isEqualByComparingTo("0.16");
	}

	@Test
	void onlyACompletedBusinessInitiatedCallWithADurationIsCharged() {
		assertThat(CallPricing.charged("BUSINESS_INITIATED", "COMPLETED", 56L)).isTrue();
		assertThat(CallPricing.charged("business_initiated", "completed", 56L)).as("any case").isTrue();
		assertThat(CallPricing.charged("USER_INITIATED", "COMPLETED", 120L)).as("user-initiated: free").isFalse();
		assertThat(CallPricing.charged("BUSINESS_INITIATED", "FAILED", 0L)).isFalse();
		assertThat(CallPricing.charged("BUSINESS_INITIATED", "COMPLETED", 0L)).as("no duration").isFalse();
		assertThat(CallPricing.charged("BUSINESS_INITIATED", "COMPLETED", null)).isFalse();
	}

	@Test
	void callsWithoutPulsesCostNothing() {
		CallPricing.Priced priced = CallPricing.price(List.of(new CallPricing.Calls(4, 0, false)), ONE_MINUTE, 0);

		assertThat(priced.pulses()).isZero();
		assertThat(priced.cost()).isEqualByComparingTo("0");
	}

}
