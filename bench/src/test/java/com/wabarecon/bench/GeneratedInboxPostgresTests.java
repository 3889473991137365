package com.wabarecon.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.List;

import com.wabarecon.PostgresDatabase;
import com.wabarecon.PostgresSchema;
import com.wabarecon.launch.ReconCli;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code recon generate} (the bench's command line), then {@code recon close} (the product's) of
 * what it wrote on the production database (PostgreSQL, in a schema of its own): the same lines
 * per status as the manifest says, as on H2 ({@link GeneratedInboxCloseTests}), and no reject.
 */
@ExtendWith(PostgresDatabase.class)
class GeneratedInboxPostgresTests {

	@RegisterExtension
	static final PostgresSchema database = new PostgresSchema();

	@TempDir
	Path dir;

	@Test
	void aGeneratedMonthClosesOnPostgresAsItsManifestSays() throws Exception {
		// given
		Path inbox = dir.resolve("inbox");
		String[] generated = bench("generate", "--channels", "200", "--clients", "70", "--month", "2025-09", "--out",
				inbox.toString(), "--seed", "11", "--discrepancy-pct", "8");
		Manifest manifest = Manifest.read(inbox);

		// when
		String[] closed = recon("close", "--month", "2025-09", "--inbox", inbox.toString(), "--out",
				dir.resolve("out").toString(), "--until", "reconcile", "--db-url", database.url());

		// then
		assertThat(generated[0]).as(generated[2]).isEqualTo("0");
		assertThat(generated[1]).contains("200 channels", "expected lines");
		assertThat(closed[0]).as(closed[2]).isEqualTo("0");
		assertThat(closed[1]).contains("2025-09, all clients · STOPPED after reconcile");
		assertThat(query("SELECT COUNT(*) FROM import_reject WHERE billing_month = '2025-09'"))
			.containsExactly(Long.toString(manifest.expectedRejects()));
		assertThat(query("SELECT status || ' ' || COUNT(*) FROM recon_line WHERE billing_month = '2025-09' "
				+ "GROUP BY status ORDER BY status"))
			.containsExactlyElementsOf(manifest.expectedLines()
				.entrySet()
				.stream()
				.map(entry -> entry.getKey() + " " + entry.getValue())
				.toList());
	}

	@Test
	void aConversationBasedMonthOrTooManyClientsIsAUsageError() {
		String[] cbp = bench("generate", "--channels", "10", "--clients", "5", "--month", "2025-06", "--out",
				dir.resolve("cbp").toString());
		String[] clients = bench("generate", "--channels", "10", "--clients", "11", "--month", "2025-09", "--out",
				dir.resolve("clients").toString());

		assertThat(cbp[0]).isEqualTo("2");
		assertThat(cbp[2]).contains("the month must be 2025-07 or later", "Usage: recon generate");
		assertThat(clients[0]).isEqualTo("2");
		assertThat(clients[2]).contains("clients must be between 1 and the number of channels");
	}

	/** Exit code, standard output and standard error of one command of the bench. */
	private static String[] bench(String... args) {
		StringWriter out = new StringWriter();
		StringWriter err = new StringWriter();
		int exitCode = BenchCli.run(new PrintWriter(out), new PrintWriter(err), args);
		return new String[] { Integer.toString(exitCode), out.toString(), err.toString() };
	}

	/** Exit code, standard output and standard error of one command of the product. */
	private static String[] recon(String... args) {
		StringWriter out = new StringWriter();
		StringWriter err = new StringWriter();
		int exitCode = ReconCli.run(new PrintWriter(out), new PrintWriter(err), args);
		return new String[] { Integer.toString(exitCode), out.toString(), err.toString() };
	}

	private static List<String> query(String sql) throws Exception {
		return database.query(sql);
	}

}
