package com.wabarecon.support.accounting;

import java.sql.Types;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;

import com.wabarecon.inbox.InboxKind;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Transactional;

/**
 * The month's input files and their row counts ({@code input_file}). Thread-safe.
 */
@Repository
public class InputFileRepository {

	private final JdbcClient jdbc;

	private final JdbcTemplate jdbcTemplate;

	InputFileRepository(JdbcClient jdbc, JdbcTemplate jdbcTemplate) {
		this.jdbc = jdbc;
		this.jdbcTemplate = jdbcTemplate;
	}

	/**
	 * Replaces what a step recorded for the month by these files, in one transaction and one
	 * batch: a month has tens of thousands of export files, and a commit per file waits for the
	 * disk as often.
	 */
	@Transactional
	public void replace(String month, String stepName, List<FileCounts> files, Map<String, Long> sizes) {
		clear(month, stepName);
		add(month, stepName, files, sizes);
	}

	/** Forgets what a step recorded for the month, before the step (all its shares) reads again. */
	public void clear(String month, String stepName) {
		jdbc.sql("DELETE FROM input_file WHERE billing_month = ? AND step_name = ?").params(month, stepName).update();
	}

	/** Records these files for a step, beside what it recorded before (another share's files). */
	public void add(String month, String stepName, List<FileCounts> files, Map<String, Long> sizes) {
		List<Object[]> rows = new ArrayList<>(files.size());
		for (FileCounts file : files) {
			rows.add(new Object[] { month, stepName, file.sourceFile(), file.sha256(), sizes.get(file.sourceFile()),
					file.read(), file.loaded(), file.rejected(), file.skipped(), file.note() });
		}
		jdbcTemplate.batchUpdate("""
				INSERT INTO input_file (billing_month, step_name, source_file, sha256, size_bytes, rows_read,
				    rows_loaded, rows_rejected, rows_skipped, note, recorded_at)
				VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, CURRENT_TIMESTAMP)""", rows,
				new int[] { Types.CHAR, Types.VARCHAR, Types.VARCHAR, Types.VARCHAR, Types.BIGINT, Types.BIGINT,
						Types.BIGINT, Types.BIGINT, Types.BIGINT, Types.VARCHAR });
	}

	/**
	 * Rows of the step's files that had loaded and are rejected afterwards, in the caller's
	 * transaction: per file, as many rows loaded fewer and rejected more, so that the file's rows
	 * still balance. A file the step did not record as loading that many rows fails, naming it.
	 */
	public void rejectLoaded(String month, String stepName, Map<String, Long> rowsByFile) {
		List<String> files = List.copyOf(rowsByFile.keySet());
		int[] updated = jdbcTemplate.batchUpdate("""
				UPDATE input_file SET rows_loaded = rows_loaded - ?, rows_rejected = rows_rejected + ?
				WHERE billing_month = ? AND step_name = ? AND source_file = ? AND rows_loaded >= ?""",
				files.stream().map(file -> {
					long rows = rowsByFile.get(file);
					return new Object[] { rows, rows, month, stepName, file, rows };
				}).toList(), new int[] { Types.BIGINT, Types.BIGINT, Types.CHAR, Types.VARCHAR, Types.VARCHAR,
						Types.BIGINT });
		for (int i = 0; i < updated.length; i++) {
			if (updated[i] != 1) {
				throw new IllegalStateException(stepName + " recorded no " + files.get(i) + " with "
						+ rowsByFile.get(files.get(i)) + " rows loaded for " + month + ", which are to be rejected");
			}
		}
	}

	/** {@link #forMonth(String, Predicate)} of a close whose import is complete (its reports, its tests). */
	public List<FileCounts> forMonth(String month) {
		return forMonth(month, step -> true);
	}

	/**
	 * Every file of the month's inbox inventory with what its step made of it, in step and file
	 * order: a file the inventory gave a step but in which the step found no row (a header only,
	 * an empty file) is there too, with no rows, so the table lists every file the close looked at;
	 * so is a file whose step has not completed (a close that failed before it), as not read.
	 *
	 * @param completed whether the close completed a step
	 */
	public List<FileCounts> forMonth(String month, Predicate<String> completed) {
		List<FileCounts> files = new ArrayList<>(jdbc.sql("""
				SELECT step_name, source_file, sha256, rows_read, rows_loaded, rows_rejected, rows_skipped, note
				FROM input_file WHERE billing_month = ?""")
			.param(month)
			.query((rs, n) -> new FileCounts(rs.getString(1), rs.getString(2), rs.getString(3), rs.getLong(4),
					rs.getLong(5), rs.getLong(6), rs.getLong(7), rs.getString(8)))
			.list());
		// matched here, not by the database: the two tables have no index on their names, and an
		// anti-join over tens of thousands of files may be planned as nested loops
		Set<String> counted = new HashSet<>();
		files.forEach(file -> counted.add(file.sourceFile()));
		jdbc.sql("SELECT source_file, sha256, kind FROM inbox_file WHERE billing_month = ? AND decision = 'READ'")
			.param(month)
			.query(rs -> {
				if (!counted.contains(rs.getString(1))) {
					String step = InboxKind.valueOf(rs.getString(3)).step();
					files.add(new FileCounts("inboxStep", rs.getString(1), rs.getString(2), 0, 0, 0, 0,
							completed.test(step) ? "read: no rows in it" : "not read: " + step + " did not complete"));
				}
			});
		files.sort(Comparator.comparing(FileCounts::stepName).thenComparing(FileCounts::sourceFile));
		return files;
	}

}
