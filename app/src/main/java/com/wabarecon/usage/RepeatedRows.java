package com.wabarecon.usage;

import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import javax.sql.DataSource;

import com.wabarecon.support.accounting.InputFileRepository;
import com.wabarecon.support.bulk.BulkLoader;
import com.wabarecon.support.reject.RejectRepository.Reject;
import com.wabarecon.support.reject.RejectRepository;
import com.wabarecon.support.reject.RowSource;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Rejects the month's usage or balance export rows that repeat a row of another file: the same
 * export copied under a second name, or a file repeating some rows of another, must count once.
 * Rows share a key when they give the same usage: a usage export row its channel, start, country,
 * category, pricing type and tier; a balance period its channel and day (one period is the
 * channel's whole day, which its categories only split). Of the rows sharing a key, those of the
 * file first in name order stay (all of them: rows of one key within one file are not repeats of
 * another file, and are left as they are), and every row of another file is rejected naming the
 * first of them (by line, then position). The outcome depends on the files' names and contents
 * only, not on the order in which the shares happened to load them.
 * <p>
 * Only the channels whose rows came from more than one file can hold such rows; the loading steps
 * note them ({@code repeat_channel}), so in the normal case, each channel's rows in one file,
 * nothing else is read. Otherwise, in the caller's one transaction: the rows to reject are found in
 * the database among those channels' rows ({@code repeated_estimate}: memory stays bounded,
 * whatever their number), removed from the estimates, recorded as rejects of the step that loaded
 * them, taken out of the estimates' sums (rows that subtract them: every reader sums
 * {@code estimate_summary}) and moved from loaded to rejected in their files' counts.
 */
class RepeatedRows {

	/** Rows read from the database at a time, and estimates taken out of the sums at a time. */
	private static final int BATCH = 5_000;

	/** What was found for one source kind. */
	record Outcome(int channels, long rows, int files) {
	}

	private final JdbcClient jdbc;

	private final JdbcTemplate streaming;

	private final BulkLoader loader;

	private final RejectRepository rejects;

	private final InputFileRepository inputFiles;

	private final int maxRawChars;

	/** File names in code point order, as the inbox lists them, whatever the database's collation. */
	private final String fileOrder;

	private final boolean postgres;

	RepeatedRows(JdbcClient jdbc, DataSource dataSource, BulkLoader loader, RejectRepository rejects,
			InputFileRepository inputFiles, int maxRawChars, boolean postgres) {
		this.jdbc = jdbc;
		this.streaming = new JdbcTemplate(dataSource);
		this.streaming.setFetchSize(BATCH);
		this.loader = loader;
		this.rejects = rejects;
		this.inputFiles = inputFiles;
		this.maxRawChars = maxRawChars;
		this.fileOrder = postgres ? " COLLATE \"C\"" : "";
		this.postgres = postgres;
	}

	/**
	 * Rejects the rows of the kind that repeat another file's, as rejects of {@code stepName}.
	 * Run in one transaction with the other kinds.
	 */
	Outcome reject(String month, String sourceKind, String stepName) {
		jdbc.sql("DELETE FROM repeated_estimate WHERE billing_month = ? AND source_kind = ?")
			.params(month, sourceKind)
			.update();
		int channels = jdbc.sql("SELECT COUNT(DISTINCT channel_id) FROM repeat_channel WHERE billing_month = ? AND source_kind = ?")
			.params(month, sourceKind)
			.query(Integer.class)
			.single();
		if (channels == 0) {
			return new Outcome(0, 0, 0);
		}
		if (postgres) {
			// the month's estimates have no statistics yet (they come after this step): the planner
			// takes the month for a handful of rows and joins it row by row, which grows with the
			// square of the repeats; hash joins read each table once. Until the transaction ends.
			jdbc.sql("SET LOCAL enable_nestloop = off").update();
		}
		int found = jdbc.sql(findRepeats(sourceKind)).param("month", month).param("kind", sourceKind).update();
		if (found == 0) {
			return new Outcome(channels, 0, 0);
		}
		int removed = jdbc.sql("""
				DELETE FROM usage_estimate u
				WHERE u.billing_month = :month AND u.source_kind = :kind
				  AND EXISTS (SELECT 1 FROM repeated_estimate r
				              WHERE r.billing_month = u.billing_month AND r.source_kind = u.source_kind
				                AND r.channel_id = u.channel_id AND r.source_file = u.source_file
				                AND r.source_line = u.source_line AND r.source_position = u.source_position)""")
			.param("month", month)
			.param("kind", sourceKind)
			.update();
		if (removed != found) {
			throw new IllegalStateException("of " + found + " " + sourceKind + " estimates of " + month
					+ " found to repeat another file's, " + removed + " could be told apart and removed");
		}
		Rejecting rejecting = new Rejecting(month, sourceKind, stepName);
		streaming.query("""
				SELECT * FROM repeated_estimate WHERE billing_month = ? AND source_kind = ?
				ORDER BY source_file%1$s, source_line, LENGTH(source_position), source_position%1$s""".formatted(fileOrder),
				rs -> {
					rejecting.add(rs);
				}, month, sourceKind);
		rejecting.finish();
		jdbc.sql("DELETE FROM repeated_estimate WHERE billing_month = ? AND source_kind = ?")
			.params(month, sourceKind)
			.update();
		return new Outcome(channels, rejecting.rowCount, rejecting.files.size());
	}

	/**
	 * Copies into {@code repeated_estimate} the estimates of the channels noted as loaded from more
	 * than one file that are not of the first file (in name order) of the rows with their key, each
	 * with the first row of that file (by line, then position: {@code column 12, usage[3]}, whose
	 * numbers a longer text holds larger ones).
	 */
	private String findRepeats(String sourceKind) {
		String key = UsageEstimate.BALANCE.equals(sourceKind) ? "channel_id, local_date"
				: "channel_id, usage_start, country, pricing_category, pricing_type, tier";
		String window = "OVER (PARTITION BY %s ORDER BY source_file%s, source_line, LENGTH(source_position), source_position%s)"
			.formatted(key, fileOrder, fileOrder);
		return """
				INSERT INTO repeated_estimate (billing_month, source_kind, channel_id, client_id, usage_start, local_date,
				    country, pricing_category, pricing_type, tier, volume, cost, currency, cost_source, counts_as_estimate,
				    source_file, source_line, source_position, kept_file, kept_line, kept_position)
				SELECT billing_month, source_kind, channel_id, client_id, usage_start, local_date, country,
				    pricing_category, pricing_type, tier, volume, cost, currency, cost_source, counts_as_estimate,
				    source_file, source_line, source_position, kept_file, kept_line, kept_position
				FROM (SELECT u.*, FIRST_VALUE(source_file) %1$s AS kept_file, FIRST_VALUE(source_line) %1$s AS kept_line,
				          FIRST_VALUE(source_position) %1$s AS kept_position
				      FROM usage_estimate u
				      WHERE u.billing_month = :month AND u.source_kind = :kind
				        AND u.channel_id IN (SELECT channel_id FROM repeat_channel
				                             WHERE billing_month = :month AND source_kind = :kind)) r
				WHERE source_file <> kept_file""".formatted(window);
	}

	/**
	 * The removed estimates, in file, line and position order, turned into rejects (one per source
	 * row: a balance period's categories are one row), subtracting sums and per-file counts; written
	 * a batch at a time.
	 */
	private final class Rejecting {

		private final String month;

		private final String sourceKind;

		private final String stepName;

		private final List<UsageEstimate> estimates = new ArrayList<>(BATCH);

		private final List<Reject> rows = new ArrayList<>();

		/** Per file, its rows rejected: at most the directory's files. */
		private final Map<String, Long> files = new LinkedHashMap<>();

		private long rowCount;

		/** The source row at hand: its estimates, and the row it repeats. */
		private RowSource row;

		private final List<UsageEstimate> rowEstimates = new ArrayList<>();

		private String kept;

		Rejecting(String month, String sourceKind, String stepName) {
			this.month = month;
			this.sourceKind = sourceKind;
			this.stepName = stepName;
		}

		void add(ResultSet rs) throws SQLException {
			RowSource source = new RowSource(rs.getString("source_file"), rs.getObject("source_line", Long.class),
					rs.getString("source_position"), null);
			if (row == null || !source.file().equals(row.file()) || !Objects.equals(source.line(), row.line())
					|| !Objects.equals(source.position(), row.position())) {
				endRow();
				row = source;
				kept = new RowSource(rs.getString("kept_file"), rs.getObject("kept_line", Long.class),
						rs.getString("kept_position"), null)
					.describe();
			}
			BigDecimal cost = rs.getBigDecimal("cost");
			UsageEstimate estimate = new UsageEstimate(month, rs.getString("channel_id"), rs.getString("client_id"),
					rs.getObject("usage_start", Long.class), rs.getObject("local_date", LocalDate.class),
					rs.getString("country"), rs.getString("pricing_category"), rs.getString("pricing_type"),
					rs.getString("tier"), rs.getLong("volume"), cost, rs.getString("currency"), rs.getString("cost_source"),
					sourceKind, rs.getBoolean("counts_as_estimate"), source);
			rowEstimates.add(estimate);
			estimates.add(estimate);
			if (estimates.size() >= BATCH) {
				subtractSums();
			}
		}

		private void endRow() {
			if (row == null) {
				return;
			}
			UsageEstimate first = rowEstimates.get(0);
			boolean balance = UsageEstimate.BALANCE.equals(sourceKind);
			String reason = (balance ? "repeats the period of " : "repeats the row of ") + kept + " (" + key(first)
					+ "): the same usage counts once";
			rows.add(new Reject(stepName, new RowSource(row.file(), row.line(), row.position(), raw(rowEstimates)),
					reason));
			files.merge(row.file(), 1L, Long::sum);
			rowCount++;
			rowEstimates.clear();
			if (rows.size() >= BATCH) {
				rejects.addLoaded(month, stepName, rows, maxRawChars);
				rows.clear();
			}
		}

		void finish() {
			endRow();
			row = null;
			if (!rows.isEmpty()) {
				rejects.addLoaded(month, stepName, rows, maxRawChars);
			}
			subtractSums();
			inputFiles.rejectLoaded(month, stepName, files);
		}

		private void subtractSums() {
			if (!estimates.isEmpty()) {
				loader.load(EstimateSummary.TABLE,
						EstimateSummary.of(estimates).stream().map(EstimateSummary::negated).toList());
				estimates.clear();
			}
		}

	}

	/** What rows sharing a key share: "ch_001, start 1759356000, DE MARKETING REGULAR 0:MAX"; "ch_001, 2025-10-02". */
	private static String key(UsageEstimate e) {
		if (e.usageStart() == null) {
			return e.channelId() + ", " + e.localDate();
		}
		return e.channelId() + ", start " + e.usageStart() + ", " + e.country() + " " + e.category() + " "
				+ e.pricingType() + (e.tier() == null ? "" : " " + e.tier());
	}

	/**
	 * The row as it was loaded (its text is not kept): "as loaded: ch_001, start 1759356000
	 * (2025-10-02), DE MARKETING REGULAR 0:MAX, volume 10, cost 1.365 EUR"; a balance period with
	 * each of its categories: "as loaded: ch_001, period 2025-10-02: MARKETING REGULAR volume 10
	 * cost 1.365 EUR; SERVICE FREE_TIER volume 30 cost 0 EUR".
	 */
	private static String raw(List<UsageEstimate> estimates) {
		UsageEstimate first = estimates.get(0);
		StringBuilder text = new StringBuilder("as loaded: ").append(first.channelId());
		if (first.usageStart() == null) {
			text.append(", period ").append(first.localDate()).append(':');
			for (int i = 0; i < estimates.size(); i++) {
				UsageEstimate e = estimates.get(i);
				text.append(i == 0 ? " " : "; ").append(e.category()).append(' ').append(e.pricingType())
					.append(" volume ").append(e.volume()).append(" cost ").append(cost(e));
			}
			return text.toString();
		}
		return text.append(", start ").append(first.usageStart()).append(" (").append(first.localDate()).append("), ")
			.append(first.country()).append(' ').append(first.category()).append(' ').append(first.pricingType())
			.append(first.tier() == null ? "" : " " + first.tier()).append(", volume ").append(first.volume())
			.append(", cost ").append(cost(first))
			.toString();
	}

	private static String cost(UsageEstimate e) {
		return e.cost() == null ? "none (to be priced from the rate card, " + e.currency() + ")"
				: e.cost().stripTrailingZeros().toPlainString() + " " + e.currency();
	}

}
