package com.wabarecon.reconciliation;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.wabarecon.rules.RateCard;
import com.wabarecon.rules.Tier;
import com.wabarecon.support.wording.Arg;
import com.wabarecon.support.wording.Phrase;

import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Looks, in the month's data, for the likely cause of a line's difference: an invoice unit
 * rate that differs from the rate card in force (another tier, or another card version), a
 * difference equal to the volume of the day at either edge of the month (the source's day and
 * the WABA's time zone disagree), a webhook cross-check that disagrees with the usage export
 * (late or missing events), a VOICE difference within the rounding of calls estimated from
 * averages. Asked only for lines that do not match. The edge days' volumes and
 * the webhooks' count come with the line (summed in {@code recon_evidence}); the invoice's unit
 * rates are one small query per line; the rate card in force is read once. One instance per step execution; not
 * thread-safe.
 */
class LikelyCauses {

	private final JdbcClient jdbc;

	private final YearMonth month;

	private final RateCard card;

	LikelyCauses(JdbcClient jdbc, YearMonth month, RateCard card) {
		this.jdbc = jdbc;
		this.month = month;
		this.card = card;
	}

	/** The likely causes found, as one phrase "likely cause: a; b"; an empty list when none is. */
	List<Phrase> of(LineSides line, long volumeDelta) {
		List<Phrase> causes = new ArrayList<>();
		if (line.invoiced() && line.clientId() != null) {
			causes.addAll(rateCardDifferences(line));
		}
		if (volumeDelta != 0 && line.clientId() != null) {
			Phrase boundary = timeZoneBoundary(line, Math.abs(volumeDelta));
			if (boundary != null) {
				causes.add(boundary);
			}
			Phrase rounding = aggregatesRounding(line, Math.abs(volumeDelta));
			if (rounding != null) {
				causes.add(rounding);
			}
		}
		if (line.estimated()) {
			Phrase crossCheck = webhookCrossCheck(line);
			if (crossCheck != null) {
				causes.add(crossCheck);
			}
		}
		// the causes as one argument, "a; b", each worded in the reader's language
		return causes.stream()
			.reduce((first, next) -> Phrase.of("reason.and", first, next))
			.map(all -> List.of(Phrase.of("reason.likelyCause", all)))
			.orElse(List.of());
	}

	private List<Phrase> rateCardDifferences(LineSides line) {
		List<Phrase> differences = new ArrayList<>();
		jdbc.sql("""
				SELECT market, tier, unit_rate, currency FROM invoice_line
				WHERE billing_month = :month AND line_type = 'USAGE' AND pricing_type = 'REGULAR'
				  AND waba_id = :waba AND pricing_category = :category AND unit_rate IS NOT NULL
				  AND ((CAST(:phone AS VARCHAR(32)) IS NULL AND phone_number_id IS NULL) OR phone_number_id = :phone)""")
			.param("month", month.toString())
			.param("waba", line.wabaId())
			.param("category", line.category())
			.param("phone", line.phoneNumberId())
			.query(rs -> {
				String market = rs.getString("market");
				String tier = rs.getString("tier");
				BigDecimal rate = rs.getBigDecimal("unit_rate");
				if (market == null || differences.size() >= 2) {
					return;
				}
				RateCard.Rate inForce = card.rateOfMarket(rs.getString("currency"), market, line.category());
				if (!inForce.found()) {
					return;
				}
				// an invoice line names its tier; one that names none (or one the card lacks) is compared with the first
				Tier expected = inForce.tiers().named(tier).orElse(inForce.tiers().tiers().get(0));
				if (expected.rate().compareTo(rate) == 0) {
					return;
				}
				Tier other = inForce.tiers().tiers().stream().filter(t -> t.rate().compareTo(rate) == 0).findFirst()
					.orElse(null);
				Arg where = tier == null ? Phrase.text(market)
						: Phrase.of("reason.marketTier", Phrase.text(market), Phrase.text(tier));
				List<Arg> args = List.of(Phrase.decimal(plain(rate)), where, Phrase.decimal(plain(expected.rate())),
						Phrase.day(inForce.version()));
				differences.add(other == null ? new Phrase("reason.cause.rate", args)
						: Phrase.of("reason.cause.otherTier", new Phrase("reason.cause.rate", args),
								Phrase.text(other.label())));
			});
		return differences;
	}

	/** A rate with at least four decimals, as rate cards print them: 0.0550, 2.3000. */
	private static BigDecimal plain(BigDecimal rate) {
		BigDecimal stripped = rate.stripTrailingZeros();
		return stripped.setScale(Math.max(4, stripped.scale()));
	}


	/** The first day at the edge of the month, in date order, whose volume equals the difference. */
	private Phrase timeZoneBoundary(LineSides line, long difference) {
		LineSides.EdgeVolumes edges = line.edges();
		LocalDate first = month.atDay(1);
		LocalDate last = month.atEndOfMonth();
		Map<LocalDate, Long> days = new LinkedHashMap<>();
		days.put(first.minusDays(1), edges.dayBefore());
		days.put(first, edges.firstDay());
		days.put(last, edges.lastDay());
		days.put(last.plusDays(1), edges.dayAfter());
		return days.entrySet()
			.stream()
			.filter(day -> day.getValue() != null && day.getValue() == difference)
			.findFirst()
			.map(day -> Phrase.of(VolumeWording.key("reason.cause.timeZone", line.category()),
					VolumeWording.of(line.category(), difference), Phrase.day(day.getKey())))
			.orElse(null);
	}

	/**
	 * Calls estimated from an aggregate take its average duration's pulses each, and each may be
	 * up to one pulse off its own: a difference of no more pulses than such calls is their rounding.
	 */
	private static Phrase aggregatesRounding(LineSides line, long difference) {
		Long calls = line.edges().roundingCalls();
		if (calls == null || difference > calls) {
			return null;
		}
		return Phrase.of("reason.cause.aggregates", VolumeWording.of(line.category(), difference), Phrase.count(calls));
	}

	private Phrase webhookCrossCheck(LineSides line) {
		Long counted = line.edges().webhookVolume();
		if (counted == null || counted == line.estimatedVolume()) {
			return null;
		}
		return Phrase.of(VolumeWording.key(counted == line.invoicedVolume() ? "reason.cause.webhooksAsInvoice"
				: "reason.cause.webhooks", line.category()), VolumeWording.of(line.category(), counted),
				VolumeWording.of(line.category(), line.estimatedVolume()));
	}

}
