package com.wabarecon.importing;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.sql.Types;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;

import com.wabarecon.rules.Money;
import com.wabarecon.rules.TieOutCheck;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * The invoice files' tie-out: per file and currency, the amounts of every row as the invoice
 * step read it ({@linkplain #record recorded} in {@code invoice_file_total}) equal the lines
 * loaded now ({@code invoice_line}) plus the rows rejected, and so do the rows' counts. Rows whose amount or currency cannot be
 * read are in no sum: they are counted and named beside the figures. Checked when the invoice
 * step ends and again by the reconciliation's tie-out, so that a line lost, or two identical
 * lines collapsed into one, after the import fails the close. A file never read has neither
 * figures nor lines, and no check. Thread-safe.
 */
@Component
public class InvoiceFileTieOut {

	/** Lines named of the rows whose amount or currency cannot be read; more are counted. */
	private static final int LISTED_LINES = 5;

	/**
	 * One file's rows of one currency and line type as read ({@code null} currency: it cannot be
	 * read; {@code null} line type: none the invoice knows).
	 */
	public record Key(String file, String currency, String lineType) {
	}

	/**
	 * What was read of one key's rows: every row and the amounts that can be read, the rows
	 * rejected and their amounts, the rows whose amount or currency cannot be read and the first
	 * of their lines. Not thread-safe.
	 */
	public static final class Tally {

		private long rowsRead;

		private BigDecimal amountRead = BigDecimal.ZERO;

		private long rowsRejected;

		private BigDecimal amountRejected = BigDecimal.ZERO;

		private long rowsUnreadable;

		private final List<Long> unreadableLines = new ArrayList<>();

		/** A row read, with its amount, or {@code null} when its amount or currency cannot be read. */
		public void read(BigDecimal amount, Long line) {
			rowsRead++;
			if (amount != null) {
				amountRead = amountRead.add(amount);
			}
			else {
				rowsUnreadable++;
				if (line != null && unreadableLines.size() < LISTED_LINES) {
					unreadableLines.add(line);
				}
			}
		}

		/** A row rejected, with its amount, or {@code null} when it cannot be read. */
		public void rejected(BigDecimal amount) {
			rowsRejected++;
			if (amount != null) {
				amountRejected = amountRejected.add(amount);
			}
		}

	}

	/**
	 * One file's figures in one currency ({@code null}: its rows whose currency cannot be read,
	 * or, with no row read, a file refused whole).
	 */
	public record FileCheck(String file, String currency, long rowsRead, BigDecimal read, long rowsLoaded,
			BigDecimal loaded, long rowsRejected, BigDecimal rejected, long rowsUnreadable, List<Long> unreadableLines)
			implements TieOutCheck {

		@Override
		public boolean ties() {
			return rowsRead == rowsLoaded + rowsRejected && read.compareTo(loaded.add(rejected)) == 0;
		}

		/**
		 * "2025-09/invoice/a.csv EUR: file 963.33 = loaded 929.33 + rejected 34.00", at the
		 * currency's precision, then the rows whose amount cannot be read ("+ 1 row whose amount
		 * cannot be read (line 4)"); when it does not tie out, the difference and the rows.
		 */
		@Override
		public String describe() {
			if (currency == null) {
				if (rowsRead == 0 && rowsLoaded == 0) {
					return file + ": no row read, the file is refused whole";
				}
				return file + ": " + rows(rowsUnreadable) + " whose currency cannot be read" + lines()
						+ (ties() ? "" : " (rows: file " + rowsRead + ", loaded " + rowsLoaded + " + rejected "
								+ rowsRejected + ")");
			}
			int scale = Money.digits(currency);
			BigDecimal accounted = loaded.add(rejected);
			StringBuilder text = new StringBuilder(file).append(' ').append(currency).append(": file ")
				.append(Money.text(read, currency));
			if (ties()) {
				text.append(" = loaded ").append(Money.text(loaded, currency)).append(" + rejected ").append(Money.text(rejected, currency));
			}
			else {
				text.append(" but loaded ").append(Money.text(loaded, currency)).append(" + rejected ")
					.append(Money.text(rejected, currency)).append(" = ").append(Money.text(accounted, currency))
					.append(" (difference ").append(exact(read.subtract(accounted), scale)).append("; rows: file ")
					.append(rowsRead).append(", loaded ").append(rowsLoaded).append(" + rejected ").append(rowsRejected)
					.append(')');
			}
			if (rowsUnreadable > 0) {
				text.append(" + ").append(rows(rowsUnreadable)).append(" whose amount cannot be read").append(lines());
			}
			return text.toString();
		}

		private String lines() {
			if (unreadableLines.isEmpty()) {
				return "";
			}
			StringBuilder text = new StringBuilder(unreadableLines.size() == 1 && rowsUnreadable == 1 ? " (line " : " (lines ");
			for (int i = 0; i < unreadableLines.size(); i++) {
				boolean last = i == unreadableLines.size() - 1 && rowsUnreadable == unreadableLines.size();
				text.append(i == 0 ? "" : last ? " and " : ", ").append(unreadableLines.get(i));
			}
			if (rowsUnreadable > unreadableLines.size()) {
				text.append(" and ").append(rowsUnreadable - unreadableLines.size()).append(" more");
			}
			return text.append(')').toString();
		}

		private static String rows(long count) {
			return count == 1 ? "1 row" : count + " rows";
		}

	}

	private final JdbcClient jdbc;

	private final JdbcTemplate jdbcTemplate;

	InvoiceFileTieOut(JdbcClient jdbc, JdbcTemplate jdbcTemplate) {
		this.jdbc = jdbc;
		this.jdbcTemplate = jdbcTemplate;
	}

	/** Replaces the month's figures as read by these, in one transaction. */
	@Transactional
	public void record(String month, Map<Key, Tally> read) {
		jdbc.sql("DELETE FROM invoice_file_total WHERE billing_month = ?").param(month).update();
		List<Object[]> rows = new ArrayList<>(read.size());
		read.forEach((key, tally) -> rows.add(new Object[] { month, key.file(), key.currency(), key.lineType(),
				tally.rowsRead, tally.amountRead, tally.rowsRejected, tally.amountRejected, tally.rowsUnreadable,
				tally.unreadableLines.isEmpty() ? null
						: tally.unreadableLines.stream().map(String::valueOf).collect(Collectors.joining(",")) }));
		jdbcTemplate.batchUpdate("""
				INSERT INTO invoice_file_total (billing_month, source_file, currency, line_type, rows_read, amount_read,
				    rows_rejected, amount_rejected, rows_unreadable, unreadable_lines)
				VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""", rows,
				new int[] { Types.CHAR, Types.VARCHAR, Types.CHAR, Types.VARCHAR, Types.BIGINT, Types.NUMERIC,
						Types.BIGINT, Types.NUMERIC, Types.BIGINT, Types.VARCHAR });
	}

	/** The month's files, each currency a check, in file and currency order. */
	public List<FileCheck> check(String month) {
		Comparator<List<String>> order = Comparator.<List<String>, String>comparing(key -> key.get(0))
			.thenComparing(key -> key.get(1), Comparator.nullsLast(Comparator.naturalOrder()));
		Map<List<String>, Tally> read = new TreeMap<>(order);
		Map<List<String>, Loaded> loaded = new TreeMap<>(order);
		jdbc.sql("""
				SELECT source_file, currency, rows_read, amount_read, rows_rejected, amount_rejected, rows_unreadable,
				       unreadable_lines
				FROM invoice_file_total WHERE billing_month = ?""").param(month).query(rs -> {
			Tally file = read.computeIfAbsent(Arrays.asList(rs.getString(1), trim(rs.getString(2))), key -> new Tally());
			file.rowsRead += rs.getLong(3);
			file.amountRead = file.amountRead.add(rs.getBigDecimal(4));
			file.rowsRejected += rs.getLong(5);
			file.amountRejected = file.amountRejected.add(rs.getBigDecimal(6));
			file.rowsUnreadable += rs.getLong(7);
			String lines = rs.getString(8);
			if (lines != null) {
				Arrays.stream(lines.split(",")).map(Long::valueOf).forEach(file.unreadableLines::add);
			}
		});
		jdbc.sql("""
				SELECT source_file, currency, COUNT(*), SUM(amount) FROM invoice_line WHERE billing_month = ?
				GROUP BY source_file, currency""").param(month).query(rs -> {
			List<String> key = Arrays.asList(rs.getString(1), trim(rs.getString(2)));
			read.computeIfAbsent(key, k -> new Tally());
			loaded.put(key, new Loaded(rs.getLong(3), rs.getBigDecimal(4)));
		});
		List<FileCheck> checks = new ArrayList<>(read.size());
		read.forEach((key, file) -> {
			Loaded lines = loaded.getOrDefault(key, Loaded.NONE);
			checks.add(new FileCheck(key.get(0), key.get(1), file.rowsRead, file.amountRead, lines.rows(), lines.amount(),
				file.rowsRejected, file.amountRejected, file.rowsUnreadable,
				file.unreadableLines.stream().sorted().limit(LISTED_LINES).toList()));
		});
		return checks;
	}

	/** The lines loaded of one file and currency. */
	private record Loaded(long rows, BigDecimal amount) {

		static final Loaded NONE = new Loaded(0, BigDecimal.ZERO);

	}

	/** A {@code CHAR(3)} as written ({@code null} stays {@code null}). */
	private static String trim(String currency) {
		return currency == null ? null : currency.strip();
	}

	/** At the currency's precision, or finer when that would hide a difference. */
	private static String exact(BigDecimal amount, int scale) {
		return amount.setScale(Math.max(scale, amount.stripTrailingZeros().scale()), RoundingMode.UNNECESSARY)
			.toPlainString();
	}

}
