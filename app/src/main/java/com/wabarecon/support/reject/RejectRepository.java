package com.wabarecon.support.reject;

import java.sql.Types;
import java.util.List;
import java.util.function.Consumer;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The month's rejected input rows ({@code import_reject}). Thread-safe.
 * <p>
 * A reject is written in a transaction of its own: Spring Batch 6 calls skip listeners inside
 * the chunk's transaction, and rolls that transaction back when a later row of the chunk fails
 * to write (and the one-row transaction of a row skipped on write). Written with the chunk, the
 * reasons of those rows would be lost while their skips still counted.
 */
@Repository
public class RejectRepository {

	private static final String TRUNCATED = "... (%d more characters)";

	/** The size of {@code import_reject.reason}. */
	static final int MAX_REASON_CHARS = 2000;

	private final JdbcClient jdbc;

	private final JdbcTemplate jdbcTemplate;

	private final TransactionTemplate ownTransaction;

	public RejectRepository(JdbcClient jdbc, JdbcTemplate jdbcTemplate, PlatformTransactionManager transactionManager) {
		this.jdbc = jdbc;
		this.jdbcTemplate = jdbcTemplate;
		this.ownTransaction = new TransactionTemplate(transactionManager);
		this.ownTransaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
	}

	/** Forget what a step rejected for a month, before the step reads its files again. */
	public void clear(String month, String stepName) {
		jdbc.sql("DELETE FROM import_reject WHERE billing_month = ? AND step_name = ?")
			.params(month, stepName)
			.update();
	}

	public void add(String month, String stepName, RowSource source, String reason, int maxRawChars) {
		ownTransaction.executeWithoutResult(status -> jdbc.sql("""
				INSERT INTO import_reject
				    (billing_month, step_name, source_file, line, position, raw_content, reason, created_at)
				VALUES (?, ?, ?, ?, ?, ?, ?, CURRENT_TIMESTAMP)""")
			.params(month, stepName, source.file(), source.line(), source.position(),
					cut(source.raw(), maxRawChars), abridge(reason, MAX_REASON_CHARS))
			.update());
	}

	/**
	 * Rejects rows that had loaded, in the caller's transaction: for work that removes the rows
	 * and rejects them at once, so that the one never stands without the other.
	 */
	public void addLoaded(String month, String stepName, List<Reject> rows, int maxRawChars) {
		jdbcTemplate.batchUpdate("""
				INSERT INTO import_reject
				    (billing_month, step_name, source_file, line, position, raw_content, reason, created_at)
				VALUES (?, ?, ?, ?, ?, ?, ?, CURRENT_TIMESTAMP)""", rows.stream()
			.map(row -> new Object[] { month, stepName, row.source().file(), row.source().line(),
					row.source().position(), cut(row.source().raw(), maxRawChars), abridge(row.reason(), MAX_REASON_CHARS) })
			.toList(), new int[] { Types.CHAR, Types.VARCHAR, Types.VARCHAR, Types.BIGINT, Types.VARCHAR, Types.VARCHAR,
					Types.VARCHAR });
	}

	public long count(String month) {
		return jdbc.sql("SELECT COUNT(*) FROM import_reject WHERE billing_month = ?")
			.param(month)
			.query(Long.class)
			.single();
	}

	/** Streams the month's rejects in file and line order. */
	public void forEach(String month, Consumer<Reject> action) {
		jdbc.sql("""
				SELECT step_name, source_file, line, position, raw_content, reason
				FROM import_reject WHERE billing_month = ?
				ORDER BY source_file, line, reject_id""")
			.param(month)
			.query((rs, rowNum) -> new Reject(rs.getString("step_name"),
					new RowSource(rs.getString("source_file"), (Long) rs.getObject("line", Long.class),
							rs.getString("position"), rs.getString("raw_content")),
					rs.getString("reason")))
			.stream()
			.forEach(action);
	}

	static String cut(String text, int max) {
		if (text == null || text.length() <= max) {
			return text;
		}
		String suffix = TRUNCATED.formatted(text.length() - max);
		return text.substring(0, max) + suffix;
	}

	/**
	 * The text in at most {@code max} characters: a longer one loses its middle, so that a
	 * reason quoting a huge value still fits its column and still ends with what is wrong
	 * ("pricing_category 'MMM ... (10485000 characters cut) ... MMM' is not a known category").
	 */
	static String abridge(String text, int max) {
		if (text == null || text.length() <= max) {
			return text;
		}
		String gap = " ... (%d characters cut) ... ".formatted(text.length());
		int keep = max - gap.length();
		int head = keep * 2 / 3;
		int tail = keep - head;
		int cut = text.length() - head - tail;
		gap = " ... (%d characters cut) ... ".formatted(cut);
		return text.substring(0, head) + gap + text.substring(text.length() - tail);
	}

	/** One rejected row as stored. */
	public record Reject(String stepName, RowSource source, String reason) {
	}

}
