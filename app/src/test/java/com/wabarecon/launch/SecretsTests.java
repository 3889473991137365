package com.wabarecon.launch;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;

import com.icegreen.greenmail.configuration.GreenMailConfiguration;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetupTest;

import jakarta.mail.internet.MimeMessage;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Secrets are used but never kept: a database password given on the command line is never
 * stored with the run, shown by {@code status}, or written to the log; the SMTP password from
 * the environment is in no output, no log, no stored run and no email.
 */
class SecretsTests {

	static final String SECRET = "s3cr3t-Pa55word";

	static final String SMTP_SECRET = "smtp-S3cr3t-9f4e7a";

	@TempDir
	Path dir;

	@Test
	void aPasswordInTheDatabaseUrlIsNeitherStoredNorShownNorLogged() throws Exception {
		String url = "jdbc:h2:file:" + dir.resolve("db/recon")
				+ ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH;USER=recon;PASSWORD=" + SECRET;

		CliRun close = CliRun.of("close", "--month", "2025-09", "--until", "import", "--inbox", "sample-invoices",
				"--out", dir.resolve("out").toString(), "--db-url", url);
		CliRun status = CliRun.of("status", "--db-url", url);

		assertThat(close.exitCode()).as(close.err()).isZero();
		assertThat(close.out() + close.err() + status.out() + status.err()).doesNotContain(SECRET);
		assertThat(status.out()).contains("PASSWORD=***");
		List<String> stored = new ArrayList<>();
		try (Connection connection = DriverManager.getConnection(url); Statement statement = connection.createStatement();
				ResultSet rs = statement.executeQuery("SELECT parameter_value FROM batch_job_execution_params")) {
			while (rs.next()) {
				stored.add(rs.getString(1));
			}
		}
		assertThat(stored).isNotEmpty().noneSatisfy(value -> assertThat(value).contains(SECRET));
		Path log = Path.of("logs/recon.log");
		if (Files.exists(log)) {
			assertThat(Files.readString(log)).doesNotContain(SECRET);
		}
	}

	@Test
	void theSmtpPasswordFromTheEnvironmentIsUsedButIsInNoLogNoStoredRunNoOutputAndNoEmail() throws Exception {
		// given: an SMTP server that lets only this user and password send
		GreenMail smtp = new GreenMail(ServerSetupTest.SMTP.dynamicPort())
			.withConfiguration(GreenMailConfiguration.aConfig().withUser("recon@bsp.example", "recon", SMTP_SECRET));
		smtp.start();
		try {
			String url = "jdbc:h2:file:" + dir.resolve("db/recon") + ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH";
			Path out = dir.resolve("out");

			// when: the close runs as a process, as ./recon runs it, with the password in its environment
			ChildClose close = ChildClose.start(dir, Map.of("SPRING_MAIL_HOST", "127.0.0.1", "SPRING_MAIL_PORT",
					Integer.toString(smtp.getSmtp().getPort()), "SPRING_MAIL_USERNAME", "recon", "SPRING_MAIL_PASSWORD",
					SMTP_SECRET, "SPRING_MAIL_PROPERTIES_MAIL_SMTP_AUTH", "true"), "close", "--month", "2025-09", "--inbox",
					"sample-invoices", "--out", out.toString(), "--db-url", url);

			// then: the password was used (the server requires it, and received the six statements)...
			assertThat(close.waitForExit(Duration.ofSeconds(180))).as(close.describe()).isZero();
			assertThat(close.out()).contains("6 statements delivered: 6 sent by SMTP");
			assertThat(smtp.getReceivedMessages()).isNotEmpty();
			// ...and is nowhere else
			assertThat(close.log()).as("the log file").contains("deliveryStep").doesNotContain(SMTP_SECRET);
			assertThat(close.out() + close.err()).doesNotContain(SMTP_SECRET);
			try (Connection connection = DriverManager.getConnection(url)) {
				for (String sql : List.of("SELECT parameter_name || '=' || parameter_value FROM batch_job_execution_params",
						"SELECT recipients || ' ' || COALESCE(detail, '') FROM delivery_log")) {
					assertThat(texts(connection, sql)).as(sql).isNotEmpty().noneSatisfy(value -> assertThat(value).contains(SMTP_SECRET));
				}
				// the execution contexts are Java-serialised maps in Base64
				for (String table : List.of("batch_job_execution_context", "batch_step_execution_context")) {
					assertThat(texts(connection, "SELECT COALESCE(serialized_context, short_context) FROM " + table))
						.as(table).isNotEmpty().noneSatisfy(value -> assertThat(new String(Base64.getDecoder().decode(value),
								StandardCharsets.ISO_8859_1)).contains(SMTP_SECRET));
				}
			}
			try (Stream<Path> files = Files.walk(out)) {
				assertThat(files.filter(Files::isRegularFile).toList()).hasSizeGreaterThan(10)
					.allSatisfy(file -> assertThat(readable(file)).as(file.toString()).doesNotContain(SMTP_SECRET));
			}
			for (MimeMessage message : smtp.getReceivedMessages()) {
				ByteArrayOutputStream raw = new ByteArrayOutputStream();
				message.writeTo(raw);
				assertThat(raw.toString(StandardCharsets.ISO_8859_1)).doesNotContain(SMTP_SECRET);
			}
		}
		finally {
			smtp.stop();
		}
	}

	private static List<String> texts(Connection connection, String sql) throws Exception {
		List<String> values = new ArrayList<>();
		try (Statement statement = connection.createStatement(); ResultSet rs = statement.executeQuery(sql)) {
			while (rs.next()) {
				values.add(rs.getString(1));
			}
		}
		return values;
	}

	/** A file's text as a reader finds it: a PDF's text, every part of a workbook unzipped, else its bytes. */
	private static String readable(Path file) throws IOException {
		String name = file.getFileName().toString();
		StringBuilder text = new StringBuilder(new String(Files.readAllBytes(file), StandardCharsets.ISO_8859_1));
		if (name.endsWith(".pdf")) {
			try (PDDocument document = Loader.loadPDF(file.toFile())) {
				text.append(new PDFTextStripper().getText(document));
			}
		}
		if (name.endsWith(".xlsx")) {
			try (ZipFile zip = new ZipFile(file.toFile())) {
				for (ZipEntry entry : java.util.Collections.list(zip.entries())) {
					try (InputStream in = zip.getInputStream(entry)) {
						text.append(new String(in.readAllBytes(), StandardCharsets.UTF_8));
					}
				}
			}
		}
		return text.toString();
	}

}
