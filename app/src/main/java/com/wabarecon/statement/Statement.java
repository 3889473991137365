package com.wabarecon.statement;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import com.wabarecon.balance.BalanceMonth;
import com.wabarecon.forecast.ForecastLine;
import com.wabarecon.rules.LineStatus;
import com.wabarecon.rules.Money;
import com.wabarecon.rules.Volumes;

/**
 * Everything one client's statement for one month shows, read from the reconciliation's lines,
 * the invoice's other lines, the daily estimates and the previous month's lines. It holds that
 * client's data only. Amounts are in the currency each row names; a client whose WABAs are
 * invoiced in several currencies has totals per currency.
 *
 * @param month the billing month, {@code YYYY-MM}
 * @param client who the statement is for
 * @param lines the month's reconciliation lines of the client, by currency, channel and category
 * @param charges the invoice's adjustments, credits and taxes on the client's WABAs
 * @param days the counted estimates per day, category and currency
 * @param previous the previous month's lines summed per currency and category (empty when that
 * month was not reconciled)
 * @param rates the month's agreed exchange rates into the client's statement currency, by the
 * currency they convert
 * @param calls the counted call estimates per day, direction and currency (none: no calls)
 * @param previousCalls the previous month's, the same way (none: no calls, or that month not loaded)
 * @param balances the prepaid balances of the client's phone numbers on Direct Payment, the most
 * urgent first (none: the partner pays for all of them)
 * @param forecast the approximate charges of the coming month per currency and category (none:
 * not forecast)
 * @param history the client's last 12 reconciled months, this one included, oldest first
 * @param generatedAt when the statement was rendered
 */
record Statement(String month, Client client, List<Line> lines, List<Charge> charges, List<Day> days,
		List<Previous> previous, Map<String, BigDecimal> rates, List<CallDay> calls, List<CallDay> previousCalls,
		List<BalanceMonth> balances, List<ForecastLine> forecast, List<HistoryMonth> history, Instant generatedAt) {

	static final List<String> STATUSES = Arrays.stream(LineStatus.values()).map(LineStatus::name).toList();

	/** Line types of the invoice that are carried to the totals beside usage. */
	static final List<String> CHARGE_TYPES = List.of("ADJUSTMENT", "CREDIT", "TAX");

	Statement {
		lines = List.copyOf(lines);
		charges = List.copyOf(charges);
		days = List.copyOf(days);
		previous = List.copyOf(previous);
		rates = Map.copyOf(rates);
		calls = List.copyOf(calls);
		previousCalls = List.copyOf(previousCalls);
		balances = List.copyOf(balances);
		forecast = List.copyOf(forecast);
		history = List.copyOf(history);
	}

	/**
	 * One month of the client's history in one currency: messages invoiced (paid) and estimated
	 * free, and the amount invoiced (usage lines; calls are in neither count).
	 */
	record HistoryMonth(YearMonth month, String currency, long paid, long free, BigDecimal invoiced) {
	}

	/**
	 * @param locale BCP 47 tag, such as {@code de-DE}
	 */
	record Client(String clientId, String name, String statementCurrency, String locale) {

		Locale javaLocale() {
			return Locale.forLanguageTag(locale);
		}

	}

	/**
	 * One reconciliation line: a channel (or a whole WABA) and a category, in one currency. Its
	 * reason is the partner's English text and, for lines reconciled since reasons are kept so,
	 * the phrases a client reads in its own language ({@code null} before).
	 */
	record Line(String currency, String wabaId, String phoneNumberId, String channelId, String displayPhoneNumber,
			String category, long estimatedVolume, long invoicedVolume, long volumeDelta, BigDecimal estimatedAmount,
			BigDecimal invoicedAmount, BigDecimal amountDelta, BigDecimal amountDeltaPct, long estimatedFreeVolume,
			long invoicedFreeVolume, String status, String reason, String reasonPhrases, String invoiceIds) {

		boolean discrepancy() {
			return LineStatus.valueOf(status).isDiscrepancy();
		}

	}

	/** An ADJUSTMENT, CREDIT or TAX line of the invoice, on one of the client's WABAs. */
	record Charge(String invoiceId, String wabaId, String lineType, String currency, BigDecimal amount) {
	}

	/**
	 * The counted estimates of one day and category, in one currency: paid and free volume,
	 * estimated cost ({@code null}, unknown, when some of the day's estimates could not be priced).
	 * {@code wholeMonth}: the estimates of a source that counts the whole month at once, dated its
	 * first day; they belong to no day.
	 */
	record Day(LocalDate date, String category, String currency, long paidVolume, long freeVolume, BigDecimal cost,
			boolean wholeMonth) {

		long volume() {
			return paidVolume + freeVolume;
		}

	}

	/**
	 * The counted calls of one day and direction, in one currency: talk time, billed pulses,
	 * estimated cost ({@code null}, unknown, when some could not be priced); {@code approximate}
	 * when some of the pulses come from an export's average duration.
	 */
	record CallDay(LocalDate date, String direction, String currency, long calls, long durationSeconds,
			long billedPulses, BigDecimal cost, boolean approximate) {
	}

	/** The previous month's lines of one currency and category, summed. */
	record Previous(String currency, String category, long invoicedVolume, BigDecimal invoicedAmount) {
	}

	/**
	 * The totals of one currency: usage estimated and invoiced, the difference, the invoice's other
	 * lines. {@code estimated} is {@code null} (unknown) when a line's estimate is unknown
	 * ({@code unknownEstimates} of them), {@code difference} when a line's is (the estimate is
	 * unknown, or in another currency than its invoice): a partial sum is never shown as the whole.
	 */
	record Total(String currency, BigDecimal estimated, BigDecimal invoiced, BigDecimal difference,
			BigDecimal adjustments, BigDecimal credits, BigDecimal taxes, int lines, int discrepancies,
			int unknownEstimates) {

		BigDecimal grandTotal() {
			return invoiced.add(adjustments).add(credits).add(taxes);
		}

	}

	/** This month against the previous one, for one currency and category (category null: all). */
	record Change(String currency, String category, Long previousVolume, Long volume, BigDecimal previousAmount,
			BigDecimal amount) {

		BigDecimal volumeChangePct() {
			return previousVolume == null || volume == null ? null
					: Statement.pct(BigDecimal.valueOf(previousVolume), BigDecimal.valueOf(volume));
		}

		/** A volume as shown in the category's unit ({@link Volumes}); {@code null} stays null. */
		BigDecimal shown(Long counted) {
			return counted == null ? null : Volumes.shown(category, counted);
		}

		BigDecimal amountChangePct() {
			return previousAmount == null ? null : Statement.pct(previousAmount, amount);
		}

	}

	/** The change from {@code before} to {@code now} in percent, one decimal; {@code null} from nothing. */
	static BigDecimal pct(BigDecimal before, BigDecimal now) {
		if (before.signum() == 0) {
			return null;
		}
		return now.subtract(before).multiply(BigDecimal.valueOf(100)).divide(before.abs(), 1, RoundingMode.HALF_UP);
	}

	/**
	 * A month's calls in four figures: how many, their talk time, its average per call, and their
	 * estimated cost per currency ({@code null} in a currency where a call could not be priced).
	 */
	record CallFigures(long calls, long durationSeconds, Map<String, BigDecimal> cost) {

		static CallFigures of(List<CallDay> days) {
			Map<String, BigDecimal> cost = new TreeMap<>();
			Set<String> unknown = new TreeSet<>();
			for (CallDay day : days) {
				if (day.cost() == null) {
					unknown.add(day.currency());
				}
				else {
					cost.merge(day.currency(), day.cost(), BigDecimal::add);
				}
			}
			unknown.forEach(currency -> cost.put(currency, null));
			return new CallFigures(days.stream().mapToLong(CallDay::calls).sum(),
					days.stream().mapToLong(CallDay::durationSeconds).sum(), cost);
		}

		/** Talk time in minutes, one decimal. */
		BigDecimal minutes() {
			return BigDecimal.valueOf(durationSeconds).divide(BigDecimal.valueOf(60), 1, RoundingMode.HALF_UP);
		}

		/** Talk time per call, whole seconds; {@code null} without calls. */
		BigDecimal averageSeconds() {
			return calls == 0 ? null
					: BigDecimal.valueOf(durationSeconds).divide(BigDecimal.valueOf(calls), 0, RoundingMode.HALF_UP);
		}

		/** The one currency's cost, when the calls are priced in one currency and known; else {@code null}. */
		BigDecimal onlyCost() {
			return cost.size() == 1 ? cost.values().iterator().next() : null;
		}

	}

	/**
	 * The month's total invoiced (usage, adjustments, credits, taxes) of every currency, in the
	 * client's statement currency, at the month's agreed rates: {@code total} is {@code null}
	 * (unknown) when a currency has no rate ({@code missing}), never the sum of the others.
	 *
	 * @param rates the rates used, by the currency they convert (the statement currency's own not among them)
	 */
	record Conversion(String currency, BigDecimal total, Map<String, BigDecimal> rates, List<String> missing) {
	}

	/** The totals in the statement currency; empty when every total already is in it (nothing to convert). */
	Optional<Conversion> conversion() {
		String target = client.statementCurrency();
		List<Total> totals = totals();
		if (target == null || totals.stream().allMatch(total -> total.currency().equals(target))) {
			return Optional.empty();
		}
		BigDecimal sum = BigDecimal.ZERO;
		Map<String, BigDecimal> used = new TreeMap<>();
		List<String> missing = new ArrayList<>();
		for (Total total : totals) {
			if (total.currency().equals(target)) {
				sum = sum.add(total.grandTotal());
			}
			else if (rates.containsKey(total.currency())) {
				used.put(total.currency(), rates.get(total.currency()));
				sum = sum.add(total.grandTotal().multiply(rates.get(total.currency())));
			}
			else {
				missing.add(total.currency());
			}
		}
		return Optional.of(new Conversion(target,
				missing.isEmpty() ? Money.round(sum, target) : null, used, missing));
	}

	YearMonth billingMonth() {
		return YearMonth.parse(month);
	}

	/** Every currency of the statement, sorted: of the lines and of the other invoice lines. */
	List<String> currencies() {
		return Stream.concat(lines.stream().map(Line::currency), charges.stream().map(Charge::currency))
			.collect(Collectors.toCollection(TreeSet::new))
			.stream()
			.toList();
	}

	/** The invoices the statement's figures come from. */
	List<String> invoiceIds() {
		Set<String> ids = new TreeSet<>();
		lines.stream()
			.map(Line::invoiceIds)
			.filter(Objects::nonNull)
			.flatMap(text -> Arrays.stream(text.split("[,;\\s]+")))
			.filter(id -> !id.isBlank())
			.forEach(ids::add);
		charges.forEach(charge -> ids.add(charge.invoiceId()));
		return List.copyOf(ids);
	}

	List<Total> totals() {
		return currencies().stream().map(this::total).toList();
	}

	private Total total(String currency) {
		List<Line> inCurrency = lines.stream().filter(line -> line.currency().equals(currency)).toList();
		int unknown = (int) inCurrency.stream().filter(line -> line.estimatedAmount() == null).count();
		boolean differenceUnknown = inCurrency.stream().anyMatch(line -> line.amountDelta() == null);
		return new Total(currency, unknown > 0 ? null : sum(inCurrency, Line::estimatedAmount),
				sum(inCurrency, Line::invoicedAmount), differenceUnknown ? null : sum(inCurrency, Line::amountDelta),
				charges(currency, "ADJUSTMENT"), charges(currency, "CREDIT"), charges(currency, "TAX"),
				inCurrency.size(), (int) inCurrency.stream().filter(Line::discrepancy).count(), unknown);
	}

	private BigDecimal charges(String currency, String lineType) {
		return sum(charges.stream()
			.filter(charge -> charge.currency().equals(currency) && charge.lineType().equals(lineType))
			.toList(), Charge::amount);
	}

	/** How many lines have each status, in the order of {@link #STATUSES}; statuses without lines left out. */
	Map<String, Long> linesPerStatus() {
		Map<String, Long> counts = lines.stream().collect(Collectors.groupingBy(Line::status, Collectors.counting()));
		Map<String, Long> ordered = new LinkedHashMap<>();
		STATUSES.stream().filter(counts::containsKey).forEach(status -> ordered.put(status, counts.get(status)));
		counts.keySet().stream().filter(status -> !ordered.containsKey(status)).sorted()
			.forEach(status -> ordered.put(status, counts.get(status)));
		return ordered;
	}

	/** The estimates counted per day (the daily charts' and sheet's), without those of the whole month. */
	List<Day> daily() {
		return days.stream().filter(day -> !day.wholeMonth()).toList();
	}

	/** The estimates of sources that count the whole month at once. */
	List<Day> wholeMonth() {
		return days.stream().filter(Day::wholeMonth).toList();
	}

	List<Line> discrepancies() {
		return lines.stream().filter(Line::discrepancy).toList();
	}

	/**
	 * This month's invoiced volume and amount against the previous month's, per currency and
	 * category, then per currency for all categories (no volume when they count minutes too).
	 * Empty when the previous month has no lines.
	 */
	List<Change> changes() {
		if (previous.isEmpty()) {
			return List.of();
		}
		Map<String, Change> changes = new TreeMap<>(); // keyed "EUR MARKETING": by currency, then category
		for (Line line : lines) {
			changes.merge(line.currency() + " " + line.category(),
					new Change(line.currency(), line.category(), null, line.invoicedVolume(), null,
							line.invoicedAmount()),
					Statement::add);
		}
		for (Previous before : previous) {
			changes.merge(before.currency() + " " + before.category(),
					new Change(before.currency(), before.category(), before.invoicedVolume(), 0L,
							before.invoicedAmount(), BigDecimal.ZERO),
					Statement::add);
		}
		List<Change> result = new ArrayList<>();
		Map<String, List<Change>> byCurrency = changes.values()
			.stream()
			.collect(Collectors.groupingBy(Change::currency, TreeMap::new, Collectors.toList()));
		byCurrency.forEach((currency, rows) -> {
			result.addAll(rows);
			Change all = rows.stream()
				.map(row -> new Change(currency, null, nonNull(row.previousVolume()), row.volume(),
						nonNull(row.previousAmount()), row.amount()))
				.reduce(Statement::add)
				.orElseThrow();
			// messages and minutes do not add up: a currency with calls has no volume total
			boolean minutes = rows.stream().anyMatch(row -> Volumes.inMinutes(row.category()));
			result.add(minutes ? new Change(currency, null, null, null, all.previousAmount(), all.amount()) : all);
		});
		return result;
	}

	private static Change add(Change a, Change b) {
		return new Change(a.currency(), a.category(), addNullable(a.previousVolume(), b.previousVolume()),
				addNullable(a.volume(), b.volume()), addNullable(a.previousAmount(), b.previousAmount()),
				a.amount().add(b.amount()));
	}

	private static Long nonNull(Long value) {
		return value == null ? 0L : value;
	}

	private static BigDecimal nonNull(BigDecimal value) {
		return value == null ? BigDecimal.ZERO : value;
	}

	private static Long addNullable(Long a, Long b) {
		if (a == null || b == null) {
			return a == null ? b : a;
		}
		return a + b;
	}

	private static BigDecimal addNullable(BigDecimal a, BigDecimal b) {
		return a == null ? b : b == null ? a : a.add(b);
	}

	static <T> BigDecimal sum(Collection<T> rows, Function<T, BigDecimal> amount) {
		return rows.stream().map(amount).filter(Objects::nonNull).reduce(BigDecimal.ZERO, BigDecimal::add);
	}

}
