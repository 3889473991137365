package com.wabarecon.rules;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The line verdict, row by row. Every expected figure is worked out by hand from the rules in
 * docs/formats.md ("Reconciliation"): amounts rounded half up to the currency's minor units, deltas are
 * invoiced minus estimated, the amount delta in % of the invoiced amount (2 decimals), and the
 * default tolerance {@code amount <= max(1.00, 0.5%)} and {@code volume <= max(5, 0.5%)}.
 * An empty cell is unknown ({@code null}).
 */
class LineVerdictTests {

	private static final Tolerance DEFAULT = new Tolerance(new BigDecimal("1.00"), new BigDecimal("0.5"), 5,
			new BigDecimal("0.5"));

	/** The sample's override for AUTHENTICATION: amount <= max(0.10, 0.5%), volume <= max(2, 0.5%). */
	private static final Tolerance AUTHENTICATION = new Tolerance(new BigDecimal("0.10"), new BigDecimal("0.5"), 2,
			new BigDecimal("0.5"));

	@ParameterizedTest(name = "{0}")
	@CsvSource(delimiter = '|', textBlock = """
			# case                                   |known|est |inv |estVol|invVol|estAmount |invAmount|cur|mism |unpr |auth |status              |volΔ|est     |inv     |amountΔ|pct
			equal sides                               |true |true|true|  1200|  1200|  163.80  | 163.80  |EUR|false|false|false|MATCHED             |   0| 163.80 | 163.80 |  0.00 |  0.00
			estimate rounds down to the invoice       |true |true|true|  1200|  1200|  163.804999| 163.80 |EUR|false|false|false|MATCHED             |   0| 163.80 | 163.80 |  0.00 |  0.00
			estimate rounds half up, a cent off       |true |true|true|  1200|  1200|  163.805 | 163.80  |EUR|false|false|false|WITHIN_TOLERANCE    |   0| 163.81 | 163.80 | -0.01 | -0.01
			amount exactly at the absolute limit      |true |true|true|  1000|  1000|  100.00  | 101.00  |EUR|false|false|false|WITHIN_TOLERANCE    |   0| 100.00 | 101.00 |  1.00 |  0.99
			amount a cent beyond the absolute limit   |true |true|true|  1000|  1000|  100.00  | 101.01  |EUR|false|false|false|OVER_INVOICED       |   0| 100.00 | 101.01 |  1.01 |  1.00
			amount exactly at the percentage limit    |true |true|true| 10000| 10000|  995.00  |1000.00  |EUR|false|false|false|WITHIN_TOLERANCE    |   0| 995.00 |1000.00 |  5.00 |  0.50
			amount a cent beyond the percentage limit |true |true|true| 10000| 10000|  994.99  |1000.00  |EUR|false|false|false|OVER_INVOICED       |   0| 994.99 |1000.00 |  5.01 |  0.50
			volume exactly at the absolute limit      |true |true|true|   995|  1000|   10.00  |  10.00  |EUR|false|false|false|WITHIN_TOLERANCE    |   5|  10.00 |  10.00 |  0.00 |  0.00
			volume one beyond the absolute limit      |true |true|true|   994|  1000|   10.00  |  10.00  |EUR|false|false|false|OVER_INVOICED       |   6|  10.00 |  10.00 |  0.00 |  0.00
			volume exactly at the percentage limit    |true |true|true|  1990|  2000|   20.00  |  20.00  |EUR|false|false|false|WITHIN_TOLERANCE    |  10|  20.00 |  20.00 |  0.00 |  0.00
			volume one beyond the percentage limit    |true |true|true|  1989|  2000|   20.00  |  20.00  |EUR|false|false|false|OVER_INVOICED       |  11|  20.00 |  20.00 |  0.00 |  0.00
			invoice below the estimate                |true |true|true|  1000|  1000|  100.00  |  90.00  |EUR|false|false|false|UNDER_INVOICED      |   0| 100.00 |  90.00 |-10.00 |-11.11
			less volume invoiced at the same amount   |true |true|true|  1000|   994|   10.00  |  10.00  |EUR|false|false|false|UNDER_INVOICED      |  -6|  10.00 |  10.00 |  0.00 |  0.00
			sample WITHIN_TOLERANCE (ch_002)          |true |true|true|  2400|  2402|  327.60  | 327.87  |EUR|false|false|false|WITHIN_TOLERANCE    |   2| 327.60 | 327.87 |  0.27 |  0.08
			no invoice line beyond tolerance          |true |true|false|  100|     0|   10.00  |   0     |EUR|false|false|false|MISSING_FROM_INVOICE|-100|  10.00 |   0.00 |-10.00 |
			no invoice line within tolerance          |true |true|false|    3|     0|    0.30  |   0     |EUR|false|false|false|WITHIN_TOLERANCE    |  -3|   0.30 |   0.00 | -0.30 |
			no estimate beyond tolerance              |true |false|true|    0|   100|    0     |  13.65  |EUR|false|false|false|NOT_ESTIMATED       | 100|   0.00 |  13.65 | 13.65 |100.00
			no estimate, a small bill: not tolerated  |true |false|true|    0|     3|    0     |   0.30  |EUR|false|false|false|NOT_ESTIMATED       |   3|   0.00 |   0.30 |  0.30 |100.00
			invoice line of no known channel          |false|false|true|    0|   100|    0     |  13.65  |EUR|false|false|false|UNKNOWN_CHANNEL     | 100|   0.00 |  13.65 | 13.65 |100.00
			unknown channel wins over a currency clash|false|false|true|    0|   100|    0     |  13.65  |EUR|true |false|false|UNKNOWN_CHANNEL     | 100|   0.00 |  13.65 |       |
			sides in two currencies: no delta         |true |true|true|   100|   100|   13.65  |  13.65  |EUR|true |false|false|CURRENCY_MISMATCH   |   0|  13.65 |  13.65 |       |
			an estimate that cannot be converted      |true |true|true|   100|   100|          |  13.65  |EUR|false|false|false|CURRENCY_MISMATCH   |   0|        |  13.65 |       |
			currency clash wins over unpriced         |true |true|true|   100|   100|          |  13.65  |EUR|true |true |false|CURRENCY_MISMATCH   |   0|        |  13.65 |       |
			part of the estimate not priced           |true |true|true|   100|   100|    5.00  |  10.00  |EUR|false|true |false|UNPRICED            |   0|        |  10.00 |       |
			unpriced is never matched                 |true |true|true|   100|   100|   10.00  |  10.00  |EUR|false|true |false|UNPRICED            |   0|        |  10.00 |       |
			unpriced with no invoice line             |true |true|false|  100|     0|          |   0     |EUR|false|true |false|UNPRICED            |-100|        |   0.00 |       |
			yen: half a yen rounds up to the invoice  |true |true|true|  1000|  1000| 1234.5   |1235     |JPY|false|false|false|MATCHED             |   0|1235    |1235    |  0    |  0.00
			yen: two yen within the percentage limit  |true |true|true|  1000|  1000| 1234.4   |1236     |JPY|false|false|false|WITHIN_TOLERANCE    |   0|1234    |1236    |  2    |  0.16
			dinar: three decimals, half up            |true |true|true|  1000|  1000|   10.0005|  10.001 |KWD|false|false|false|MATCHED             |   0| 10.001 | 10.001 |  0.000|  0.00
			dinar: a fils off                         |true |true|true|  1000|  1000|   10.0004|  10.001 |KWD|false|false|false|WITHIN_TOLERANCE    |   0| 10.000 | 10.001 |  0.001|  0.01
			FX: 100.00 EUR at 1.1050 is 110.50 USD    |true |true|true|   800|   800|  110.500000| 110.50|USD|false|false|false|MATCHED             |   0| 110.50 | 110.50 |  0.00 |  0.00
			FX: 99.99 EUR at 1.1050 is 110.49 USD     |true |true|true|   800|   800|  110.488950| 110.50|USD|false|false|false|WITHIN_TOLERANCE    |   0| 110.49 | 110.50 |  0.01 |  0.01
			AUTHENTICATION: 3 messages beyond 2       |true |true|true|   100|   103|    1.40  |   1.442 |EUR|false|false|true |OVER_INVOICED       |   3|   1.40 |   1.44 |  0.04 |  2.78
			AUTHENTICATION: 2 messages within         |true |true|true|   100|   102|    1.40  |   1.428 |EUR|false|false|true |WITHIN_TOLERANCE    |   2|   1.40 |   1.43 |  0.03 |  2.10
			""")
	void judgesEachLine(String name, boolean known, boolean estimated, boolean invoiced, long estimatedVolume,
			long invoicedVolume, BigDecimal estimatedAmount, BigDecimal invoicedAmount, String currency,
			boolean mismatch, boolean unpriced, boolean authentication, LineStatus status, long volumeDelta,
			BigDecimal shownEstimate, BigDecimal shownInvoice, BigDecimal amountDelta, BigDecimal pct) {
		var sides = new LineVerdict.Sides(known, estimated, invoiced, estimatedVolume, invoicedVolume,
				estimatedAmount, invoicedAmount, currency, mismatch, unpriced);

		var verdict = LineVerdict.judge(sides, authentication ? AUTHENTICATION : DEFAULT);

		assertThat(verdict.status()).isEqualTo(status);
		assertThat(verdict.volumeDelta()).isEqualTo(volumeDelta);
		assertThat(verdict.estimatedAmount()).isEqualTo(shownEstimate); // equals: the scale too
		assertThat(verdict.invoicedAmount()).isEqualTo(shownInvoice);
		assertThat(verdict.amountDelta()).isEqualTo(amountDelta);
		assertThat(verdict.amountDeltaPct()).isEqualTo(pct);
	}

}
