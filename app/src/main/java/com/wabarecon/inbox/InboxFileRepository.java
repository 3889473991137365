package com.wabarecon.inbox;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Transactional;

/**
 * The month's inbox inventory ({@code inbox_file}): the inbox step writes it, and each import
 * step reads the files of its kind from it, in name order. Thread-safe.
 */
@Repository
public class InboxFileRepository {

	private final JdbcClient jdbc;

	private final JdbcTemplate jdbcTemplate;

	InboxFileRepository(JdbcClient jdbc, JdbcTemplate jdbcTemplate) {
		this.jdbc = jdbc;
		this.jdbcTemplate = jdbcTemplate;
	}

	@Transactional
	void replace(String month, List<InboxFile> files) {
		jdbc.sql("DELETE FROM inbox_file WHERE billing_month = ?").param(month).update();
		List<Object[]> rows = new ArrayList<>(files.size());
		for (InboxFile file : files) {
			rows.add(new Object[] { month, file.sourceName(), file.kind() == null ? null : file.kind().name(),
					file.decision().name(), file.reason(), file.size(), file.sha256() });
		}
		jdbcTemplate.batchUpdate("""
				INSERT INTO inbox_file (billing_month, source_file, kind, decision, reason, size_bytes, sha256)
				VALUES (?, ?, ?, ?, ?, ?, ?)""", rows);
	}

	/** The month's inventory as the inbox step last recorded it (without paths). */
	List<InboxFile> recorded(String month) {
		return jdbc.sql("""
				SELECT source_file, kind, decision, reason, size_bytes, sha256 FROM inbox_file WHERE billing_month = ?
				ORDER BY source_file""")
			.param(month)
			.query((rs, row) -> new InboxFile(rs.getString(1), null,
					rs.getString(2) == null ? null : InboxKind.valueOf(rs.getString(2)),
					InboxFile.Decision.valueOf(rs.getString(3)), rs.getString(4), rs.getLong(5), rs.getString(6)))
			.list();
	}

	/** The files of a kind the month's close reads, in name order. */
	public List<Path> read(Path inbox, String month, InboxKind kind) {
		return jdbc.sql("""
				SELECT source_file FROM inbox_file WHERE billing_month = ? AND kind = ? AND decision = 'READ'
				ORDER BY source_file""")
			.params(month, kind.name())
			.query(String.class)
			.list()
			.stream()
			.map(inbox::resolve)
			.toList();
	}

}
