package com.wabarecon.usage;

import java.math.BigDecimal;
import java.time.YearMonth;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.wabarecon.reference.RateCards;
import com.wabarecon.rules.CallPricing;
import com.wabarecon.rules.Pricing;
import com.wabarecon.rules.RateCard;

import org.springframework.batch.core.ExitStatus;
import org.springframework.batch.core.scope.context.ChunkContext;
import org.springframework.batch.core.step.StepContribution;
import org.springframework.batch.core.step.tasklet.Tasklet;
import org.springframework.batch.infrastructure.repeat.RepeatStatus;

/**
 * Prices the month's calls that came without a cost, with the rate card's {@code VOICE} rates in
 * force ({@link CallPricing}): per client, currency and market, the calls climb the minute tiers
 * in the order they were made, those with an exported cost included (they take up tier minutes),
 * and each call is priced at the tier it ends in. A call without a rate keeps no cost (unknown,
 * never 0) and is counted in the step's exit. Calls outside the count (cross-checks, the days
 * around the month) are not priced. The month's calls are streamed in order and the costs set a
 * window at a time: memory holds the minutes billed so far per client, currency and market.
 * Rerun, it prices the same calls again the same way.
 */
class CallPricingTasklet implements Tasklet {

	private final CallEstimateRepository calls;

	private final RateCards rateCards;

	private final YearMonth month;

	CallPricingTasklet(CallEstimateRepository calls, RateCards rateCards, YearMonth month) {
		this.calls = calls;
		this.rateCards = rateCards;
		this.month = month;
	}

	@Override
	public RepeatStatus execute(StepContribution contribution, ChunkContext chunkContext) {
		RateCard card = rateCards.inForce(month);
		Map<String, Long> billedSoFar = new HashMap<>(); // pulses per client, currency and market
		Map<Long, BigDecimal> costs = new LinkedHashMap<>(); // the window of costs to set, by row
		int[] withRate = { 0 };
		int[] withoutRate = { 0 };
		calls.forEachInOrder(month.toString(), call -> {
			boolean toPrice = UsageEstimate.RATE_CARD.equals(call.costSource());
			BigDecimal cost = null;
			if (call.countsAsEstimate() && call.billedPulses() > 0) {
				RateCard.Rate rate = card.rate(call.currency(), call.country(), Pricing.VOICE);
				if (rate.found()) {
					String key = call.clientId() + " " + call.currency() + " " + rate.market();
					long before = billedSoFar.getOrDefault(key, 0L);
					CallPricing.Priced price = CallPricing.price(List.of(new CallPricing.Calls(call.calls(),
							call.billedPulses() / call.calls(), call.approximate())), rate.tiers(), before);
					billedSoFar.put(key, before + price.pulses());
					cost = price.cost();
					withRate[0] += toPrice ? 1 : 0;
				}
				else {
					withoutRate[0] += toPrice ? 1 : 0;
				}
			}
			if (toPrice) {
				costs.put(call.rowId(), cost);
				if (costs.size() >= CallEstimateRepository.WINDOW) {
					calls.setCosts(costs);
					costs.clear();
				}
			}
		});
		calls.setCosts(costs);
		contribution.incrementWriteCount(withRate[0]);
		contribution.setExitStatus(ExitStatus.COMPLETED.addExitDescription(withRate[0] + " call rows priced with VOICE rates"
				+ (withoutRate[0] == 0 ? "" : "; " + withoutRate[0] + " without a VOICE rate in force: their cost is unknown")));
		return RepeatStatus.FINISHED;
	}

}
