package com.wabarecon.statement;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Clock;

import com.wabarecon.ProcessOwner;
import com.wabarecon.support.MonthFolders;

import org.springframework.batch.infrastructure.item.Chunk;
import org.springframework.batch.infrastructure.item.ItemWriter;

/**
 * Writes each statement as {@code <out>/<month>/<client_id>/statement-<client_id>-<month>.pdf}
 * and {@code .xlsx}, and records both paths for the delivery step. A file is rendered into a
 * partial file beside it ({@code .statement-c_001-2025-09.pdf.<pid>.partial}) and then moved over
 * the old one, so that running the step again replaces the files whole and a failed render never
 * leaves half a statement. A process killed while rendering (kill -9, power cut) cannot delete
 * its partial file: the next render of that statement removes it, the process id in its name
 * telling it from one another close, still running on this host, is writing. Thread-safe.
 */
class StatementWriter implements ItemWriter<Statement> {

	private static final String PARTIAL = ".partial";

	private static final long PID = ProcessHandle.current().pid();

	private final Path out;

	private final StatementRenderer pdf;

	private final StatementRenderer xlsx;

	private final StatementRepository statements;

	private final Clock clock;

	StatementWriter(Path out, StatementRenderer pdf, StatementRenderer xlsx, StatementRepository statements,
			Clock clock) {
		this.out = out;
		this.pdf = pdf;
		this.xlsx = xlsx;
		this.statements = statements;
		this.clock = clock;
	}

	@Override
	public void write(Chunk<? extends Statement> chunk) throws IOException {
		for (Statement statement : chunk) {
			String clientId = statement.client().clientId();
			Path folder = MonthFolders.clientFolder(out, statement.month(), clientId);
			Files.createDirectories(folder);
			Path pdfFile = render(statement, pdf, folder);
			Path xlsxFile = render(statement, xlsx, folder);
			statements.recordFiles(statement.month(), clientId, pdfFile, xlsxFile, clock.instant());
		}
	}

	static String fileName(Statement statement, String extension) {
		return "statement-" + statement.client().clientId() + "-" + statement.month() + "." + extension;
	}

	private static Path render(Statement statement, StatementRenderer renderer, Path folder) throws IOException {
		Path target = folder.resolve(fileName(statement, renderer.extension()));
		removeAbandoned(target);
		Path temporary = target.resolveSibling("." + target.getFileName() + "." + PID + PARTIAL);
		try {
			try (OutputStream stream = Files.newOutputStream(temporary)) {
				renderer.render(statement, stream);
			}
			move(temporary, target);
			return target;
		}
		finally {
			Files.deleteIfExists(temporary);
		}
	}

	/** The partial files of {@code target} that processes now gone left behind. */
	private static void removeAbandoned(Path target) throws IOException {
		String prefix = "." + target.getFileName() + ".";
		try (DirectoryStream<Path> partials = Files.newDirectoryStream(target.getParent(), prefix + "*" + PARTIAL)) {
			for (Path partial : partials) {
				String name = partial.getFileName().toString();
				String pid = name.substring(prefix.length(), name.length() - PARTIAL.length());
				if (pid.chars().allMatch(Character::isDigit) && !ProcessOwner.isAlive(Long.parseLong(pid))) {
					Files.deleteIfExists(partial);
				}
			}
		}
	}

	private static void move(Path from, Path to) throws IOException {
		try {
			Files.move(from, to, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
		}
		catch (AtomicMoveNotSupportedException ex) {
			Files.move(from, to, StandardCopyOption.REPLACE_EXISTING);
		}
	}

}
