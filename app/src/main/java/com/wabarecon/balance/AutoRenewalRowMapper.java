package com.wabarecon.balance;

import java.math.BigDecimal;
import java.util.List;
import java.util.Locale;
import java.util.function.Supplier;

import com.wabarecon.importing.FieldChecks;
import com.wabarecon.importing.FirstOccurrence;
import com.wabarecon.importing.RowProblems;
import com.wabarecon.importing.SkipReasons;
import com.wabarecon.support.csv.CsvRecord;

import org.springframework.batch.infrastructure.item.ItemProcessor;

/**
 * A row of {@code directory/auto-renewal.csv}: a DIRECT channel of the directory (once), whether
 * renewal is on, and, when it is, a threshold and an amount of 0 or more in the channel's balance
 * currency. One instance per step execution; not thread-safe.
 */
class AutoRenewalRowMapper implements ItemProcessor<CsvRecord, BalanceRows.AutoRenewalRow> {

	static final List<String> COLUMNS = List.of("channel_id", "enabled", "threshold", "amount",
			"currency");

	private final Supplier<DirectChannels> directory;

	private final FirstOccurrence channels = new FirstOccurrence();

	private DirectChannels known;

	AutoRenewalRowMapper(Supplier<DirectChannels> directory) {
		this.directory = directory;
	}

	@Override
	public BalanceRows.AutoRenewalRow process(CsvRecord row) {
		if (row.isBlank()) {
			return SkipReasons.skip("blank line");
		}
		known = known == null ? directory.get() : known;
		String channelId = row.text("channel_id");
		String currency = row.text("currency").toUpperCase(Locale.ROOT);
		RowProblems problems = new RowProblems().add(known.problem(channelId))
			.add(FieldChecks.currency("currency", currency));
		Boolean enabled = BalanceFields.yesNo("enabled", row.text("enabled"), problems);
		boolean on = Boolean.TRUE.equals(enabled);
		BigDecimal threshold = BalanceFields.decimal("threshold", row.text("threshold"), on, problems);
		BigDecimal amount = BalanceFields.decimal("amount", row.text("amount"), on, problems);
		problems.add(threshold != null && threshold.signum() < 0 ? "threshold is negative" : null)
			.add(amount != null && amount.signum() <= 0 && on ? "amount must be more than 0" : null);
		if (problems.isEmpty()) {
			problems.add(known.currencyProblem(channelId, currency))
				.add(channels.check("channel_id", channelId, row.source().line()));
		}
		problems.throwIfAny(row.source());
		return new BalanceRows.AutoRenewalRow(channelId, on, threshold, amount, currency, row.source());
	}

}
