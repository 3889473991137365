package com.wabarecon.usage;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.wabarecon.support.accounting.InputFileRepository;
import com.wabarecon.support.reject.RejectRepository;
import com.wabarecon.support.reject.RejectRepository.Reject;
import com.wabarecon.support.reject.RowSource;

import org.springframework.batch.core.ExitStatus;
import org.springframework.batch.core.scope.context.ChunkContext;
import org.springframework.batch.core.step.StepContribution;
import org.springframework.batch.core.step.tasklet.Tasklet;
import org.springframework.batch.infrastructure.repeat.RepeatStatus;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Rejects the call analytics data points that repeat one of another file (the same export saved
 * twice under other bytes, a re-export overlapping the first): the same calls count once. Data
 * points share a key when they give the same calls: channel, start, direction and called country.
 * Those of the file first in name order stay; every other file's are removed from the estimates,
 * recorded as rejects of {@code callExportsStep} naming the file kept, and moved from loaded to
 * rejected in their files' counts, as the usage exports' repeated rows are ({@link RepeatedRows}).
 * Only the repeated data points are read: none, normally.
 */
class CallRepeatsTasklet implements Tasklet {

	private static final String REPEATED = """
			SELECT channel_id, call_start, direction, country, calls, source_file, source_line, source_position
			FROM call_estimate
			WHERE billing_month = :month AND source_kind = 'EXPORT'
			  AND (channel_id, call_start, direction, country) IN (
			      SELECT channel_id, call_start, direction, country FROM call_estimate
			      WHERE billing_month = :month AND source_kind = 'EXPORT'
			      GROUP BY channel_id, call_start, direction, country HAVING COUNT(DISTINCT source_file) > 1)""";

	private record Point(String key, long calls, RowSource source) {
	}

	private final JdbcClient jdbc;

	private final RejectRepository rejects;

	private final InputFileRepository inputFiles;

	private final int maxRawChars;

	private final String month;

	CallRepeatsTasklet(JdbcClient jdbc, RejectRepository rejects, InputFileRepository inputFiles, int maxRawChars,
			String month) {
		this.jdbc = jdbc;
		this.rejects = rejects;
		this.inputFiles = inputFiles;
		this.maxRawChars = maxRawChars;
		this.month = month;
	}

	@Override
	public RepeatStatus execute(StepContribution contribution, ChunkContext chunkContext) {
		List<Point> points = jdbc.sql(REPEATED).param("month", month).query((rs, n) -> new Point(
				rs.getString("channel_id") + ", start " + rs.getLong("call_start") + " ("
						+ Instant.ofEpochSecond(rs.getLong("call_start")) + "), " + rs.getString("country") + " "
						+ rs.getString("direction"),
				rs.getLong("calls"), new RowSource(rs.getString("source_file"), rs.getObject("source_line", Long.class),
						rs.getString("source_position"), null)))
			.list();
		// the file first in name order (code points, as the inbox lists them) keeps each key
		Map<String, String> kept = new HashMap<>();
		points.forEach(point -> kept.merge(point.key(), point.source().file(), (a, b) -> a.compareTo(b) <= 0 ? a : b));
		List<Reject> rows = new ArrayList<>();
		Map<String, Long> files = new LinkedHashMap<>();
		for (Point point : points) {
			String first = kept.get(point.key());
			if (point.source().file().equals(first)) {
				continue;
			}
			RowSource at = point.source();
			jdbc.sql("""
					DELETE FROM call_estimate WHERE billing_month = ? AND source_kind = 'EXPORT' AND source_file = ?
					  AND source_line = ? AND source_position = ?""")
				.params(month, at.file(), at.line(), at.position())
				.update();
			rows.add(new Reject(CallStepConfiguration.CALL_EXPORTS_STEP, new RowSource(at.file(), at.line(),
					at.position(), "as loaded: " + point.key() + ", " + point.calls() + " calls"),
					"repeats the data point of " + first + " (" + point.key() + "): the same calls count once"));
			files.merge(at.file(), 1L, Long::sum);
		}
		if (!rows.isEmpty()) {
			rejects.addLoaded(month, CallStepConfiguration.CALL_EXPORTS_STEP, rows, maxRawChars);
			inputFiles.rejectLoaded(month, CallStepConfiguration.CALL_EXPORTS_STEP, files);
		}
		contribution.setExitStatus(ExitStatus.COMPLETED.addExitDescription(rows.isEmpty()
				? "no data point repeated from another file"
				: rows.size() + " data points repeated from another file rejected, in " + files.size() + " file(s)"));
		return RepeatStatus.FINISHED;
	}

}
