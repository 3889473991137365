package com.wabarecon.balance;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;
import java.util.Locale;
import java.util.function.Supplier;

import com.wabarecon.importing.FieldChecks;
import com.wabarecon.importing.RowProblems;
import com.wabarecon.importing.SkipReasons;
import com.wabarecon.rules.FundsMovement;
import com.wabarecon.support.csv.CsvRecord;

import org.springframework.batch.infrastructure.item.ItemProcessor;

/**
 * A row of {@code <month>/balance/movements.csv}: a DIRECT channel of the directory, the instant
 * it was booked (in the month being closed, in the WABA's time zone: another month's movement
 * belongs to that month's roll-forward), a known type, an amount signed as it moves the balance
 * ({@link FundsMovement}) in the channel's balance currency. One instance per step execution;
 * not thread-safe.
 */
class MovementRowMapper implements ItemProcessor<CsvRecord, BalanceRows.MovementRow> {

	static final List<String> COLUMNS = List.of("channel_id", "booked_at", "type", "amount", "currency");

	private final YearMonth month;

	private final Supplier<DirectChannels> directory;

	private DirectChannels known;

	MovementRowMapper(YearMonth month, Supplier<DirectChannels> directory) {
		this.month = month;
		this.directory = directory;
	}

	@Override
	public BalanceRows.MovementRow process(CsvRecord row) {
		if (row.isBlank()) {
			return SkipReasons.skip("blank line");
		}
		known = known == null ? directory.get() : known;
		String channelId = row.text("channel_id");
		String currency = row.text("currency").toUpperCase(Locale.ROOT);
		String typeText = row.text("type");
		FundsMovement.Type type = FundsMovement.Type.of(typeText);
		RowProblems problems = new RowProblems().add(known.problem(channelId))
			.add(FieldChecks.currency("currency", currency))
			.add(type != null ? null : typeText.isEmpty() ? "type is empty"
					: "type '" + typeText + "' is not one of TOP_UP, AUTO_RENEWAL, USAGE, REFUND, FEE, ADJUSTMENT");
		Instant bookedAt = BalanceFields.instant("booked_at", row.text("booked_at"), true, problems);
		BigDecimal amount = BalanceFields.decimal("amount", row.text("amount"), true, problems);
		problems.add(FieldChecks.maxLength("reference", row.text("reference"), 200));
		LocalDate day = null;
		if (problems.isEmpty()) {
			DirectChannels.Channel channel = known.byId().get(channelId);
			day = bookedAt.atZone(channel.zone()).toLocalDate();
			problems.add(known.currencyProblem(channelId, currency))
				.add(FundsMovement.signProblem(type, amount))
				.add(YearMonth.from(day).equals(month) ? null
						: "booked on " + day + " in " + channel.zone() + ", not in " + month
								+ ": it belongs to that month's balance");
		}
		problems.throwIfAny(row.source());
		String reference = row.text("reference");
		return new BalanceRows.MovementRow(month.toString(), channelId, bookedAt, day, type, amount, currency,
				reference.isEmpty() ? null : reference, row.source());
	}

}
