package com.wabarecon.launch;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import com.icegreen.greenmail.util.GreenMail;
import com.wabarecon.BusyMonth;
import com.wabarecon.PostgresDatabase;
import com.wabarecon.statement.StatementFiles;

import jakarta.mail.BodyPart;
import jakarta.mail.Multipart;
import jakarta.mail.internet.MimeMessage;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

/**
 * What a close of {@link BusyMonth} on PostgreSQL left, compared with a reference close's: the
 * reconciliation CSV and rejects byte for byte, the same files, each statement's PDF text and
 * workbook cells but the time they were made, the same input file counts, estimates, statements
 * and delivery log. For the tests that interrupt a close, or spread it over
 * workers, and hold it to the close that ran undisturbed on one machine.
 */
final class CloseResults {

	private CloseResults() {
	}

	/** A close's output folder and database. */
	record Result(Path out, String url) {

		Path file(String name) {
			return out.resolve(BusyMonth.MONTH).resolve(name);
		}

		List<String> query(String sql) throws Exception {
			return PostgresDatabase.query(url, sql);
		}

		/** Every file under the output folder, relative to it. */
		Set<String> files() throws Exception {
			try (Stream<Path> files = Files.walk(out)) {
				return files.filter(Files::isRegularFile)
					.map(file -> out.relativize(file).toString())
					.collect(Collectors.toCollection(TreeSet::new));
			}
		}

	}

	static void assertSame(Result close, Result reference) throws Exception {
		assertThat(Files.mismatch(close.file("reconciliation-2025-09.csv"), reference.file("reconciliation-2025-09.csv")))
			.as("first byte where the reconciliation CSV differs").isEqualTo(-1L);
		assertThat(Files.mismatch(close.file("rejects-2025-09.csv"), reference.file("rejects-2025-09.csv")))
			.as("first byte where the rejects differ").isEqualTo(-1L);
		assertThat(close.files()).isEqualTo(reference.files());
		assertThat(contents(close.out())).as("the statements' and workbooks' contents").isEqualTo(contents(reference.out()));
		for (String sql : List.of(
				"SELECT step_name || ' ' || source_file || ' ' || rows_read || ' ' || rows_loaded || ' ' || rows_rejected "
						+ "|| ' ' || rows_skipped FROM input_file ORDER BY 1",
				"SELECT source_kind || ' ' || COUNT(*) || ' ' || SUM(volume) || ' ' || COALESCE(SUM(cost), 0) "
						+ "FROM usage_estimate GROUP BY source_kind ORDER BY 1",
				"SELECT COUNT(*) FROM statement_file",
				"SELECT client_id || ' ' || status || ' ' || attempts FROM delivery_log ORDER BY 1")) {
			assertThat(close.query(sql)).as(sql).isEqualTo(reference.query(sql));
		}
	}

	/**
	 * Every PDF's text and every workbook's cells under the month's folder, by file, without the
	 * lines and cells that say when it was made (the only ones that mention UTC), and without the
	 * partner workbook's Run sheet, which records how the run was made (its database, its folders).
	 */
	static Map<String, List<String>> contents(Path out) throws Exception {
		Map<String, List<String>> contents = new TreeMap<>();
		Path month = out.resolve(BusyMonth.MONTH);
		try (Stream<Path> files = Files.walk(month)) {
			for (Path file : files.filter(Files::isRegularFile).toList()) {
				String name = month.relativize(file).toString();
				if (name.endsWith(".pdf")) {
					contents.put(name, StatementFiles.pdfText(file).lines().filter(line -> !line.contains("UTC")).toList());
				}
				else if (name.endsWith(".xlsx")) {
					contents.put(name, cells(file));
				}
			}
		}
		return contents;
	}

	private static List<String> cells(Path xlsx) throws Exception {
		DataFormatter formatter = new DataFormatter();
		List<String> cells = new java.util.ArrayList<>();
		try (XSSFWorkbook workbook = StatementFiles.workbook(xlsx)) {
			for (Sheet sheet : workbook) {
				if (sheet.getSheetName().equals("Run")) {
					continue;
				}
				for (Row row : sheet) {
					for (Cell cell : row) {
						String value = cell.getCellType() == CellType.FORMULA ? "=" + cell.getCellFormula()
								: formatter.formatCellValue(cell);
						if (!value.contains("UTC")) {
							cells.add(sheet.getSheetName() + "!" + cell.getAddress() + " " + value);
						}
					}
				}
			}
		}
		return cells;
	}

	/** Per client, how many distinct emails (not copies to each address) the SMTP server received. */
	static Map<String, Integer> emailsPerClient(GreenMail smtp) throws Exception {
		Map<String, Set<String>> messages = new TreeMap<>();
		for (MimeMessage message : smtp.getReceivedMessages()) {
			Multipart parts = (Multipart) message.getContent();
			for (int i = 0; i < parts.getCount(); i++) {
				BodyPart part = parts.getBodyPart(i);
				if (part.getFileName() != null && part.getFileName().endsWith(".pdf")) {
					String client = part.getFileName().replaceAll("statement-(.*)-2025-09\\.pdf", "$1");
					messages.computeIfAbsent(client, c -> new TreeSet<>()).add(message.getMessageID());
				}
			}
		}
		Map<String, Integer> counts = new TreeMap<>();
		messages.forEach((client, ids) -> counts.put(client, ids.size()));
		return counts;
	}

}
