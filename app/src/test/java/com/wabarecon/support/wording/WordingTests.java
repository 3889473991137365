package com.wabarecon.support.wording;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;
import java.util.Locale;

import org.junit.jupiter.api.Test;
import org.springframework.context.MessageSource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * One reason, kept as phrases, reads in each language with that language's numbers and dates,
 * and for the partner exactly as the reconciliation CSV has always written it.
 */
class WordingTests {

	static final MessageSource MESSAGES = Wording.messageSource();

	/** A MARKETING line invoiced 2 messages and 0.27 EUR more than estimated, at another rate. */
	static final List<Phrase> REASON = List.of(
			Phrase.of("reason.difference.rate", Phrase.of("reason.side.volumeAndRate"),
					Phrase.of("reason.volume.differs", Phrase.signed(2), Phrase.count(2400), Phrase.count(2402)),
					Phrase.of("reason.amount", Phrase.signed(new BigDecimal("0.27")), Phrase.text("EUR"),
							Phrase.amount(new BigDecimal("327.60")), Phrase.amount(new BigDecimal("327.87"))),
					Phrase.of("reason.rate.differs", Phrase.decimal(new BigDecimal("0.1365")),
							Phrase.decimal(new BigDecimal("0.1365")))),
			Phrase.of("reason.likelyCause", Phrase.of("reason.cause.timeZone", Phrase.count(2),
					Phrase.day(LocalDate.of(2025, 8, 31)))));

	@Test
	void thePartnerReadsPlainNumbersAndIsoDates() {
		assertThat(Wording.partner(MESSAGES).phrases(REASON)).isEqualTo("volume and rate differ: +2 messages (2400 estimated, "
				+ "2402 invoiced); amount +0.27 EUR (327.60 estimated, 327.87 invoiced); per message 0.1365 invoiced, "
				+ "0.1365 estimated; likely cause: the difference (2 messages) equals the volume the source puts on "
				+ "2025-08-31, a day at the edge of the month in the WABA's time zone: a time-zone boundary");
	}

	@Test
	void aGermanClientReadsGermanWithGermanNumbersAndDates() {
		assertThat(Wording.of(MESSAGES, Locale.forLanguageTag("de-DE")).phrases(REASON)).isEqualTo(
				"Menge und Preis weichen ab: +2 Nachrichten (2.400 geschätzt, 2.402 berechnet); Betrag +0,27 EUR "
						+ "(327,60 geschätzt, 327,87 berechnet); je Nachricht 0,1365 berechnet, 0,1365 geschätzt; "
						+ "wahrscheinliche Ursache: die Differenz (2 Nachrichten) entspricht der Menge, die die Quelle auf "
						+ "den 31.08.2025 legt, einen Tag am Monatsrand in der Zeitzone des WABA: eine Zeitzonengrenze");
	}

	@Test
	void aClientReadsNoSettingAndNoFileWhereThePartnerDoes() {
		Phrase unpriced = Phrase.of("reason.unpriced", Phrase.count(10), Phrase.count(1000),
				Phrase.text("no INR rate for India (IN) MARKETING in rate-cards/2025-07-01.csv"));
		assertThat(Wording.partner(MESSAGES).phrase(unpriced))
			.isEqualTo("the estimate of 10 of its 1000 messages cannot be priced: no INR rate for India (IN) MARKETING in "
					+ "rate-cards/2025-07-01.csv");
		assertThat(Wording.of(MESSAGES, Locale.forLanguageTag("en-IN")).phrase(unpriced))
			.isEqualTo("the estimate of 10 of its 1,000 messages cannot be priced: the rate card has no usable rate for them");
		Phrase noRate = Phrase.of("reason.noExchangeRate", Phrase.text("GBP"), Phrase.amount(new BigDecimal("1234.10")),
				Phrase.text("EUR"), Phrase.month(YearMonth.of(2025, 9)));
		assertThat(Wording.of(MESSAGES, Locale.forLanguageTag("de-DE")).phrase(noRate))
			.isEqualTo("die Schätzung lautet auf GBP (1.234,10 GBP) und für September 2025 gibt es keinen vereinbarten "
					+ "Wechselkurs GBP→EUR");
	}

	@Test
	void aLanguageWithoutABundleReadsEnglishWithItsOwnNumbers() {
		Phrase missing = Phrase.of("reason.missingFromInvoice", Phrase.count(1500), Phrase.amount(new BigDecimal("1500.00")),
				Phrase.text("EUR"));
		assertThat(Wording.of(MESSAGES, Locale.FRANCE).phrase(missing))
			.isEqualTo("no invoice line for 1\u202F500 estimated messages (1\u202F500,00 EUR)");
	}

	@Test
	void monthsAreNamedAsTheLanguageNamesThemStandingAloneAndCapitalisedOnlyAsHeadings() {
		YearMonth september = YearMonth.of(2025, 9);
		assertThat(Wording.of(MESSAGES, Locale.forLanguageTag("el-GR")).month(september)).isEqualTo("Σεπτέμβριος 2025");
		assertThat(Wording.of(MESSAGES, Locale.forLanguageTag("ru-RU")).month(september)).isEqualTo("сентябрь 2025");
		assertThat(Wording.of(MESSAGES, Locale.forLanguageTag("ru-RU")).monthTitle(september)).isEqualTo("Сентябрь 2025");
		assertThat(Wording.of(MESSAGES, Locale.forLanguageTag("pt-BR")).month(september)).isEqualTo("setembro 2025");
		assertThat(Wording.of(MESSAGES, Locale.forLanguageTag("pt-BR")).monthTitle(september)).isEqualTo("Setembro 2025");
	}

	@Test
	void storedPhrasesComeBackAsTheyWere() {
		String stored = Phrases.encode(REASON);
		assertThat(Phrases.decode(stored)).isEqualTo(REASON);
		assertThat(Phrases.encode(List.of())).isNull();
		assertThat(Phrases.decode(null)).isEmpty();
		// an id or a tier with a colon or quotes survives as text
		Phrase odd = Phrase.of("reason.marketTier", Phrase.text("IN:\"x\""), Phrase.text("1:250000"));
		assertThat(Phrases.decode(Phrases.encode(List.of(odd)))).containsExactly(odd);
	}

}
