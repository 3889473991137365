package com.wabarecon.usage;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.List;

import org.junit.jupiter.api.Test;

class TieredPriceTests {

	static final List<TieredPrice.Tier> INDIA_UTILITY = List.of(
			new TieredPrice.Tier(100001, 500000L, new BigDecimal("0.1093")),
			new TieredPrice.Tier(0, 100000L, new BigDecimal("0.1150")),
			new TieredPrice.Tier(500001, null, new BigDecimal("0.1035")));

	@Test
	void eachTiersRateAppliesOnlyToTheMessagesInsideIt() {
		assertThat(TieredPrice.cost(100_000, INDIA_UTILITY)).isEqualByComparingTo("11500.0000");
		assertThat(TieredPrice.cost(100_001, INDIA_UTILITY)).isEqualByComparingTo("11500.1093");
		assertThat(TieredPrice.cost(115_000, INDIA_UTILITY)).isEqualByComparingTo("13139.5000");
		assertThat(TieredPrice.cost(600_000, INDIA_UTILITY))
			.isEqualByComparingTo(new BigDecimal("11500").add(new BigDecimal("0.1093").multiply(new BigDecimal(400000)))
				.add(new BigDecimal("0.1035").multiply(new BigDecimal(100000))));
		assertThat(TieredPrice.cost(0, INDIA_UTILITY)).isEqualByComparingTo("0");
	}

	@Test
	void aSingleOpenTierIsAFlatRate() {
		assertThat(TieredPrice.cost(1200, List.of(new TieredPrice.Tier(0, null, new BigDecimal("0.1365")))))
			.isEqualByComparingTo("163.80");
	}

}
