package com.wabarecon.launch;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;

import com.wabarecon.PostgresDatabase;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * What a distributed close or a worker refuses before it runs anything, each in one line: the
 * embedded database, which one process holds, and a broker that does not answer. The broker's
 * password never appears.
 */
@ExtendWith(PostgresDatabase.class)
class DistributionRefusalTests {

	static String schema;

	@TempDir
	static Path dir;

	@BeforeAll
	static void schema() throws Exception {
		schema = PostgresDatabase.createSchema();
	}

	@AfterAll
	static void dropSchema() throws Exception {
		PostgresDatabase.dropSchema(schema);
	}

	private static String h2() {
		return "jdbc:h2:file:" + dir.resolve("db") + ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH";
	}

	@Test
	void aDistributedCloseOnTheEmbeddedDatabaseIsRefused() {
		CliRun run = CliRun.of("close", "--month", "2025-09", "--distributed", "--db-url", h2(), "--out",
				dir.resolve("out").toString());

		assertThat(run.exitCode()).isEqualTo(2);
		assertThat(run.err().strip()).isEqualTo("close 2025-09, all clients: a distributed close needs the PostgreSQL "
				+ "database that the close and its workers share (--db-url or SPRING_DATASOURCE_URL); the embedded H2 database serves one "
				+ "process; nothing was run");
	}

	@Test
	void aDistributedCloseWhoseBrokerIsDownFailsInOneLineWithoutItsPassword() throws Exception {
		CliRun run = CliRun.of("close", "--month", "2025-09", "--distributed", "--broker",
				"amqp://guest:s3cret@127.0.0.1:1", "--db-url", PostgresDatabase.urlFor(schema), "--out",
				dir.resolve("out").toString());

		assertThat(run.exitCode()).isEqualTo(1);
		assertThat(run.err().lines()).hasSize(1);
		assertThat(run.err()).startsWith("close 2025-09, all clients: the broker amqp://guest@127.0.0.1:1 cannot be "
				+ "reached: Connection refused; nothing was run").doesNotContain("s3cret");
		assertThat(PostgresDatabase.query(PostgresDatabase.urlFor(schema), "SELECT COUNT(*) FROM batch_job_execution"))
			.as("no run recorded").containsExactly("0");
	}

	@Test
	void aWorkerOnTheEmbeddedDatabaseIsNotStarted() {
		CliRun run = CliRun.of("worker", "--db-url", h2());

		assertThat(run.exitCode()).isEqualTo(2);
		assertThat(run.err().strip()).isEqualTo("worker: a worker needs the PostgreSQL database that the close and its workers share "
				+ "(--db-url or SPRING_DATASOURCE_URL); the embedded H2 database serves one process; not started");
	}

	@Test
	void aWorkerWhoseBrokerIsDownIsNotStarted() {
		CliRun run = CliRun.of("worker", "--db-url", PostgresDatabase.urlFor(schema), "--broker",
				"amqp://guest:s3cret@127.0.0.1:1");

		assertThat(run.exitCode()).isEqualTo(1);
		assertThat(run.err().strip()).isEqualTo("worker: the broker amqp://guest@127.0.0.1:1 cannot be reached: "
				+ "Connection refused; not started");
	}

}
