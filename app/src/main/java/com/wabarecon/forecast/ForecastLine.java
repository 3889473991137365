package com.wabarecon.forecast;

import java.math.BigDecimal;

/**
 * A client's approximate charges of the coming month in one currency and category: the volume
 * forecast over its numbers, the sum of their 80 % intervals ({@code null} where any is of low
 * confidence), and the cost ({@code null}, unknown, where a number's could not be priced).
 */
public record ForecastLine(String currency, String category, long volume, Long low, Long high, boolean lowConfidence,
		BigDecimal cost, BigDecimal costLow, BigDecimal costHigh) {
}
