package com.wabarecon.support.accounting;

import java.util.List;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The month's input files and their row counts ({@code input_file}). Thread-safe.
 */
@Repository
public class InputFileRepository {

	private final JdbcClient jdbc;

	InputFileRepository(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/** Replaces what a step recorded for the month by these files. */
	public void replace(String month, String stepName, List<FileCounts> files, java.util.Map<String, Long> sizes) {
		jdbc.sql("DELETE FROM input_file WHERE billing_month = ? AND step_name = ?").params(month, stepName).update();
		for (FileCounts file : files) {
			jdbc.sql("""
					INSERT INTO input_file (billing_month, step_name, source_file, sha256, size_bytes, rows_read,
					    rows_loaded, rows_rejected, rows_skipped, note, recorded_at)
					VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, CURRENT_TIMESTAMP)""")
				.params(month, stepName, file.sourceFile(), file.sha256(), sizes.get(file.sourceFile()), file.read(),
						file.loaded(), file.rejected(), file.skipped(), file.note())
				.update();
		}
	}

	public List<FileCounts> forMonth(String month) {
		return jdbc.sql("""
				SELECT step_name, source_file, sha256, rows_read, rows_loaded, rows_rejected, rows_skipped, note
				FROM input_file WHERE billing_month = ? ORDER BY step_name, source_file""")
			.param(month)
			.query((rs, n) -> new FileCounts(rs.getString(1), rs.getString(2), rs.getString(3), rs.getLong(4),
					rs.getLong(5), rs.getLong(6), rs.getLong(7), rs.getString(8)))
			.list();
	}

}
