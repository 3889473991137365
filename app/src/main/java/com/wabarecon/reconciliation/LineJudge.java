package com.wabarecon.reconciliation;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import com.wabarecon.reference.RateCards;
import com.wabarecon.rules.LineStatus;
import com.wabarecon.rules.LineVerdict;
import com.wabarecon.rules.Money;
import com.wabarecon.rules.Tolerance;

import org.springframework.batch.infrastructure.item.ItemProcessor;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Judges one line with the rules core ({@link LineVerdict}: rounding, deltas, status) and
 * gives every line that is not matched its reason: which side differs and, where the data
 * shows it, the likely cause. One instance per step execution; not thread-safe.
 */
class LineJudge implements ItemProcessor<LineSides, ReconLine> {

	private final String month;

	private final Tolerances tolerances;

	private final LikelyCauses causes;

	private final Map<String, String> displayNumbers;

	private final Map<String, String> wabas;

	/**
	 * @param displayNumbers the directory's display number of each phone number id
	 * @param wabas the directory's WABA of each phone number id
	 */
	LineJudge(String month, Tolerances tolerances, LikelyCauses causes, Map<String, String> displayNumbers,
			Map<String, String> wabas) {
		this.month = month;
		this.tolerances = tolerances;
		this.causes = causes;
		this.displayNumbers = displayNumbers;
		this.wabas = wabas;
	}

	/**
	 * The judge of a month's lines, with the directory's display number and WABA of every
	 * channel and the rates in force for the likely causes.
	 */
	static LineJudge forMonth(String month, Tolerances tolerances, JdbcClient jdbc, RateCards rateCards) {
		Map<String, String> displays = new HashMap<>();
		Map<String, String> wabas = new HashMap<>();
		jdbc.sql("SELECT phone_number_id, display_phone_number, waba_id FROM channel").query(rs -> {
			displays.put(rs.getString(1), rs.getString(2));
			wabas.put(rs.getString(1), rs.getString(3));
		});
		YearMonth closing = YearMonth.parse(month);
		return new LineJudge(month, tolerances, new LikelyCauses(jdbc, closing, rateCards.inForce(closing)), displays,
				wabas);
	}

	@Override
	public ReconLine process(LineSides line) {
		String currency = line.currency();
		String currencyProblem = currencyProblem(line);
		boolean unpriced = line.unpricedRows() > 0;
		Tolerance tolerance = tolerances.forCategory(line.category());
		LineVerdict.Verdict verdict = LineVerdict.judge(new LineVerdict.Sides(line.clientId() != null, line.estimated(),
				line.invoiced(), line.estimatedVolume(), line.invoicedVolume(),
				line.unconvertibleRows() == 0 ? line.estimatedAmount() : null, line.invoicedAmount(), currency,
				currencyProblem != null, unpriced), tolerance);

		LineStatus status = verdict.status();
		List<String> reason = new ArrayList<>();
		switch (status) {
			case MATCHED -> {
			}
			case UNKNOWN_CHANNEL -> reason.add(unknownChannel(line));
			case CURRENCY_MISMATCH -> reason.add(currencyProblem);
			case UNPRICED -> reason.add("the estimate of " + line.unpricedVolume() + " of its " + line.estimatedVolume()
					+ " messages cannot be priced: " + line.unpricedReason());
			case WITHIN_TOLERANCE -> reason.add(difference(line, verdict, currency) + ", within tolerance ("
					+ tolerance.describe() + ")");
			case MISSING_FROM_INVOICE -> reason.add("no invoice line for " + line.estimatedVolume()
					+ " estimated messages (" + verdict.estimatedAmount().toPlainString() + " " + currency + ")");
			case NOT_ESTIMATED -> reason.add("invoiced " + line.invoicedVolume() + " messages ("
					+ verdict.invoicedAmount().toPlainString() + " " + currency + ") with no estimate for this "
					+ (line.phoneNumberId() == null ? "WABA" : "channel") + " and category");
			case OVER_INVOICED, UNDER_INVOICED -> reason.add(difference(line, verdict, currency));
		}
		if (status != LineStatus.MATCHED && status != LineStatus.UNKNOWN_CHANNEL) {
			List<String> likely = causes.of(line, verdict.volumeDelta());
			if (!likely.isEmpty()) {
				reason.add("likely cause: " + String.join("; ", likely));
			}
		}
		String display = line.phoneNumberId() == null ? null : displayNumbers.get(line.phoneNumberId());
		return new ReconLine(month, line.clientId(), line.wabaId(), line.phoneNumberId(), line.channelId(), display,
				line.category(), currency, line.estimatedVolume(), line.invoicedVolume(), verdict.volumeDelta(),
				verdict.estimatedAmount(), verdict.invoicedAmount(), verdict.amountDelta(), verdict.amountDeltaPct(),
				line.estimatedFreeVolume(), line.invoicedFreeVolume(), status,
				reason.isEmpty() ? null : String.join("; ", reason), line.invoiceIds(), line.estimateSources());
	}

	/** Why an invoice line has no client: its number or WABA is not in the directory, or on another WABA there. */
	private String unknownChannel(LineSides line) {
		if (line.phoneNumberId() == null) {
			return "WABA " + line.wabaId() + " is not in the directory";
		}
		String recordedWaba = wabas.get(line.phoneNumberId());
		return recordedWaba != null
				? "phone number id " + line.phoneNumberId() + " is on WABA " + recordedWaba + " in the directory, not on WABA "
						+ line.wabaId()
				: "phone number id " + line.phoneNumberId() + " (WABA " + line.wabaId() + ") is not in the directory";
	}

	/**
	 * Why the line's estimate and invoice cannot be compared in one currency; {@code null} when
	 * they can. A line holds one currency; the invoice may bill its channel and category in
	 * another, on a line of that currency.
	 */
	private String currencyProblem(LineSides line) {
		String currency = line.currency();
		if (line.unconvertibleRows() > 0) {
			String from = line.unconvertibleCurrency();
			return "the estimate is in " + from + " (" + Money.text(line.unconvertibleAmount(), from) + " " + from
					+ ") and the month has no " + from + " to " + currency + " rate in fx/" + month + ".csv";
		}
		if (line.wabaCurrency() != null && !line.wabaCurrency().equals(currency)) {
			return "the invoice bills this line in " + currency + " while the directory invoices WABA " + line.wabaId()
					+ " in " + line.wabaCurrency();
		}
		String first = line.firstInvoiceCurrency();
		String last = line.lastInvoiceCurrency();
		if (first != null && !(first.equals(currency) && last.equals(currency))) {
			return "the invoice bills this " + (line.phoneNumberId() == null ? "WABA" : "channel") + " and category in "
					+ (first.equals(last) ? first : first + " and " + last) + " (a line of each), while the directory "
					+ "invoices WABA " + line.wabaId() + " in " + currency;
		}
		return null;
	}

	/**
	 * Which side differs, and by how much: "volume differs: +2 messages (2400 estimated, 2402
	 * invoiced); amount +0.27 EUR (327.60 estimated, 327.87 invoiced); rate agrees".
	 */
	private static String difference(LineSides line, LineVerdict.Verdict verdict, String currency) {
		BigDecimal estimated = verdict.estimatedAmount();
		BigDecimal invoiced = verdict.invoicedAmount();
		long volumeDelta = verdict.volumeDelta();
		boolean rateDiffers = false;
		String rate = "";
		if (line.estimatedVolume() > 0 && line.invoicedVolume() > 0) {
			BigDecimal estimatedRate = estimated.divide(BigDecimal.valueOf(line.estimatedVolume()), 4, RoundingMode.HALF_UP);
			BigDecimal invoicedRate = invoiced.divide(BigDecimal.valueOf(line.invoicedVolume()), 4, RoundingMode.HALF_UP);
			rateDiffers = estimatedRate.compareTo(invoicedRate) != 0;
			rate = rateDiffers ? "; per message " + invoicedRate.toPlainString() + " invoiced, "
					+ estimatedRate.toPlainString() + " estimated" : "; rate agrees";
		}
		String side = volumeDelta != 0 && rateDiffers ? "volume and rate differ"
				: volumeDelta != 0 ? "volume differs" : rateDiffers ? "rate differs" : "amount differs";
		String volume = volumeDelta == 0 ? "volume agrees (" + line.invoicedVolume() + " messages)"
				: signed(volumeDelta) + " messages (" + line.estimatedVolume() + " estimated, " + line.invoicedVolume()
						+ " invoiced)";
		String amount = "amount " + (verdict.amountDelta().signum() > 0 ? "+" : "")
				+ verdict.amountDelta().toPlainString() + " " + currency + " (" + estimated.toPlainString()
				+ " estimated, " + invoiced.toPlainString() + " invoiced)";
		return side + ": " + volume + "; " + amount + rate;
	}

	private static String signed(long value) {
		return value > 0 ? "+" + value : Long.toString(value);
	}

}
