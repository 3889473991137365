package com.wabarecon.statement;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Stands in for the reconciliation (built in parallel) over an imported month: sums the
 * counted estimates and the invoice's usage lines per channel (or WABA, where the invoice names
 * no channel) and category, converts estimates with the month's FX rates, and gives each line a
 * status and reason with a simple tolerance (1 % or 0.50 in amount, 1 % or 5 in volume). Good
 * enough to render the sample month's statements with every status they are built to show; not
 * the product's reconciliation.
 */
final class SampleReconLines {

	private final JdbcClient jdbc;

	SampleReconLines(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/** Side of one line being summed. */
	private static final class Side {

		String clientId;

		String channelId;

		String display;

		String sourceCurrency;

		String currency;

		long volume;

		long freeVolume;

		BigDecimal amount = BigDecimal.ZERO;

		boolean present;

		Set<String> invoices = new TreeSet<>();

	}

	/** Writes the month's recon_line rows; returns how many. */
	int reconcile(String month) {
		jdbc.sql("DELETE FROM recon_line WHERE billing_month = ?").param(month).update();
		Map<String, BigDecimal> fx = new TreeMap<>();
		jdbc.sql("SELECT from_currency, to_currency, rate FROM fx_rate WHERE billing_month = ?")
			.param(month)
			.query((rs, row) -> fx.put(rs.getString(1) + rs.getString(2), rs.getBigDecimal(3)))
			.list();
		Set<String> wabaLevel = new TreeSet<>(jdbc.sql("""
				SELECT DISTINCT waba_id || ' ' || pricing_category FROM invoice_line
				WHERE billing_month = ? AND line_type = 'USAGE' AND phone_number_id IS NULL""").param(month)
			.query(String.class)
			.list());
		Map<String, Side[]> lines = new TreeMap<>();
		jdbc.sql("""
				SELECT c.client_id, c.channel_id, c.waba_id, c.phone_number_id, c.display_phone_number, c.waba_currency,
				       e.pricing_category, e.currency, e.pricing_type, e.volume, e.cost
				FROM usage_estimate e JOIN channel c ON c.channel_id = e.channel_id
				WHERE e.billing_month = ? AND e.counts_as_estimate""").param(month).query((rs, row) -> {
			String waba = rs.getString(3);
			String category = rs.getString(7);
			String phone = wabaLevel.contains(waba + " " + category) ? null : rs.getString(4);
			Side side = side(lines, waba, phone, category, 0);
			side.clientId = rs.getString(1);
			side.channelId = phone == null ? null : rs.getString(2);
			side.display = phone == null ? null : rs.getString(5);
			side.currency = rs.getString(6);
			side.sourceCurrency = rs.getString(8);
			side.present = true;
			add(side, rs.getString(9), rs.getLong(10), rs.getBigDecimal(11));
			return null;
		}).list();
		jdbc.sql("""
				SELECT i.waba_id, i.phone_number_id, i.pricing_category, i.currency, i.pricing_type, i.volume, i.amount,
				       i.invoice_id, c.client_id, c.channel_id, c.display_phone_number
				FROM invoice_line i LEFT JOIN channel c ON c.waba_id = i.waba_id
				    AND (c.phone_number_id = i.phone_number_id OR (i.phone_number_id IS NULL
				         AND c.channel_id = (SELECT MIN(c2.channel_id) FROM channel c2 WHERE c2.waba_id = i.waba_id)))
				WHERE i.billing_month = ? AND i.line_type = 'USAGE'""").param(month).query((rs, row) -> {
			Side side = side(lines, rs.getString(1), rs.getString(2), rs.getString(3), 1);
			side.clientId = rs.getString(9);
			side.channelId = rs.getString(2) == null ? null : rs.getString(10);
			side.display = rs.getString(2) == null ? null : rs.getString(11);
			side.currency = rs.getString(4);
			side.sourceCurrency = rs.getString(4);
			side.present = true;
			side.invoices.add(rs.getString(8));
			add(side, rs.getString(5), rs.getLong(6), rs.getBigDecimal(7));
			return null;
		}).list();
		lines.forEach((key, sides) -> insert(month, key, sides[0], sides[1], fx));
		return lines.size();
	}

	private static Side side(Map<String, Side[]> lines, String waba, String phone, String category, int which) {
		Side[] sides = lines.computeIfAbsent(waba + "|" + Objects.toString(phone, "") + "|" + category,
				key -> new Side[] { new Side(), new Side() });
		return sides[which];
	}

	private static void add(Side side, String type, long volume, BigDecimal amount) {
		if ("REGULAR".equals(type)) {
			side.volume += volume;
			side.amount = side.amount.add(amount == null ? BigDecimal.ZERO : amount);
		}
		else {
			side.freeVolume += volume;
		}
	}

	private void insert(String month, String key, Side estimate, Side invoice, Map<String, BigDecimal> fx) {
		String[] parts = key.split("\\|", -1);
		Side named = invoice.present ? invoice : estimate;
		String currency = invoice.present ? invoice.currency : estimate.currency;
		BigDecimal estimated = estimate.amount;
		if (estimate.present && !estimate.sourceCurrency.equals(currency)) {
			BigDecimal rate = fx.get(estimate.sourceCurrency + currency);
			estimated = rate == null ? null : estimate.amount.multiply(rate).setScale(4, RoundingMode.HALF_UP);
		}
		BigDecimal delta = estimated == null ? null : invoice.amount.subtract(estimated);
		long volumeDelta = invoice.volume - estimate.volume;
		String clientId = estimate.present ? estimate.clientId : invoice.clientId;
		String status;
		String reason;
		if (clientId == null) {
			status = "UNKNOWN_CHANNEL";
			reason = "WABA " + parts[0] + " is not in the directory";
		}
		else if (estimated == null) {
			status = "CURRENCY_MISMATCH";
			reason = "estimate in " + estimate.sourceCurrency + ", invoice in " + currency + ": no agreed " + estimate.sourceCurrency
					+ " rate for the month";
		}
		else if (!invoice.present && estimate.volume == 0 && estimate.amount.signum() == 0) {
			status = "MATCHED"; // free messages only (service): nothing to invoice
			reason = null;
		}
		else if (!invoice.present) {
			status = "MISSING_FROM_INVOICE";
			reason = estimate.volume + " messages estimated, none invoiced";
		}
		else if (!estimate.present) {
			status = "NOT_ESTIMATED";
			reason = "invoiced, never estimated";
		}
		else if (volumeDelta == 0 && delta.signum() == 0) {
			status = "MATCHED";
			reason = null;
		}
		else {
			boolean tolerated = delta.abs().compareTo(new BigDecimal("0.50").max(invoice.amount.abs().movePointLeft(2))) <= 0
					&& Math.abs(volumeDelta) <= Math.max(5, invoice.volume / 100);
			status = tolerated ? "WITHIN_TOLERANCE" : delta.signum() > 0 || volumeDelta > 0 ? "OVER_INVOICED" : "UNDER_INVOICED";
			reason = volumeDelta == 0 ? "rate differs: same volume, amount differs by " + delta.setScale(2, RoundingMode.HALF_UP).toPlainString()
					: "volume differs by " + volumeDelta + " messages";
		}
		BigDecimal pct = delta == null || invoice.amount.signum() == 0 ? null
				: delta.multiply(BigDecimal.valueOf(100)).divide(invoice.amount, 2, RoundingMode.HALF_UP);
		List<Object> values = new ArrayList<>(List.of(month));
		values.add(clientId);
		values.addAll(List.of(parts[0]));
		values.add(parts[1].isEmpty() ? null : parts[1]);
		values.add(named.channelId);
		values.add(named.display);
		values.addAll(List.of(parts[2], currency, estimate.volume, invoice.volume, volumeDelta));
		values.add(estimated);
		values.add(invoice.amount);
		values.add(delta);
		values.add(pct);
		values.addAll(List.of(estimate.freeVolume, invoice.freeVolume, status));
		values.add(reason);
		values.add(invoice.invoices.isEmpty() ? null : String.join(",", invoice.invoices));
		jdbc.sql("""
				INSERT INTO recon_line (billing_month, client_id, waba_id, phone_number_id, channel_id, display_phone_number,
				    category, currency, estimated_volume, invoiced_volume, volume_delta, estimated_amount, invoiced_amount,
				    amount_delta, amount_delta_pct, estimated_free_volume, invoiced_free_volume, status, reason, invoice_ids)
				VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""").params(values).update();
	}

}
