package com.wabarecon.launch;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A database password given on the command line is used, but never stored with the run, shown
 * by {@code status}, or written to the log.
 */
class SecretsTests {

	static final String SECRET = "s3cr3t-Pa55word";

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

}
