package com.wabarecon.reconciliation;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.Currency;
import java.util.List;
import java.util.Map;

import com.wabarecon.reconciliation.ReconLine.Status;

import org.springframework.batch.infrastructure.item.ItemProcessor;

/**
 * Judges one line: rounds both sides to the currency's precision (half up; at least two
 * decimals), computes the deltas, gives exactly one status and, for every line that is not
 * matched, a reason: which side differs and, where the data shows it, the likely cause.
 * One instance per step execution; not thread-safe.
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

	@Override
	public ReconLine process(LineSides line) {
		String currency = line.currency();
		int scale = scale(currency);
		BigDecimal invoiced = line.invoicedAmount().setScale(scale, RoundingMode.HALF_UP);
		boolean convertible = line.unconvertibleRows() == 0;
		BigDecimal estimated = convertible ? line.estimatedAmount().setScale(scale, RoundingMode.HALF_UP) : null;
		long volumeDelta = line.invoicedVolume() - line.estimatedVolume();
		BigDecimal amountDelta = estimated == null ? null : invoiced.subtract(estimated);
		BigDecimal amountDeltaPct = amountDelta == null ? null : Tolerance.percent(amountDelta, invoiced);

		Status status;
		List<String> reason = new ArrayList<>();
		Tolerance tolerance = tolerances.forCategory(line.category());
		if (line.invoiced() && line.clientId() == null) {
			status = Status.UNKNOWN_CHANNEL;
			String recordedWaba = line.phoneNumberId() == null ? null : wabas.get(line.phoneNumberId());
			reason.add(line.phoneNumberId() == null ? "WABA " + line.wabaId() + " is not in the directory"
					: recordedWaba != null
							? "phone number id " + line.phoneNumberId() + " is on WABA " + recordedWaba
									+ " in the directory, not on WABA " + line.wabaId()
							: "phone number id " + line.phoneNumberId() + " (WABA " + line.wabaId()
									+ ") is not in the directory");
		}
		else if (line.otherInvoiceCurrency() != null && !line.otherInvoiceCurrency().equals(line.invoiceCurrency())) {
			status = Status.CURRENCY_MISMATCH;
			reason.add("the invoice bills this line in both " + line.invoiceCurrency() + " and "
					+ line.otherInvoiceCurrency());
		}
		else if (!convertible) {
			status = Status.CURRENCY_MISMATCH;
			reason.add("the estimate is in " + line.unconvertibleCurrency() + " ("
					+ line.unconvertibleAmount().setScale(scale(line.unconvertibleCurrency()), RoundingMode.HALF_UP)
						.toPlainString()
					+ " " + line.unconvertibleCurrency() + ") and the month has no " + line.unconvertibleCurrency()
					+ " to " + line.wabaCurrency() + " rate in fx/" + month + ".csv");
		}
		else if (line.invoiced() && line.estimated() && !line.invoiceCurrency().equals(line.wabaCurrency())) {
			status = Status.CURRENCY_MISMATCH;
			reason.add("the invoice is in " + line.invoiceCurrency() + " while the directory invoices this WABA in "
					+ line.wabaCurrency());
		}
		else if (volumeDelta == 0 && amountDelta.signum() == 0) {
			status = Status.MATCHED;
		}
		else if (tolerance.tolerates(volumeDelta, line.invoicedVolume(), amountDelta, invoiced)) {
			status = Status.WITHIN_TOLERANCE;
			reason.add(difference(line, volumeDelta, amountDelta, estimated, invoiced, currency) + ", within tolerance ("
					+ tolerance.describe() + ")");
		}
		else if (!line.invoiced()) {
			status = Status.MISSING_FROM_INVOICE;
			reason.add("no invoice line for " + line.estimatedVolume() + " estimated messages (" + estimated.toPlainString()
					+ " " + currency + ")");
		}
		else if (!line.estimated()) {
			status = Status.NOT_ESTIMATED;
			reason.add("invoiced " + line.invoicedVolume() + " messages (" + invoiced.toPlainString() + " " + currency
					+ ") with no estimate for this " + (line.phoneNumberId() == null ? "WABA" : "channel")
					+ " and category");
		}
		else {
			boolean over = amountDelta.signum() > 0 || (amountDelta.signum() == 0 && volumeDelta > 0);
			status = over ? Status.OVER_INVOICED : Status.UNDER_INVOICED;
			reason.add(difference(line, volumeDelta, amountDelta, estimated, invoiced, currency));
		}
		if (status != Status.MATCHED && status != Status.UNKNOWN_CHANNEL) {
			List<String> likely = causes.of(line, volumeDelta);
			if (!likely.isEmpty()) {
				reason.add("likely cause: " + String.join("; ", likely));
			}
		}
		String display = line.phoneNumberId() == null ? null : displayNumbers.get(line.phoneNumberId());
		return new ReconLine(month, line.clientId(), line.wabaId(), line.phoneNumberId(), line.channelId(), display,
				line.category(), currency, line.estimatedVolume(), line.invoicedVolume(), volumeDelta, estimated,
				invoiced, amountDelta, amountDeltaPct, line.estimatedFreeVolume(), line.invoicedFreeVolume(), status,
				reason.isEmpty() ? null : String.join("; ", reason), line.invoiceIds(), line.estimateSources());
	}

	/**
	 * Which side differs, and by how much: "volume differs: +2 messages (2400 estimated, 2402
	 * invoiced); amount +0.27 EUR (327.60 estimated, 327.87 invoiced); rate agrees".
	 */
	private static String difference(LineSides line, long volumeDelta, BigDecimal amountDelta, BigDecimal estimated,
			BigDecimal invoiced, String currency) {
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
		String amount = "amount " + (amountDelta.signum() > 0 ? "+" : "") + amountDelta.toPlainString() + " " + currency
				+ " (" + estimated.toPlainString() + " estimated, " + invoiced.toPlainString() + " invoiced)";
		return side + ": " + volume + "; " + amount + rate;
	}

	private static String signed(long value) {
		return value > 0 ? "+" + value : Long.toString(value);
	}

	/** The currency's minor units, at least two (DOMAIN.md: at least 2 decimals). */
	static int scale(String currency) {
		try {
			return Math.max(2, Currency.getInstance(currency).getDefaultFractionDigits());
		}
		catch (IllegalArgumentException ex) {
			return 2;
		}
	}

}
