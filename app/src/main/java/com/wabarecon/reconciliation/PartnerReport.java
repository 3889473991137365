package com.wabarecon.reconciliation;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.function.Consumer;

import com.wabarecon.CloseJobParameters;
import com.wabarecon.support.MonthFolders;

import org.springframework.batch.core.job.parameters.JobParameters;

/**
 * The partner's report of the month's lines: {@code reconciliation-<month>.csv} and the
 * workbook ({@link DisputeWorkbook}), written in one pass over the judged lines as the table
 * holds them, into {@code .partial} files that take their names only once both are complete.
 * A report that cannot be finished leaves no file behind.
 */
final class PartnerReport {

	private final Path csv;

	private final Path xlsx;

	private PartnerReport(Path csv, Path xlsx) {
		this.csv = csv;
		this.xlsx = xlsx;
	}

	/** The report of the close these parameters describe, into its month's output folder. */
	static PartnerReport of(JobParameters parameters) {
		String month = parameters.getString(CloseJobParameters.MONTH);
		String client = parameters.getString(CloseJobParameters.CLIENT);
		Path folder = MonthFolders.outputFolder(Path.of(parameters.getString(CloseJobParameters.OUT)), month);
		String name = "reconciliation-" + month + (client == null ? "" : "-" + client);
		return new PartnerReport(folder.resolve(name + ".csv"), folder.resolve(name + ".xlsx"));
	}

	/**
	 * Writes both files from the month's lines (a close of one client: that client's) and the
	 * run's facts; returns how many lines the report holds.
	 */
	long write(ReconLineRepository lines, String month, String client, DisputeWorkbook.Run run) throws IOException {
		Path csvPartial = partial(csv);
		Path xlsxPartial = partial(xlsx);
		DisputeWorkbook workbook = DisputeWorkbook.open();
		try {
			long[] written = { 0 };
			workbook.fill(toWorkbook -> written[0] = csv(csvPartial, toCsv -> lines.forEach(month, client, line -> {
				toCsv.accept(line);
				toWorkbook.accept(line);
			})));
			workbook.write(xlsxPartial, run);
			Files.move(csvPartial, csv, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
			Files.move(xlsxPartial, xlsx, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
			return written[0];
		}
		catch (IOException | RuntimeException ex) {
			workbook.close();
			Files.deleteIfExists(csvPartial);
			Files.deleteIfExists(xlsxPartial);
			throw ex;
		}
	}

	private static long csv(Path file, Consumer<Consumer<ReconLine>> lines) {
		try {
			return ReconciliationCsv.write(file, lines);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	Path csv() {
		return csv;
	}

	Path xlsx() {
		return xlsx;
	}

	private static Path partial(Path file) {
		return file.resolveSibling(file.getFileName() + ".partial");
	}

}
