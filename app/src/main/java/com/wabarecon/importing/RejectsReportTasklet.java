package com.wabarecon.importing;

import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.concurrent.atomic.AtomicLong;

import com.opencsv.CSVWriter;
import com.opencsv.ICSVWriter;
import com.wabarecon.support.FormulaGuard;
import com.wabarecon.support.MonthFolders;
import com.wabarecon.support.reject.RejectRepository;
import com.wabarecon.support.reject.RowSource;

import org.springframework.batch.core.step.StepContribution;
import org.springframework.batch.core.scope.context.ChunkContext;
import org.springframework.batch.core.step.tasklet.Tasklet;
import org.springframework.batch.infrastructure.repeat.RepeatStatus;

/**
 * Writes {@code <out>/<month>/rejects-<month>.csv}: every input row of the month that was not
 * loaded, with its file, line or position, raw content and reason. Written whole each time
 * (to a temporary file, then moved into place), so a restart never leaves half a file.
 * Records the path and the count in the step's execution context for the run summary.
 */
public class RejectsReportTasklet implements Tasklet {

	public static final String FILE_KEY = "rejectsFile";

	public static final String COUNT_KEY = "rejectCount";

	static final String[] HEADER = { "source_file", "line", "position", "raw_content", "reason", "step" };

	private final RejectRepository rejects;

	private final Path out;

	private final String month;

	public RejectsReportTasklet(RejectRepository rejects, Path out, String month) {
		this.rejects = rejects;
		this.out = out;
		this.month = month;
	}

	@Override
	public RepeatStatus execute(StepContribution contribution, ChunkContext chunkContext) throws IOException {
		Path target = MonthFolders.rejectsFile(out, month);
		Files.createDirectories(target.getParent());
		Path partial = target.resolveSibling(target.getFileName() + ".partial");
		AtomicLong count = new AtomicLong();
		try (Writer writer = Files.newBufferedWriter(partial, StandardCharsets.UTF_8);
				ICSVWriter csv = new CSVWriter(writer)) {
			csv.writeNext(HEADER, false); // quotes only where a field needs them
			rejects.forEach(month, reject -> {
				RowSource source = reject.source();
				csv.writeNext(new String[] { FormulaGuard.text(source.file()),
						source.line() == null ? "" : source.line().toString(), FormulaGuard.text(source.position()),
						FormulaGuard.text(source.raw()), FormulaGuard.text(reject.reason()), reject.stepName() }, false);
				count.incrementAndGet();
			});
		}
		Files.move(partial, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
		var context = contribution.getStepExecution().getExecutionContext();
		context.putString(FILE_KEY, target.toString());
		context.putLong(COUNT_KEY, count.get());
		contribution.incrementWriteCount(count.get());
		return RepeatStatus.FINISHED;
	}

}
