package com.wabarecon.statement;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;

import net.sf.jasperreports.engine.JRException;
import net.sf.jasperreports.engine.JasperCompileManager;
import net.sf.jasperreports.engine.JasperReport;

/**
 * The statement's JasperReports templates, compiled once per run from the templates folder
 * ({@code recon.statement.templates}): the main report and its subreports. Compiled reports are
 * immutable and filled concurrently without harm.
 */
record StatementTemplates(JasperReport statement, JasperReport totals, JasperReport charges, JasperReport changes,
		JasperReport calls, JasperReport balance, JasperReport forecast, JasperReport history) {

	static final String STATEMENT = "statement.jrxml";

	static final String TOTALS = "statement-totals.jrxml";

	static final String CHARGES = "statement-charges.jrxml";

	static final String CHANGES = "statement-changes.jrxml";

	static final String CALLS = "statement-calls.jrxml";

	static final String BALANCE = "statement-balance.jrxml";

	static final String FORECAST = "statement-forecast.jrxml";

	static final String HISTORY = "statement-history.jrxml";

	/** Compiles every template of {@code folder}; fails naming the folder or file that is missing or wrong. */
	static StatementTemplates compile(Path folder) {
		Path absolute = folder.toAbsolutePath().normalize();
		if (!Files.isDirectory(absolute)) {
			throw new IllegalStateException("the statement templates folder " + absolute
					+ " does not exist: set recon.statement.templates, or run from the folder that holds report-templates/");
		}
		return new StatementTemplates(compile(absolute, STATEMENT), compile(absolute, TOTALS),
				compile(absolute, CHARGES), compile(absolute, CHANGES), compile(absolute, CALLS),
				compile(absolute, BALANCE), compile(absolute, FORECAST), compile(absolute, HISTORY));
	}

	private static JasperReport compile(Path folder, String name) {
		Path file = folder.resolve(name);
		if (!Files.isRegularFile(file)) {
			throw new IllegalStateException("the statement template " + file + " is missing");
		}
		try (InputStream in = Files.newInputStream(file)) {
			return JasperCompileManager.compileReport(in);
		}
		catch (IOException | JRException ex) {
			throw new IllegalStateException("the statement template " + file + " does not compile: " + ex.getMessage(),
					ex);
		}
	}

}
