package com.wabarecon.support.wording;

import java.math.BigDecimal;
import java.text.DecimalFormat;
import java.text.NumberFormat;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

import org.springframework.context.MessageSource;
import org.springframework.context.support.DefaultMessageSourceResolvable;
import org.springframework.context.support.ResourceBundleMessageSource;

/**
 * Words phrases and labels from the message bundles ({@code i18n/messages_<language>.properties},
 * English the fallback for a language or a key a bundle lacks) for one reader:
 * <ul>
 * <li>a client ({@link #of}): in the client's language, numbers and dates as its locale writes
 * them ({@code 2.400}, {@code 327,60}, {@code 31.08.2025});</li>
 * <li>the partner's files ({@link #partner}): English, numbers plain as the reconciliation CSV
 * writes them ({@code 2400}, {@code 327.60}, {@code 2025-08-31}).</li>
 * </ul>
 * Every message is a {@link java.text.MessageFormat} pattern (a quote is written {@code ''});
 * its arguments arrive already worded. Thread-safe.
 */
public final class Wording {

	/** The bundles' base name on the class path. */
	public static final String BUNDLES = "i18n/messages";

	private final MessageSource messages;

	private final Locale locale;

	private final boolean plainNumbers;

	private Wording(MessageSource messages, Locale locale, boolean plainNumbers) {
		this.messages = messages;
		this.locale = locale;
		this.plainNumbers = plainNumbers;
	}

	/** The bundles as one message source: UTF-8, every message a pattern, no fallback to the machine's locale. */
	public static MessageSource messageSource() {
		ResourceBundleMessageSource source = new ResourceBundleMessageSource();
		source.setBasename(BUNDLES);
		source.setDefaultEncoding("UTF-8");
		source.setFallbackToSystemLocale(false);
		source.setAlwaysUseMessageFormat(true);
		return source;
	}

	/** Wording for a client whose locale is {@code locale}. */
	public static Wording of(MessageSource messages, Locale locale) {
		return new Wording(messages, locale, false);
	}

	/** Wording for the partner's own files: English words, plain numbers. */
	public static Wording partner(MessageSource messages) {
		return new Wording(messages, Locale.ENGLISH, true);
	}

	public Locale locale() {
		return locale;
	}

	public MessageSource messages() {
		return messages;
	}

	/** The message {@code key} with its arguments (already worded, or plain text). */
	public String text(String key, Object... args) {
		return messages.getMessage(key, args, locale);
	}

	/** The message {@code key}, or {@code fallback} where no bundle has it. */
	public String textOr(String key, String fallback) {
		return messages.getMessage(key, null, fallback, locale);
	}

	/**
	 * The phrase, its arguments worded for this reader; a client reads the message's
	 * {@code .client} form where the bundles have one.
	 */
	public String phrase(Phrase phrase) {
		Object[] args = phrase.args().stream().map(this::arg).toArray();
		String[] keys = plainNumbers ? new String[] { phrase.key() }
				: new String[] { phrase.key() + ".client", phrase.key() };
		return messages.getMessage(new DefaultMessageSourceResolvable(keys, args), locale);
	}

	/** The phrases, joined as the parts of one reason ({@code "; "}); {@code null} when there are none. */
	public String phrases(List<Phrase> phrases) {
		return phrases.isEmpty() ? null : phrases.stream().<String>map(this::phrase).collect(Collectors.joining("; "));
	}

	/** Stored phrases ({@link Phrases#encode}) worded; {@code null} when there are none. */
	public String stored(String encoded) {
		return phrases(Phrases.decode(encoded));
	}

	private String arg(Arg arg) {
		if (arg instanceof Phrase nested) {
			return phrase(nested);
		}
		if (arg instanceof Arg.Count count) {
			return number(BigDecimal.valueOf(count.value()), count.signed());
		}
		if (arg instanceof Arg.Amount amount) {
			return number(amount.value(), amount.signed());
		}
		if (arg instanceof Arg.Decimal decimal) {
			return number(decimal.value(), false);
		}
		if (arg instanceof Arg.Text text) {
			return text.value();
		}
		if (arg instanceof Arg.Month month) {
			return month(month.value());
		}
		return date(((Arg.Day) arg).value());
	}

	/** A number with the decimals it has: {@code 2400} / {@code 2.400}; {@code +0.27} when signed and positive. */
	public String number(BigDecimal value, boolean signed) {
		String sign = signed && value.signum() > 0 ? "+" : "";
		if (plainNumbers) {
			return sign + value.toPlainString();
		}
		DecimalFormat format = (DecimalFormat) NumberFormat.getNumberInstance(locale);
		int decimals = Math.max(0, value.scale());
		format.setMinimumFractionDigits(decimals);
		format.setMaximumFractionDigits(decimals);
		return sign + format.format(value);
	}

	/** A count: {@code 2400} / {@code 2.400}. */
	public String count(long value) {
		return number(BigDecimal.valueOf(value), false);
	}

	/**
	 * The month as its name and year, as the language writes it inside a sentence:
	 * {@code September 2025}, {@code Σεπτέμβριος 2025}, {@code сентябрь 2025}.
	 */
	public String month(YearMonth month) {
		return DateTimeFormatter.ofPattern("LLLL yyyy", locale).format(month);
	}

	/** The month as a heading: capitalised in every language ({@code Сентябрь 2025}). */
	public String monthTitle(YearMonth month) {
		String text = month(month);
		return text.substring(0, 1).toUpperCase(locale) + text.substring(1);
	}

	/** A date: ISO for the partner ({@code 2025-08-31}), as the locale writes it for a client ({@code 31.08.2025}). */
	public String date(LocalDate date) {
		return plainNumbers ? date.toString()
				: DateTimeFormatter.ofLocalizedDate(FormatStyle.MEDIUM).withLocale(locale).format(date);
	}

}
