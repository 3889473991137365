package com.wabarecon.balance;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;

import com.wabarecon.rules.FundsMovement;
import com.wabarecon.support.reject.RowSource;
import com.wabarecon.support.reject.SourcedItem;

/** The rows of the balance files, as loaded. */
final class BalanceRows {

	private BalanceRows() {
	}

	/** A row of {@code directory/auto-renewal.csv}; threshold and amount may be absent when it is off. */
	record AutoRenewalRow(String channelId, boolean enabled, BigDecimal threshold, BigDecimal amount, String currency,
			RowSource source) implements SourcedItem {
	}

	/** A DIRECT channel's balance at the end of the month ({@code <month>/balance/<channel>.json}). */
	record SnapshotRow(String month, String channelId, BigDecimal balance, String currency,
			BigDecimal lastRenewalAmount, Instant lastRenewalAt, RowSource source) implements SourcedItem {
	}

	/** A row of {@code <month>/balance/movements.csv}, with the day it was booked in the WABA's time zone. */
	record MovementRow(String month, String channelId, Instant bookedAt, LocalDate localDate, FundsMovement.Type type,
			BigDecimal amount, String currency, String reference, RowSource source) implements SourcedItem {
	}

}
