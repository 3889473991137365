package com.wabarecon.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.List;

import com.wabarecon.bench.DirectoryPlan.ChannelPlan;
import com.wabarecon.bench.DirectoryPlan.WabaPlan;

import org.junit.jupiter.api.Test;

/**
 * What the generator expects the close to make of a client's estimates without cost, worked out
 * by hand from the generated card: North America marketing in INR is 0.0250 USD x 83.50 = 2.0875.
 */
class ClientPricingTests {

	@Test
	void eachRecipientCountryOfAMarketKeepsItsOwnShare() {
		// given: one credit-line channel messaging the US (100) and Canada (50), one market
		ChannelPlan channel = new ChannelPlan(1, "ch_1", "1001", "919800000001", 1, false, false);
		WabaPlan waba = new WabaPlan("2001", new Homes.Home("Asia/Kolkata", "INR", "IN", "en-IN", "91", 1), true, false,
				List.of(channel));
		ChannelUsage usage = new ChannelUsage(waba, channel,
				List.of(flow("US", 100), flow("CA", 50)), "INR", true);

		// when
		ClientPricing pricing = new ClientPricing(new PriceList(), List.of(usage));

		// then: 150 x 2.0875 = 313.125 -> 313.13; shared by volume, CA first (by country):
		// 104.3766.. -> 104.37 and 208.7533.. -> 208.75, the cent left to CA's larger part cut off
		assertThat(pricing.cost("ch_1", "US", "MARKETING")).isEqualByComparingTo("208.75");
		assertThat(pricing.cost("ch_1", "CA", "MARKETING")).isEqualByComparingTo("104.38");
		assertThat(pricing.cost("ch_1", "US", "MARKETING").add(pricing.cost("ch_1", "CA", "MARKETING")))
			.isEqualByComparingTo(new BigDecimal("313.13"));
	}

	private static Flow flow(String country, long volume) {
		long[] daily = new long[30];
		daily[0] = volume;
		return new Flow(country, "MARKETING", "REGULAR", daily);
	}

}
