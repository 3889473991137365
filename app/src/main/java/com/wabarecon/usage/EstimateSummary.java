package com.wabarecon.usage;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.wabarecon.support.bulk.BulkTable;

/**
 * One row of {@code estimate_summary}: the sums of some of the month's estimates that share
 * their channel, client, category, pricing type, currency, country, source kind and whether
 * they count. {@link #of} sums the estimates a chunk writes, so that the summary is written with
 * them, in the same transaction.
 *
 * @param cost the costs the estimates carry as loaded, rounded as the cost column rounds them; an
 *     estimate to be priced from the rate card adds nothing here, one to {@code unpricedRows} and its
 *     volume to {@code unpricedVolume}
 * @param volumeDayBefore the volume on the day before the month, {@code null} when no estimate fell
 *     there; the same for the month's first and last day and the day after
 */
record EstimateSummary(String billingMonth, String sourceKind, String channelId, String clientId, String category,
		String pricingType, String currency, String country, boolean countsAsEstimate, long volume, BigDecimal cost,
		long unpricedRows, long unpricedVolume, Long volumeDayBefore, Long volumeFirstDay, Long volumeLastDay, Long volumeDayAfter) {

	/** The scale of {@code usage_estimate.cost}, to which each estimate's cost is rounded as it is stored. */
	static final int COST_SCALE = 6;

	static final BulkTable<EstimateSummary> TABLE = BulkTable.of("estimate_summary",
			s -> new Object[] { s.billingMonth(), s.sourceKind(), s.channelId(), s.clientId(), s.category(),
					s.pricingType(), s.currency(), s.country(), s.countsAsEstimate(), false, s.volume(), s.cost(),
					s.unpricedRows(), s.unpricedVolume(), s.volumeDayBefore(), s.volumeFirstDay(), s.volumeLastDay(),
					s.volumeDayAfter() },
			"billing_month", "source_kind", "channel_id", "client_id", "pricing_category", "pricing_type", "currency",
			"country", "counts_as_estimate", "added_by_pricing", "volume", "cost", "unpriced_rows", "unpriced_volume",
			"volume_day_before",
			"volume_first_day", "volume_last_day", "volume_day_after");

	/** What the estimates of one summary row share. */
	private record Key(String billingMonth, String sourceKind, String channelId, String clientId, String category,
			String pricingType, String currency, String country, boolean countsAsEstimate) {

		static Key of(UsageEstimate e) {
			return new Key(e.billingMonth(), e.sourceKind(), e.channelId(), e.clientId(), e.category(),
					e.pricingType(), e.currency(), e.country(), e.countsAsEstimate());
		}

	}

	/** The sums of one key so far. */
	private static final class Sums {

		long volume;

		BigDecimal cost = BigDecimal.ZERO;

		long unpricedRows;

		long unpricedVolume;

		final Long[] edgeDays = new Long[4];

	}

	/** The four days at the edge of a month. */
	private record EdgeDays(String month, LocalDate dayBefore, LocalDate firstDay, LocalDate lastDay,
			LocalDate dayAfter) {

		static EdgeDays of(String billingMonth) {
			YearMonth month = YearMonth.parse(billingMonth);
			return new EdgeDays(billingMonth, month.atDay(1).minusDays(1), month.atDay(1), month.atEndOfMonth(),
					month.atEndOfMonth().plusDays(1));
		}

		/** 0 to 3 for the day before, the first, the last and the day after; -1 for any other. */
		int indexOf(LocalDate day) {
			return day.equals(firstDay) ? 1 : day.equals(lastDay) ? 2 : day.equals(dayBefore) ? 0
					: day.equals(dayAfter) ? 3 : -1;
		}

	}

	/**
	 * The same sums taken away: added to the sums of estimates that are then removed (every reader
	 * sums the rows), this row leaves the sums of what stays. An edge day whose estimates all went
	 * then sums to 0 where it summed to nothing: alike for the likely causes, which look for a day's
	 * volume equal to a difference, and a difference is never 0.
	 */
	EstimateSummary negated() {
		return new EstimateSummary(billingMonth, sourceKind, channelId, clientId, category, pricingType, currency,
				country, countsAsEstimate, -volume, cost.negate(), -unpricedRows, -unpricedVolume, negate(volumeDayBefore),
				negate(volumeFirstDay), negate(volumeLastDay), negate(volumeDayAfter));
	}

	private static Long negate(Long volume) {
		return volume == null ? null : -volume;
	}

	/** The summary rows of some estimates, in the order their keys first appear. */
	static List<EstimateSummary> of(Iterable<? extends UsageEstimate> estimates) {
		Map<Key, Sums> sums = new LinkedHashMap<>();
		EdgeDays edges = null; // every estimate of a chunk is of the same month: worked out once
		for (UsageEstimate estimate : estimates) {
			Sums sum = sums.computeIfAbsent(Key.of(estimate), key -> new Sums());
			sum.volume += estimate.volume();
			if (UsageEstimate.RATE_CARD.equals(estimate.costSource())) {
				sum.unpricedRows++; // its cost is the pricing's to add
				sum.unpricedVolume += estimate.volume();
			}
			else if (estimate.cost() != null) {
				sum.cost = sum.cost.add(estimate.cost().setScale(COST_SCALE, RoundingMode.HALF_UP));
			}
			if (edges == null || !edges.month().equals(estimate.billingMonth())) {
				edges = EdgeDays.of(estimate.billingMonth());
			}
			int edge = edges.indexOf(estimate.localDate());
			if (edge >= 0) {
				Long before = sum.edgeDays[edge];
				sum.edgeDays[edge] = before == null ? estimate.volume() : before + estimate.volume();
			}
		}
		List<EstimateSummary> rows = new ArrayList<>(sums.size());
		sums.forEach((key, sum) -> rows.add(new EstimateSummary(key.billingMonth(), key.sourceKind(), key.channelId(),
				key.clientId(), key.category(), key.pricingType(), key.currency(), key.country(), key.countsAsEstimate(),
				sum.volume, sum.cost, sum.unpricedRows, sum.unpricedVolume, sum.edgeDays[0], sum.edgeDays[1], sum.edgeDays[2],
				sum.edgeDays[3])));
		return rows;
	}

}
