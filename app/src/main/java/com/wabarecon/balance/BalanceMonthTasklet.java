package com.wabarecon.balance;

import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Date;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import com.wabarecon.rules.FundsMovement;
import com.wabarecon.rules.FundsOutlook;
import com.wabarecon.rules.Money;
import com.wabarecon.rules.RenewalAdvice;
import com.wabarecon.rules.RollForward;
import com.wabarecon.support.reject.RejectedRowException;

import org.springframework.batch.core.ExitStatus;
import org.springframework.batch.core.scope.context.ChunkContext;
import org.springframework.batch.core.step.StepContribution;
import org.springframework.batch.core.step.tasklet.Tasklet;
import org.springframework.batch.infrastructure.repeat.RepeatStatus;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Each DIRECT channel's month ({@code balance_month}), with the rules core: the roll-forward
 * ({@link RollForward}: the opening balance is the previous month's snapshot as the close
 * recorded it, else as the inbox's previous month folder holds it), the usage the invoice
 * charged beside the usage the movements deducted, how long the funds last
 * ({@link FundsOutlook}, as of the month's last day) and the suggested renewal
 * ({@link RenewalAdvice}). The step's exit names every roll-forward that does not tie out, with
 * both figures, every channel without a snapshot or an opening balance, and every channel whose
 * funds run out within a week. Rerun, it replaces the month's rows.
 */
class BalanceMonthTasklet implements Tasklet {

	private final BalanceRepository balances;

	private final JdbcClient jdbc;

	private final Path inbox;

	private final YearMonth month;

	BalanceMonthTasklet(BalanceRepository balances, JdbcClient jdbc, Path inbox, YearMonth month) {
		this.balances = balances;
		this.jdbc = jdbc;
		this.inbox = inbox;
		this.month = month;
	}

	@Override
	public RepeatStatus execute(StepContribution contribution, ChunkContext chunkContext) {
		String billingMonth = month.toString();
		String previousMonth = month.minusMonths(1).toString();
		LocalDate lastDay = month.atEndOfMonth();
		List<Object[]> rows = new ArrayList<>();
		List<String> notes = new ArrayList<>();
		int tied = 0;
		for (DirectChannels.Channel channel : DirectChannels.load(jdbc).byId().values()) {
			if (!channel.direct()) {
				continue;
			}
			String id = channel.channelId();
			String currency = channel.currency();
			BigDecimal snapshot = balances.snapshot(billingMonth, id);
			BigDecimal opening = balances.snapshot(previousMonth, id);
			opening = opening != null ? opening : inboxSnapshot(previousMonth, channel);
			List<FundsMovement> movements = balances.movements(billingMonth, id);
			RollForward roll = RollForward.of(currency, opening, movements, snapshot);
			Map<LocalDate, BigDecimal> usage = balances.dailyUsage(billingMonth, id);
			FundsOutlook.AutoRenewal renewal = balances.autoRenewal(id);
			FundsOutlook outlook = snapshot == null ? null : FundsOutlook.of(snapshot, lastDay, usage, renewal, currency);
			List<BigDecimal> days = new ArrayList<>();
			for (int day = 1; day <= month.lengthOfMonth(); day++) {
				days.add(usage.getOrDefault(month.atDay(day), BigDecimal.ZERO));
			}
			RenewalAdvice advice = RenewalAdvice.of(days, currency);
			if (snapshot == null) {
				notes.add(id + " has no balance snapshot for " + billingMonth + ": its closing balance is unknown");
			}
			else if (opening == null) {
				notes.add(id + " has no opening balance (no snapshot for " + previousMonth + "): its roll-forward is unknown");
			}
			else if (roll.ties()) {
				tied++;
			}
			else {
				notes.add(id + " does not tie out: opening " + Money.text(opening, currency) + " + movements "
						+ Money.text(roll.added().add(roll.used()).add(roll.other()), currency) + " = "
						+ Money.text(roll.expectedClosing(), currency) + ", snapshot " + Money.text(snapshot, currency)
						+ " (difference " + Money.text(roll.difference(), currency) + " " + currency + ")");
			}
			if (outlook != null && outlook.runsOutSoon()) {
				notes.add(id + "'s funds run out within " + FundsOutlook.SOON_DAYS + " days: " + outlook.daysLeft()
						+ " days left at " + Money.text(outlook.dailyCost(), currency) + " " + currency + " a day"
						+ (outlook.empty() == null ? "" : ", empty on " + outlook.empty()));
			}
			rows.add(new Object[] { billingMonth, id, channel.clientId(), currency, opening, roll.added(), roll.used(),
					roll.other(), roll.expectedClosing(), snapshot, roll.difference(),
					balances.invoicedUsage(billingMonth, channel), outlook == null ? null : outlook.dailyCost(),
					outlook == null ? null : outlook.daysLeft(), date(outlook == null ? null : outlook.renewal()),
					date(outlook == null ? null : outlook.empty()), outlook != null && outlook.runsOutSoon(),
					renewal.enabled(), advice.threshold(), advice.amount(), advice.stable() });
		}
		balances.replaceMonth(billingMonth, rows);
		contribution.incrementWriteCount(rows.size());
		String summary = rows.isEmpty() ? "no channel on Direct Payment"
				: rows.size() + " channels on Direct Payment, " + tied + " tying out"
						+ (notes.isEmpty() ? "" : "; " + String.join("; ", notes));
		contribution.setExitStatus(ExitStatus.COMPLETED.addExitDescription(summary));
		return RepeatStatus.FINISHED;
	}

	/** The balance of the inbox's snapshot of that month, when it has a readable one in the channel's currency. */
	private BigDecimal inboxSnapshot(String previousMonth, DirectChannels.Channel channel) {
		Path file = inbox.resolve(previousMonth).resolve(BalanceStepConfiguration.FOLDER)
			.resolve(channel.channelId() + ".json");
		if (!Files.isRegularFile(file)) {
			return null;
		}
		try {
			SnapshotFileReader.Document document = new SnapshotFileReader(file, file.toString()).read();
			var json = document.json();
			boolean sameCurrency = json.path("currency").asText().equalsIgnoreCase(channel.currency());
			return sameCurrency && json.path("balance").isNumber() ? json.get("balance").decimalValue() : null;
		}
		catch (RejectedRowException ex) {
			return null;
		}
	}

	private static Date date(LocalDate day) {
		return day == null ? null : Date.valueOf(day);
	}

}
