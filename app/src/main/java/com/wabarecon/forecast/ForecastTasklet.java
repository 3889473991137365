package com.wabarecon.forecast;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import com.wabarecon.reference.RateCards;
import com.wabarecon.rules.CallPricing;
import com.wabarecon.rules.EstimatePricing;
import com.wabarecon.rules.Money;
import com.wabarecon.rules.Pricing;
import com.wabarecon.rules.RateCard;
import com.wabarecon.rules.VolumeForecast;

import org.springframework.batch.core.ExitStatus;
import org.springframework.batch.core.scope.context.ChunkContext;
import org.springframework.batch.core.step.StepContribution;
import org.springframework.batch.core.step.tasklet.Tasklet;
import org.springframework.batch.infrastructure.repeat.RepeatStatus;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The approximate charges of the month after the close ({@code forecast_line}): each series'
 * volume ({@link VolumeForecast}) from its reconciliation lines of up to 12 closed months (the
 * invoiced volume; the estimate where the invoice had no line), split over the countries the
 * series' invoice lines of the month closed name (else its estimates'), and priced with the
 * rate card in force on the coming month's first day: message categories by the estimates' own
 * rule ({@link EstimatePricing}, tiers on the client's projected volume, so a rate that changes
 * on the first of a quarter shows), calls by the minute ({@link CallPricing}). A series no rate
 * prices has no cost (unknown, never 0). Rerun, it replaces the month's rows.
 */
class ForecastTasklet implements Tasklet {

	private final JdbcClient jdbc;

	private final JdbcTemplate jdbcTemplate;

	private final SeriesRepository seriesRepository;

	private final RateCards rateCards;

	private final YearMonth month;

	private final String client;

	ForecastTasklet(JdbcClient jdbc, JdbcTemplate jdbcTemplate, SeriesRepository seriesRepository, RateCards rateCards,
			YearMonth month, String client) {
		this.jdbc = jdbc;
		this.jdbcTemplate = jdbcTemplate;
		this.seriesRepository = seriesRepository;
		this.rateCards = rateCards;
		this.month = month;
		this.client = client;
	}

	/** The part of a series' forecast volume in one country, as {@link EstimatePricing} prices it. */
	private record Part(Series series, String country, long volume) implements EstimatePricing.Estimates {

		@Override
		public String client() {
			return series.clientId;
		}

		@Override
		public String channel() {
			return series.phoneNumberId == null ? series.wabaId : series.phoneNumberId;
		}

		@Override
		public String currency() {
			return series.currency;
		}

		@Override
		public String category() {
			return series.category;
		}

		@Override
		public long toPrice() {
			return volume;
		}

		@Override
		public boolean hasUnpriced() {
			return volume > 0;
		}

	}

	@Override
	public RepeatStatus execute(StepContribution contribution, ChunkContext chunkContext) {
		YearMonth next = month.plusMonths(1);
		RateCard card = rateCards.inForce(month, next);
		Map<String, Series> series = seriesRepository.read(month.minusMonths(VolumeForecast.MAX_MONTHS - 1), month,
				client);
		Map<Series, VolumeForecast.Forecast> forecasts = new LinkedHashMap<>();
		for (Series one : series.values()) {
			forecasts.put(one, VolumeForecast.of(one.history(month), next));
		}
		SeriesCountries countries = SeriesCountries.read(jdbc, month, client);
		countries.readEstimates(forecasts.entrySet()
			.stream()
			.filter(entry -> entry.getValue().volume() > 0 && !countries.invoiced(entry.getKey()))
			.map(Map.Entry::getKey)
			.toList());
		List<Part> parts = new ArrayList<>();
		forecasts.forEach((one, forecast) -> parts.addAll(split(one, forecast.volume(), countries)));
		Map<Series, BigDecimal> costs = new LinkedHashMap<>();
		Map<Series, String> unpriced = new LinkedHashMap<>();
		List<Part> messages = parts.stream().filter(part -> !Pricing.VOICE.equals(part.category())).toList();
		EstimatePricing.Result<Part> priced = EstimatePricing.of(messages, card);
		priced.prices().forEach(price -> costs.merge(price.estimates().series, price.cost(), BigDecimal::add));
		priced.unpriced().forEach(missing -> unpriced.putIfAbsent(missing.estimates().series, missing.reason()));
		for (Part call : parts) {
			if (Pricing.VOICE.equals(call.category()) && call.volume() > 0) {
				RateCard.Rate rate = card.rate(call.currency(), call.country(), Pricing.VOICE);
				if (rate.found()) {
					costs.merge(call.series, CallPricing.price(List.of(new CallPricing.Calls(call.volume(), 1, true)),
							rate.tiers(), 0).cost(), BigDecimal::add);
				}
				else {
					unpriced.putIfAbsent(call.series, rate.missing());
				}
			}
		}
		List<Object[]> rows = new ArrayList<>();
		Map<String, BigDecimal[]> totals = new TreeMap<>();
		int lowConfidence = 0;
		for (Map.Entry<Series, VolumeForecast.Forecast> entry : forecasts.entrySet()) {
			Series one = entry.getKey();
			VolumeForecast.Forecast forecast = entry.getValue();
			String reason = unpriced.get(one);
			boolean noSplit = forecast.volume() > 0 && !costs.containsKey(one) && reason == null;
			if (noSplit) {
				reason = "no invoice line or estimate of " + month + " names a country to price it in";
			}
			BigDecimal cost = reason != null ? null
					: Money.round(costs.getOrDefault(one, BigDecimal.ZERO), one.currency);
			BigDecimal costLow = share(cost, forecast.low(), forecast.volume(), one.currency);
			BigDecimal costHigh = share(cost, forecast.high(), forecast.volume(), one.currency);
			lowConfidence += forecast.lowConfidence() ? 1 : 0;
			if (cost != null) {
				totals.computeIfAbsent(one.currency, c -> new BigDecimal[] { BigDecimal.ZERO })[0] =
						totals.get(one.currency)[0].add(cost);
			}
			rows.add(new Object[] { month.toString(), next.toString(), one.clientId, one.wabaId, one.phoneNumberId,
					one.category, one.currency, one.history(month).size(), forecast.volume(), forecast.low(),
					forecast.high(), forecast.lowConfidence(), cost, costLow, costHigh, reason });
		}
		jdbc.sql("DELETE FROM forecast_line WHERE billing_month = :month AND (CAST(:client AS VARCHAR(64)) IS NULL "
				+ "OR client_id = :client)").param("month", month.toString()).param("client", client).update();
		jdbcTemplate.batchUpdate("""
				INSERT INTO forecast_line (billing_month, forecast_month, client_id, waba_id, phone_number_id, category,
				    currency, months_used, volume, volume_low, volume_high, low_confidence, cost, cost_low, cost_high,
				    unpriced_reason)
				VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""", rows);
		contribution.incrementWriteCount(rows.size());
		List<String> perCurrency = new ArrayList<>();
		totals.forEach((currency, total) -> perCurrency.add(Money.text(total[0], currency) + " " + currency));
		contribution.setExitStatus(ExitStatus.COMPLETED.addExitDescription("approximate charges of " + next + ": "
				+ rows.size() + " lines, " + lowConfidence + " of them on fewer than " + VolumeForecast.MIN_MONTHS
				+ " months (low confidence), " + unpriced.size() + " without a rate; "
				+ (perCurrency.isEmpty() ? "no cost" : String.join(", ", perCurrency))));
		return RepeatStatus.FINISHED;
	}

	/**
	 * The forecast volume split over the countries of the series' month closed, by their share of
	 * its volume (the largest share takes the rounding rest): its invoice lines' markets, else its
	 * estimates' recipient countries.
	 */
	private static List<Part> split(Series series, long volume, SeriesCountries seriesCountries) {
		if (volume == 0) {
			return List.of(); // nothing to price: most free-only series (service)
		}
		Map<String, Long> countries = seriesCountries.of(series);
		long total = countries.values().stream().mapToLong(Long::longValue).sum();
		List<Part> parts = new ArrayList<>();
		if (total == 0) {
			return parts;
		}
		String largest = countries.entrySet().stream().max(Map.Entry.comparingByValue()).orElseThrow().getKey();
		long assigned = 0;
		for (Map.Entry<String, Long> country : countries.entrySet()) {
			long share = BigDecimal.valueOf(volume).multiply(BigDecimal.valueOf(country.getValue()))
				.divide(BigDecimal.valueOf(total), 0, RoundingMode.DOWN).longValueExact();
			parts.add(new Part(series, country.getKey(), share));
			assigned += share;
		}
		long rest = volume - assigned;
		for (int i = 0; i < parts.size(); i++) {
			Part part = parts.get(i);
			if (part.country().equals(largest)) {
				parts.set(i, new Part(series, largest, part.volume() + rest));
			}
		}
		return parts;
	}

	/** The cost of the interval's end, in proportion to the forecast's; {@code null} without either. */
	private static BigDecimal share(BigDecimal cost, Long end, long volume, String currency) {
		if (cost == null || end == null || volume == 0) {
			return null;
		}
		return Money.round(cost.multiply(BigDecimal.valueOf(end)).divide(BigDecimal.valueOf(volume), 10,
				RoundingMode.HALF_UP), currency);
	}

}
