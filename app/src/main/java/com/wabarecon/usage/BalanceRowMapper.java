package com.wabarecon.usage;

import static com.wabarecon.usage.JsonFields.decimal;
import static com.wabarecon.usage.JsonFields.text;
import static com.wabarecon.usage.JsonFields.whole;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Supplier;

import com.wabarecon.importing.FieldChecks;
import com.wabarecon.importing.RowProblems;
import com.wabarecon.importing.SkipReasons;
import com.wabarecon.support.accounting.FileAccounting;
import com.wabarecon.usage.ChannelLookup.ChannelInfo;
import com.wabarecon.usage.ChannelLookup.Channels;

import org.springframework.batch.infrastructure.item.ItemProcessor;

/**
 * Turns one period of a legacy balance export (the Partner API's {@code /info/balance}, used in
 * conversation-based months) into estimates: per category, the paid quantity with its price,
 * and the free rest ({@code FREE_TIER} for service, {@code FREE_ENTRY_POINT} for the others).
 * {@code <category>_price} is the period's price for the category. The channel is the
 * document's {@code channel_id}, else the file name {@code <channel_id>.balance.json}. The
 * published examples carry a {@code total_price} that is not the sum of the category prices:
 * the category figures are kept, and the difference is noted on the file (at most
 * {@value #MAX_NOTES} notes a file).
 * <p>
 * One instance per step execution; not thread-safe.
 */
class BalanceRowMapper implements ItemProcessor<JsonRow, EstimateGroup> {

	static final String SUFFIX = ".balance.json";

	static final List<String> CATEGORIES = List.of("authentication", "marketing", "service", "utility");

	static final int MAX_NOTES = 5;

	private final YearMonth month;

	private final EpochSeconds epochs;

	private final Supplier<Channels> directory;

	private final FileAccounting accounting;

	private final java.util.Map<String, Integer> notesPerFile = new java.util.HashMap<>();

	private Channels channels;

	BalanceRowMapper(YearMonth month, Supplier<Channels> directory, FileAccounting accounting) {
		this.month = month;
		this.epochs = new EpochSeconds(month);
		this.directory = directory;
		this.accounting = accounting;
	}

	@Override
	public EstimateGroup process(JsonRow item) {
		if (channels == null) {
			channels = directory.get();
		}
		RowFields row = item.row();
		RowProblems problems = new RowProblems();
		ChannelInfo channel = channelOf(item, problems);
		String currency = item.document().get("currency");
		if (currency != null) {
			problems.add(FieldChecks.currency("currency", currency));
		}
		LocalDate day = channel == null ? null : periodDate(row, channel, problems);
		for (String category : CATEGORIES) {
			problems.add(JsonFields.present(row, category + "_quantity")
					? JsonFields.wholeProblem(row, category + "_quantity") : null)
				.add(JsonFields.present(row, category + "_paid_quantity")
						? JsonFields.wholeProblem(row, category + "_paid_quantity") : null)
				.add(JsonFields.decimalProblem(row, category + "_price"));
			Long quantity = whole(row, category + "_quantity");
			Long paid = whole(row, category + "_paid_quantity");
			if (quantity != null && paid != null && paid > quantity) {
				problems.add(category + "_paid_quantity " + paid + " exceeds " + category + "_quantity " + quantity);
			}
		}
		problems.throwIfAny(item.source());
		if (!YearMonth.from(day).equals(month)) {
			return SkipReasons.skip("belongs to another month");
		}
		String rowCurrency = currency == null ? channel.currency() : currency;
		List<UsageEstimate> estimates = new ArrayList<>();
		BigDecimal sumOfPrices = BigDecimal.ZERO;
		for (String category : CATEGORIES) {
			long quantity = orZero(whole(row, category + "_quantity"));
			long paid = orZero(whole(row, category + "_paid_quantity"));
			BigDecimal price = decimal(row, category + "_price");
			price = price == null ? BigDecimal.ZERO : price;
			sumOfPrices = sumOfPrices.add(price);
			String name = category.toUpperCase(Locale.ROOT);
			if (paid > 0 || price.signum() > 0) {
				estimates.add(estimate(channel, day, name, "REGULAR", paid, price, UsageEstimate.SOURCE, rowCurrency, item));
			}
			if (quantity > paid) {
				String freeType = "SERVICE".equals(name) ? "FREE_TIER" : "FREE_ENTRY_POINT";
				estimates.add(estimate(channel, day, name, freeType, quantity - paid, BigDecimal.ZERO,
						UsageEstimate.FREE, rowCurrency, item));
			}
		}
		BigDecimal total = decimal(row, "total_price");
		if (total != null && total.compareTo(sumOfPrices) != 0) {
			noteOnce(item, "total_price " + total.toPlainString() + " is not the sum of the category prices "
					+ sumOfPrices.toPlainString() + " (the category figures are kept)");
		}
		return estimates.isEmpty() ? null : new EstimateGroup(item.source(), estimates);
	}

	/**
	 * The document's {@code channel_id}, else the one its file name gives. A {@code channel_id}
	 * that contradicts a file name naming another channel of the directory, and a
	 * {@code client_id} or {@code phone_number_id} that is not that channel's, leave the file's
	 * owner unknown: every period is rejected naming the contradiction (row by row, as the usage
	 * exports' rows are, so that each is counted and shown with its figures).
	 */
	private ChannelInfo channelOf(JsonRow item, RowProblems problems) {
		String fileChannelId = channelFromFileName(item.source().file());
		String channelId = item.document().get("channel_id");
		ChannelInfo channel = channels.byId(channelId != null ? channelId : fileChannelId);
		if (channel == null) {
			problems.add("channel '" + (channelId != null ? channelId : fileChannelId) + "' (from "
					+ (channelId != null ? "channel_id" : "the file name") + ") is not in the directory");
			return null;
		}
		if (channelId != null && !channelId.equals(fileChannelId) && channels.byId(fileChannelId) != null) {
			problems.add("channel_id '" + channelId + "' contradicts the file name, which names channel " + fileChannelId);
		}
		problems.add(channel.phoneNumberIdContradiction(item.document().get("phone_number_id")))
			.add(channel.clientContradiction(item.document().get("client_id")));
		return channel;
	}

	/** The period's day: a date, or plausible epoch seconds ({@link EpochSeconds}) in the WABA's time zone. */
	private LocalDate periodDate(RowFields row, ChannelInfo channel, RowProblems problems) {
		String text = text(row, "period_date");
		if (text == null) {
			problems.add("period_date is missing");
			return null;
		}
		Long epoch = whole(row, "period_date");
		if (epoch != null) {
			String implausible = epochs.problem("period_date", epoch);
			problems.add(implausible);
			return implausible != null ? null : Instant.ofEpochSecond(epoch).atZone(channel.zone()).toLocalDate();
		}
		try {
			return LocalDate.parse(text.length() > 10 ? text.substring(0, 10) : text);
		}
		catch (DateTimeParseException ex) {
			problems.add("period_date '" + text + "' is neither a date (YYYY-MM-DD) nor epoch seconds");
			return null;
		}
	}

	private UsageEstimate estimate(ChannelInfo channel, LocalDate day, String category, String type, long volume,
			BigDecimal cost, String costSource, String currency, JsonRow item) {
		return new UsageEstimate(month.toString(), channel.channelId(), channel.clientId(), null, day, null, category,
				type, null, volume, cost, currency, costSource, UsageEstimate.BALANCE, true, item.source());
	}

	private void noteOnce(JsonRow item, String text) {
		String file = item.source().file();
		int count = notesPerFile.merge(file, 1, Integer::sum);
		if (count <= MAX_NOTES) {
			accounting.note(file, "warning: line " + item.source().line() + ": " + text);
		}
		else if (count == MAX_NOTES + 1) {
			accounting.note(file, "warning: more periods like these are not listed");
		}
	}

	static String channelFromFileName(String sourceName) {
		String name = sourceName.substring(sourceName.lastIndexOf('/') + 1);
		return name.endsWith(SUFFIX) ? name.substring(0, name.length() - SUFFIX.length()) : name;
	}

	private static long orZero(Long value) {
		return value == null ? 0 : value;
	}

}
