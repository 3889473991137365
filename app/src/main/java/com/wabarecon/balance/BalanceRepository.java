package com.wabarecon.balance;

import java.math.BigDecimal;
import java.sql.Timestamp;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import com.wabarecon.rules.FundsMovement;
import com.wabarecon.rules.FundsOutlook;

import org.springframework.batch.infrastructure.item.ItemWriter;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The balance tables: the auto-renewal settings (replaced whole by each close, as the directory
 * file says them now), the month's snapshots and funds movements (replaced by each run), and the
 * month's roll-forward per DIRECT channel ({@code balance_month}).
 */
@Repository
class BalanceRepository {

	private final JdbcClient jdbc;

	private final JdbcTemplate jdbcTemplate;

	BalanceRepository(JdbcClient jdbc, JdbcTemplate jdbcTemplate) {
		this.jdbc = jdbc;
		this.jdbcTemplate = jdbcTemplate;
	}

	void clearAutoRenewal(String month) {
		jdbc.sql("DELETE FROM auto_renewal").update();
	}

	ItemWriter<BalanceRows.AutoRenewalRow> autoRenewalWriter() {
		return chunk -> {
			List<Object[]> rows = new ArrayList<>();
			chunk.forEach(row -> rows.add(new Object[] { row.channelId(), row.enabled(), row.threshold(), row.amount(),
					row.currency(), row.source().file(), row.source().line() }));
			jdbcTemplate.batchUpdate("""
					INSERT INTO auto_renewal (channel_id, enabled, threshold, amount, currency, source_file, source_line)
					VALUES (?, ?, ?, ?, ?, ?, ?)""", rows);
		};
	}

	void clearSnapshots(String month) {
		jdbc.sql("DELETE FROM balance_snapshot WHERE billing_month = ?").param(month).update();
	}

	ItemWriter<BalanceRows.SnapshotRow> snapshotWriter() {
		return chunk -> {
			List<Object[]> rows = new ArrayList<>();
			chunk.forEach(row -> rows.add(new Object[] { row.month(), row.channelId(), row.balance(), row.currency(),
					row.lastRenewalAmount(), row.lastRenewalAt() == null ? null : Timestamp.from(row.lastRenewalAt()),
					row.source().file() }));
			jdbcTemplate.batchUpdate("""
					INSERT INTO balance_snapshot (billing_month, channel_id, balance, currency, last_renewal_amount,
					    last_renewal_at, source_file)
					VALUES (?, ?, ?, ?, ?, ?, ?)""", rows);
		};
	}

	void clearMovements(String month) {
		jdbc.sql("DELETE FROM funds_movement WHERE billing_month = ?").param(month).update();
	}

	ItemWriter<BalanceRows.MovementRow> movementWriter() {
		return chunk -> {
			List<Object[]> rows = new ArrayList<>();
			chunk.forEach(row -> rows.add(new Object[] { row.month(), row.channelId(), Timestamp.from(row.bookedAt()),
					row.localDate(), row.type().name(), row.amount(), row.currency(), row.reference(), row.source().file(),
					row.source().line() }));
			jdbcTemplate.batchUpdate("""
					INSERT INTO funds_movement (billing_month, channel_id, booked_at, local_date, movement_type, amount,
					    currency, reference, source_file, source_line)
					VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""", rows);
		};
	}

	/** The channel's snapshot of the month; {@code null} when there is none. */
	BigDecimal snapshot(String month, String channelId) {
		return jdbc.sql("SELECT balance FROM balance_snapshot WHERE billing_month = ? AND channel_id = ?")
			.params(month, channelId)
			.query(BigDecimal.class)
			.optional()
			.orElse(null);
	}

	/** The channel's movements of the month, in the order booked. */
	List<FundsMovement> movements(String month, String channelId) {
		return jdbc.sql("""
				SELECT booked_at, movement_type, amount FROM funds_movement
				WHERE billing_month = ? AND channel_id = ? ORDER BY booked_at, source_line""")
			.params(month, channelId)
			.query((rs, n) -> new FundsMovement(rs.getTimestamp(1).toInstant(),
					FundsMovement.Type.valueOf(rs.getString(2)), rs.getBigDecimal(3)))
			.list();
	}

	/** The usage each day of the month (positive), by the movements of type USAGE, in the WABA's time zone. */
	Map<LocalDate, BigDecimal> dailyUsage(String month, String channelId) {
		Map<LocalDate, BigDecimal> days = new TreeMap<>();
		jdbc.sql("""
				SELECT local_date, -SUM(amount) FROM funds_movement
				WHERE billing_month = ? AND channel_id = ? AND movement_type = 'USAGE' GROUP BY local_date""")
			.params(month, channelId)
			.query(rs -> {
				days.put(rs.getObject(1, LocalDate.class), rs.getBigDecimal(2));
			});
		return days;
	}

	FundsOutlook.AutoRenewal autoRenewal(String channelId) {
		return jdbc.sql("SELECT enabled, threshold, amount FROM auto_renewal WHERE channel_id = ?")
			.param(channelId)
			.query((rs, n) -> new FundsOutlook.AutoRenewal(rs.getBoolean(1), rs.getBigDecimal(2), rs.getBigDecimal(3)))
			.optional()
			.orElse(FundsOutlook.AutoRenewal.NONE);
	}

	/** The channel's usage lines on the month's invoice, in its currency; {@code null} when it has none. */
	BigDecimal invoicedUsage(String month, DirectChannels.Channel channel) {
		return jdbc.sql("""
				SELECT SUM(amount) FROM invoice_line WHERE billing_month = ? AND line_type = 'USAGE'
				  AND waba_id = ? AND phone_number_id = ? AND currency = ?""")
			.params(month, channel.wabaId(), channel.phoneNumberId(), channel.currency())
			.query(BigDecimal.class)
			.optional()
			.orElse(null);
	}

	void replaceMonth(String month, List<Object[]> rows) {
		jdbc.sql("DELETE FROM balance_month WHERE billing_month = ?").param(month).update();
		jdbcTemplate.batchUpdate("""
				INSERT INTO balance_month (billing_month, channel_id, client_id, currency, opening, added, used, other,
				    expected_closing, closing, difference, invoiced_usage, daily_cost, days_left, renewal_date,
				    empty_date, runs_out_soon, renewal_enabled, suggested_threshold, suggested_amount, stable_usage)
				VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""", rows);
	}

}
