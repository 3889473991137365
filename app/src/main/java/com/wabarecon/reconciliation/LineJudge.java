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
import com.wabarecon.rules.Volumes;
import com.wabarecon.support.wording.Arg;
import com.wabarecon.support.wording.Phrase;
import com.wabarecon.support.wording.Phrases;
import com.wabarecon.support.wording.Wording;

import org.springframework.batch.infrastructure.item.ItemProcessor;
import org.springframework.context.MessageSource;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Judges one line with the rules core ({@link LineVerdict}: rounding, deltas, status) and
 * gives every line that is not matched its reason: which side differs and, where the data
 * shows it, the likely cause. The reason is kept twice: as phrases, which a statement words in
 * its client's language, and worded for the partner's files. One instance per step execution; not thread-safe.
 */
class LineJudge implements ItemProcessor<LineSides, ReconLine> {

	private final String month;

	private final Tolerances tolerances;

	private final LikelyCauses causes;

	private final Map<String, String> displayNumbers;

	private final Map<String, String> wabas;

	private final Wording wording;

	/**
	 * @param displayNumbers the directory's display number of each phone number id
	 * @param wabas the directory's WABA of each phone number id
	 */
	LineJudge(String month, Tolerances tolerances, LikelyCauses causes, Map<String, String> displayNumbers,
			Map<String, String> wabas, Wording wording) {
		this.month = month;
		this.tolerances = tolerances;
		this.causes = causes;
		this.displayNumbers = displayNumbers;
		this.wabas = wabas;
		this.wording = wording;
	}

	/**
	 * The judge of a month's lines, with the directory's display number and WABA of every
	 * channel and the rates in force for the likely causes.
	 */
	static LineJudge forMonth(String month, Tolerances tolerances, JdbcClient jdbc, RateCards rateCards,
			MessageSource messages) {
		Map<String, String> displays = new HashMap<>();
		Map<String, String> wabas = new HashMap<>();
		jdbc.sql("SELECT phone_number_id, display_phone_number, waba_id FROM channel").query(rs -> {
			displays.put(rs.getString(1), rs.getString(2));
			wabas.put(rs.getString(1), rs.getString(3));
		});
		YearMonth closing = YearMonth.parse(month);
		return new LineJudge(month, tolerances, new LikelyCauses(jdbc, closing, rateCards.inForce(closing)), displays,
				wabas, Wording.partner(messages));
	}

	@Override
	public ReconLine process(LineSides line) {
		String currency = line.currency();
		Phrase currencyProblem = currencyProblem(line);
		boolean unpriced = line.unpricedRows() > 0;
		Tolerance tolerance = tolerances.forCategory(line.category());
		LineVerdict.Verdict verdict = LineVerdict.judge(new LineVerdict.Sides(line.clientId() != null, line.estimated(),
				line.invoiced(), line.estimatedVolume(), line.invoicedVolume(),
				line.unconvertibleRows() == 0 ? line.estimatedAmount() : null, line.invoicedAmount(), currency,
				currencyProblem != null, unpriced), tolerance);

		LineStatus status = verdict.status();
		List<Phrase> reason = new ArrayList<>();
		String category = line.category();
		switch (status) {
			case MATCHED -> {
			}
			case UNKNOWN_CHANNEL -> reason.add(unknownChannel(line));
			case CURRENCY_MISMATCH -> reason.add(currencyProblem);
			case UNPRICED -> reason.add(Phrase.of(VolumeWording.key("reason.unpriced", category),
					VolumeWording.of(category, line.unpricedVolume()), VolumeWording.of(category, line.estimatedVolume()),
					Phrase.text(String.valueOf(line.unpricedReason()))));
			case WITHIN_TOLERANCE -> reason.add(Phrase.of(VolumeWording.key("reason.withinTolerance", category),
					difference(line, verdict, currency),
					Phrase.decimal(tolerance.amountAbs().setScale(Math.max(2, tolerance.amountAbs().scale()))),
					Phrase.decimal(tolerance.amountPct().stripTrailingZeros()),
					VolumeWording.of(category, tolerance.volumeAbs()),
					Phrase.decimal(tolerance.volumePct().stripTrailingZeros())));
			case MISSING_FROM_INVOICE -> reason.add(Phrase.of(VolumeWording.key("reason.missingFromInvoice", category),
					VolumeWording.of(category, line.estimatedVolume()), Phrase.amount(verdict.estimatedAmount()),
					Phrase.text(currency)));
			case NOT_ESTIMATED -> reason.add(Phrase.of(VolumeWording.key(
					line.phoneNumberId() == null ? "reason.notEstimated.waba" : "reason.notEstimated.channel", category),
					VolumeWording.of(category, line.invoicedVolume()), Phrase.amount(verdict.invoicedAmount()),
					Phrase.text(currency)));
			case OVER_INVOICED, UNDER_INVOICED -> reason.add(difference(line, verdict, currency));
		}
		if (status != LineStatus.MATCHED && status != LineStatus.UNKNOWN_CHANNEL) {
			reason.addAll(causes.of(line, verdict.volumeDelta()));
		}
		String display = line.phoneNumberId() == null ? null : displayNumbers.get(line.phoneNumberId());
		return new ReconLine(month, line.clientId(), line.wabaId(), line.phoneNumberId(), line.channelId(), display,
				line.category(), currency, line.estimatedVolume(), line.invoicedVolume(), verdict.volumeDelta(),
				verdict.estimatedAmount(), verdict.invoicedAmount(), verdict.amountDelta(), verdict.amountDeltaPct(),
				line.estimatedFreeVolume(), line.invoicedFreeVolume(), status, wording.phrases(reason),
				Phrases.encode(reason), line.invoiceIds(), line.estimateSources());
	}

	/** Why an invoice line has no client: its number or WABA is not in the directory, or on another WABA there. */
	private Phrase unknownChannel(LineSides line) {
		if (line.phoneNumberId() == null) {
			return Phrase.of("reason.unknownChannel.waba", Phrase.text(line.wabaId()));
		}
		String recordedWaba = wabas.get(line.phoneNumberId());
		return recordedWaba != null
				? Phrase.of("reason.unknownChannel.otherWaba", Phrase.text(line.phoneNumberId()), Phrase.text(recordedWaba),
						Phrase.text(line.wabaId()))
				: Phrase.of("reason.unknownChannel.phone", Phrase.text(line.phoneNumberId()), Phrase.text(line.wabaId()));
	}

	/**
	 * Why the line's estimate and invoice cannot be compared in one currency; {@code null} when
	 * they can. A line holds one currency; the invoice may bill its channel and category in
	 * another, on a line of that currency.
	 */
	private Phrase currencyProblem(LineSides line) {
		String currency = line.currency();
		if (line.unconvertibleRows() > 0) {
			String from = line.unconvertibleCurrency();
			return Phrase.of("reason.noExchangeRate", Phrase.text(from),
					Phrase.amount(Money.round(line.unconvertibleAmount(), from)), Phrase.text(currency),
					Phrase.month(YearMonth.parse(month)));
		}
		if (line.wabaCurrency() != null && !line.wabaCurrency().equals(currency)) {
			return Phrase.of("reason.wabaCurrency", Phrase.text(currency), Phrase.text(line.wabaId()),
					Phrase.text(line.wabaCurrency()));
		}
		String first = line.firstInvoiceCurrency();
		String last = line.lastInvoiceCurrency();
		if (first != null && !(first.equals(currency) && last.equals(currency))) {
			Arg billed = first.equals(last) ? Phrase.text(first)
					: Phrase.of("reason.twoCurrencies", Phrase.text(first), Phrase.text(last));
			return Phrase.of(line.phoneNumberId() == null ? "reason.invoiceCurrency.waba" : "reason.invoiceCurrency.channel",
					billed, Phrase.text(line.wabaId()), Phrase.text(currency));
		}
		return null;
	}

	/**
	 * Which side differs, and by how much: "volume differs: +2 messages (2400 estimated, 2402
	 * invoiced); amount +0.27 EUR (327.60 estimated, 327.87 invoiced); rate agrees".
	 */
	private static Phrase difference(LineSides line, LineVerdict.Verdict verdict, String currency) {
		String category = line.category();
		BigDecimal estimated = verdict.estimatedAmount();
		BigDecimal invoiced = verdict.invoicedAmount();
		long volumeDelta = verdict.volumeDelta();
		boolean rateDiffers = false;
		Phrase rate = null;
		if (line.estimatedVolume() > 0 && line.invoicedVolume() > 0) {
			// per message, or per minute
			BigDecimal estimatedRate = estimated.divide(Volumes.shown(category, line.estimatedVolume()), 4,
					RoundingMode.HALF_UP);
			BigDecimal invoicedRate = invoiced.divide(Volumes.shown(category, line.invoicedVolume()), 4,
					RoundingMode.HALF_UP);
			rateDiffers = estimatedRate.compareTo(invoicedRate) != 0;
			rate = rateDiffers
					? Phrase.of(VolumeWording.key("reason.rate.differs", category), Phrase.decimal(invoicedRate),
							Phrase.decimal(estimatedRate))
					: Phrase.of("reason.rate.agrees");
		}
		String side = volumeDelta != 0 && rateDiffers ? "reason.side.volumeAndRate"
				: volumeDelta != 0 ? "reason.side.volume" : rateDiffers ? "reason.side.rate" : "reason.side.amount";
		Phrase volume = volumeDelta == 0
				? Phrase.of(VolumeWording.key("reason.volume.agrees", category),
						VolumeWording.of(category, line.invoicedVolume()))
				: Phrase.of(VolumeWording.key("reason.volume.differs", category),
						VolumeWording.signed(category, volumeDelta), VolumeWording.of(category, line.estimatedVolume()),
						VolumeWording.of(category, line.invoicedVolume()));
		Phrase amount = Phrase.of("reason.amount", Phrase.signed(verdict.amountDelta()), Phrase.text(currency),
				Phrase.amount(estimated), Phrase.amount(invoiced));
		return rate == null ? Phrase.of("reason.difference", Phrase.of(side), volume, amount)
				: Phrase.of("reason.difference.rate", Phrase.of(side), volume, amount, rate);
	}

}
