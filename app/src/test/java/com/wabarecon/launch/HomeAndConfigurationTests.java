package com.wabarecon.launch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.YearMonth;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Properties;

import com.wabarecon.ClientOutputs;
import com.wabarecon.TestInbox;

import jakarta.mail.Session;
import jakarta.mail.internet.MimeMessage;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Where the command finds its defaults and its settings, as README and docs/operations.md say:
 * the home ({@code RECON_HOME}) holds the database, logs, inbox, output, templates and jobs, so
 * every command answers alike from any folder; settings come from {@code config/application.yml}
 * in the working folder, from {@code --config FILE} and from the environment; the jobs/ folder's
 * systemd units and crontab line are valid. Each close is a process of its own, started in a
 * folder of the test's.
 */
class HomeAndConfigurationTests {

	static final Duration A_WHILE = Duration.ofSeconds(120);

	static final Path PROJECT = Path.of("").toAbsolutePath();

	@TempDir
	Path dir;

	@Test
	void theHomeHoldsTheDatabaseLogsInboxAndOutputWhateverTheWorkingFolder() throws Exception {
		// given: a home with the project's inbox, templates and jobs, and two unrelated folders
		Path home = Files.createDirectories(dir.resolve("home"));
		for (String folder : List.of("sample-invoices", "report-templates", "jobs")) {
			Files.createSymbolicLink(home.resolve(folder), PROJECT.resolve(folder));
		}
		Path somewhere = Files.createDirectories(dir.resolve("somewhere"));
		Path elsewhere = Files.createDirectories(dir.resolve("elsewhere"));

		// when: a close from one folder, the status from another
		ChildClose close = ChildClose.start(dir, somewhere, Map.of("RECON_HOME", home.toString()), "close", "--month",
				"2025-09", "--until", "import", "--dry-run");
		assertThat(close.waitForExit(A_WHILE)).as(close.describe()).isZero();
		ChildClose status = ChildClose.start(dir, elsewhere, Map.of("RECON_HOME", home.toString()), "status");
		assertThat(status.waitForExit(A_WHILE)).as(status.describe()).isZero();

		// then: the same database answers, and everything the close wrote is in the home
		assertThat(status.out()).contains("execution 1 · 2025-09, all clients · STOPPED after import");
		assertThat(home.resolve("data/recon.mv.db")).isRegularFile();
		assertThat(home.resolve("logs/recon.log")).isRegularFile();
		assertThat(home.resolve("out/2025-09/rejects-2025-09.csv")).isRegularFile();
		try (var written = Files.list(somewhere)) {
			assertThat(written).as("nothing in the working folder").isEmpty();
		}
	}

	@Test
	void settingsComeFromConfigApplicationYmlAndTheEnvironment() throws Exception {
		// given: a working folder whose config/application.yml names the output folder
		Path folder = Files.createDirectories(dir.resolve("work"));
		Files.createDirectories(folder.resolve("config"));
		Files.writeString(folder.resolve("config/application.yml"),
				"recon:\n  out: " + dir.resolve("out-from-config") + "\n", StandardCharsets.UTF_8);
		String log = dir.resolve("recon.log").toString();
		Map<String, String> home = Map.of("RECON_HOME", PROJECT.toString(), "LOG_FILE", log);

		// when: a close there, then one with the output folder in the environment
		ChildClose fromFile = ChildClose.start(dir, folder, home, close("2025-09", "db-1"));
		assertThat(fromFile.waitForExit(A_WHILE)).as(fromFile.describe()).isZero();
		ChildClose fromEnvironment = ChildClose.start(dir, folder,
				Map.of("RECON_HOME", PROJECT.toString(), "LOG_FILE", log, "RECON_OUT",
						dir.resolve("out-from-env").toString()),
				close("2025-09", "db-2"));
		assertThat(fromEnvironment.waitForExit(A_WHILE)).as(fromEnvironment.describe()).isZero();

		// then: the file's folder, and the environment's over the file's
		assertThat(dir.resolve("out-from-config/2025-09/rejects-2025-09.csv")).isRegularFile();
		assertThat(dir.resolve("out-from-env/2025-09/rejects-2025-09.csv")).isRegularFile();
	}

	@Test
	void aConfigFileGivenWithConfigIsReadAndOneThatIsMissingIsAUsageError() throws Exception {
		Path settings = dir.resolve("settings.yml");
		Files.writeString(settings, "recon:\n  out: " + dir.resolve("out-from-option") + "\n", StandardCharsets.UTF_8);

		CliRun run = CliRun.of(with(close("2025-09", "db-3"), "--config", settings.toString()));
		assertThat(run.exitCode()).as(run.err()).isZero();
		assertThat(dir.resolve("out-from-option/2025-09/rejects-2025-09.csv")).isRegularFile();

		CliRun missing = CliRun.of("status", "--config", dir.resolve("nope.yml").toString());
		assertThat(missing.exitCode()).isEqualTo(2);
		assertThat(missing.err().lines().findFirst()).contains("--config " + dir.resolve("nope.yml") + ": no such file");

		Path text = Files.writeString(dir.resolve("settings.txt"), "recon.out=/tmp/x\n");
		CliRun notSettings = CliRun.of("status", "--config", text.toString());
		assertThat(notSettings.exitCode()).isEqualTo(2);
		assertThat(notSettings.err().lines().findFirst())
			.contains("--config " + text + ": a settings file ends in .yml, .yaml or .properties");

		Path broken = Files.writeString(dir.resolve("broken.yml"), "recon: [unclosed\n");
		CliRun unreadable = CliRun.of("status", "--config", broken.toString());
		assertThat(unreadable.exitCode()).isEqualTo(2);
		assertThat(unreadable.err().lines().findFirst().orElseThrow()).startsWith("--config " + broken + ": not valid YAML: ");
	}

	@Test
	void emailTextsSetInTheSettingsReplaceTheClientsLanguagesForEveryClient() throws Exception {
		// given: the partner's own subject and body (the README: recon.delivery.subject, body)
		Path settings = dir.resolve("texts.yml");
		Files.writeString(settings, """
				recon:
				  delivery:
				    subject: "Statement {month} for {client_id}"
				    body: "{client_name}\\n{totals}"
				""", StandardCharsets.UTF_8);
		Path out = dir.resolve("out");

		// when: the whole close of the sample, its emails to the outbox
		ChildClose close = ChildClose.start(dir, Map.of("RECON_HOME", PROJECT.toString()), "close", "--month", "2025-09",
				"--inbox", PROJECT.resolve("sample-invoices").toString(), "--out", out.toString(), "--db-url",
				url("db-texts"), "--config", settings.toString());
		assertThat(close.waitForExit(A_WHILE)).as(close.describe()).isZero();

		// then: the German client's email has the partner's text, its month and totals in German
		MimeMessage mueller;
		try (InputStream in = Files.newInputStream(out.resolve("2025-09/outbox/c_001.eml"))) {
			mueller = new MimeMessage(Session.getInstance(new Properties()), in);
		}
		assertThat(mueller.getSubject()).isEqualTo("Statement September 2025 for c_001");
		assertThat(ClientOutputs.of(out, "2025-09", "c_001").body().replace("\r\n", "\n"))
			.isEqualTo("Müller Feinkost GmbH\nVon Meta berechnet: 880,80 EUR (geschätzt 855,54 EUR)");
	}

	@Test
	void theWorkedExampleReadsAGermanInvoiceAsTheEnglishOneReconciles() throws Exception {
		// given: the sample inbox, its EUR invoice replaced by the same lines under German headers
		Path inbox = TestInbox.copyOfSample(dir.resolve("inbox")).root();
		Files.delete(inbox.resolve("2025-09/invoice/meta-invoice-2025-09-EUR.csv"));
		Files.copy(Path.of("docs/examples/rechnung-2025-09-EUR.csv"),
				inbox.resolve("2025-09/invoice/rechnung-2025-09-EUR.csv"));

		// when: closed with the example's settings, and the sample as it is without them
		CliRun german = CliRun.of("close", "--month", "2025-09", "--until", "reconcile", "--dry-run", "--inbox",
				inbox.toString(), "--out", dir.resolve("out-de").toString(), "--config",
				"docs/examples/invoice-columns-de.yml", "--db-url", url("db-de"));
		CliRun english = CliRun.of("close", "--month", "2025-09", "--until", "reconcile", "--dry-run", "--inbox",
				"sample-invoices", "--out", dir.resolve("out-en").toString(), "--db-url", url("db-en"));

		// then: every German line loaded, and the month reconciles exactly as with Meta's English file
		assertThat(german.exitCode()).as(german.err()).isZero();
		assertThat(english.exitCode()).as(english.err()).isZero();
		assertThat(german.out()).contains("2025-09/invoice/rechnung-2025-09-EUR.csv EUR: file 929.05 = loaded 929.05 "
				+ "+ rejected 0.00");
		assertThat(dir.resolve("out-de/2025-09/reconciliation-2025-09.csv"))
			.hasSameBinaryContentAs(dir.resolve("out-en/2025-09/reconciliation-2025-09.csv"));
	}

	@Test
	void theSystemdUnitsPassSystemdsOwnCheck() throws Exception {
		assumeTrue(onPath("systemd-analyze"), "systemd-analyze is not installed here");
		Process verify = new ProcessBuilder("systemd-analyze", "verify", "jobs/recon-close.service",
				"jobs/recon-close.timer").redirectErrorStream(true).start();
		String said = new String(verify.getInputStream().readAllBytes(), StandardCharsets.UTF_8);

		assertThat(verify.waitFor()).as(said).isZero();
		assertThat(said).isBlank();
		assertThat(Files.readString(Path.of("jobs/recon-close.timer"))).contains("OnCalendar=*-*-03 06:00:00 UTC");
	}

	@Test
	void theCrontabLineRunsFromTheProjectFolderWithItsPercentSignsEscaped() throws Exception {
		List<String> entries = Files.readAllLines(Path.of("jobs/crontab"))
			.stream()
			.filter(line -> !line.isBlank() && !line.startsWith("#"))
			.toList();

		assertThat(entries).hasSize(1);
		String[] fields = entries.get(0).split(" +", 6);
		// 06:00 on the 3rd, as jobs/monthly-close.yml schedules serve ("0 0 6 3 * *")
		assertThat(List.of(fields).subList(0, 5)).containsExactly("0", "6", "3", "*", "*");
		String command = fields[5];
		assertThat(command).startsWith("cd /opt/recon && ").contains("./recon close --month ");
		assertThat(command.replace("\\%", "")).as("every %% escaped").doesNotContain("%");
		// cron turns \% into %: the month the shell then computes is last month
		Process month = new ProcessBuilder("sh", "-c", "date -d 'last month' +%Y-%m").start();
		String computed = new String(month.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
		assertThat(month.waitFor()).isZero();
		assertThat(YearMonth.parse(computed)).isEqualTo(YearMonth.now().minusMonths(1));
	}

	/** A close of the sample month up to the import, dry, on an embedded database of its own. */
	private String[] close(String month, String database) {
		return new String[] { "close", "--month", month, "--until", "import", "--dry-run", "--inbox",
				PROJECT.resolve("sample-invoices").toString(), "--db-url", url(database) };
	}

	private String url(String database) {
		return "jdbc:h2:file:" + dir.resolve(database) + "/recon;MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;"
				+ "DEFAULT_NULL_ORDERING=HIGH";
	}

	private static String[] with(String[] args, String... more) {
		String[] all = Arrays.copyOf(args, args.length + more.length);
		System.arraycopy(more, 0, all, args.length, more.length);
		return all;
	}

	private static boolean onPath(String program) {
		for (String folder : System.getenv().getOrDefault("PATH", "").split(":")) {
			if (Files.isExecutable(Path.of(folder, program))) {
				return true;
			}
		}
		return false;
	}

}
