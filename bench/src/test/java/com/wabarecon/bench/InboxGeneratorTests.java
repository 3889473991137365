package com.wabarecon.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.YearMonth;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The generator on its own: the same seed writes the same bytes, another seed another month,
 * and the layout and counts are those the close reads.
 */
class InboxGeneratorTests {

	static final YearMonth MONTH = YearMonth.of(2025, 9);

	@TempDir
	Path dir;

	@Test
	void theSameSeedWritesTheSameBytes() throws IOException {
		// when
		InboxGenerator.generate(GeneratorSettings.of(120, 40, MONTH, dir.resolve("a"), 42));
		InboxGenerator.generate(GeneratorSettings.of(120, 40, MONTH, dir.resolve("b"), 42));
		InboxGenerator.generate(GeneratorSettings.of(120, 40, MONTH, dir.resolve("c"), 43));

		// then
		List<Path> files = files(dir.resolve("a"));
		assertThat(files(dir.resolve("b"))).isEqualTo(files);
		for (Path file : files) {
			assertThat(Files.mismatch(dir.resolve("a").resolve(file), dir.resolve("b").resolve(file))).as(file.toString())
				.isEqualTo(-1L);
		}
		assertThat(Files.mismatch(dir.resolve("a/directory/channels.csv"), dir.resolve("c/directory/channels.csv")))
			.as("another seed, another directory")
			.isNotEqualTo(-1L);
	}

	@Test
	void aYearIsConsecutiveMonthsEachWithItsManifestAndItsOwnWebhookFiles() throws IOException {
		Path inbox = dir.resolve("year");

		// a fifth of the channels webhook-only, so that each month writes webhooks
		Manifest last = InboxGenerator.generate(year(inbox));

		assertThat(last.month()).isEqualTo("2025-11");
		for (String month : List.of("2025-09", "2025-10", "2025-11")) {
			assertThat(inbox.resolve(month).resolve("usage")).isDirectory();
			assertThat(inbox.resolve(month).resolve("invoice")).isDirectory();
			assertThat(Manifest.read(inbox, "generated-" + month + ".json").month()).isEqualTo(month);
			assertThat(inbox.resolve("fx").resolve(month + ".csv")).isRegularFile();
		}
		// the same seed, the same year; a month's late events never overwrite the next month's files
		InboxGenerator.generate(year(dir.resolve("again")));
		assertThat(files(inbox)).isEqualTo(files(dir.resolve("again")));
		for (Path file : files(inbox)) {
			assertThat(Files.mismatch(inbox.resolve(file), dir.resolve("again").resolve(file))).as(file.toString())
				.isEqualTo(-1L);
		}
		try (Stream<Path> webhooks = Files.list(inbox.resolve("2025-10").resolve("webhooks"))) {
			assertThat(webhooks.map(file -> file.getFileName().toString()))
				.allMatch(name -> name.startsWith("statuses-2025-09-") || name.startsWith("statuses-2025-10-"));
		}
	}

	@Test
	void writesTheInboxLayoutWithItsManifest() throws IOException {
		// when
		Path inbox = dir.resolve("inbox");
		Manifest manifest = InboxGenerator.generate(GeneratorSettings.of(200, 60, MONTH, inbox, 1));

		// then
		assertThat(inbox.resolve("directory/clients.csv")).exists();
		assertThat(inbox.resolve("directory/channels.csv")).exists();
		assertThat(inbox.resolve("rate-cards/2025-07-01.csv")).exists();
		assertThat(inbox.resolve("rate-cards/markets.csv")).exists();
		assertThat(inbox.resolve("fx/2025-09.csv")).exists();
		assertThat(Manifest.read(inbox)).isEqualTo(manifest);
		assertThat(Files.readAllLines(inbox.resolve("directory/channels.csv"))).hasSize(200 + 1);
		assertThat(Files.readAllLines(inbox.resolve("directory/clients.csv"))).hasSize(60 + 1);
		assertThat(manifest.webhookOnlyChannels()).isEqualTo(2);
		assertThat(manifest.usageFiles()).isEqualTo(count(inbox.resolve("2025-09/usage")));
		assertThat(manifest.webhookFiles())
			.isEqualTo(count(inbox.resolve("2025-09/webhooks")) + count(inbox.resolve("2025-10/webhooks")));
		assertThat(manifest.invoiceFiles()).isEqualTo(count(inbox.resolve("2025-09/invoice")));
		assertThat(manifest.usageRows()).as("about 150 daily rows a channel").isBetween(200 * 100L, 200 * 200L);
		assertThat(manifest.invoiceUsageLines()).as("about 3 invoice lines a channel").isBetween(200 * 2L, 200 * 4L);
	}

	@Test
	void refusesAFolderThatIsNotEmptyAndAConversationBasedMonth() throws IOException {
		Files.writeString(dir.resolve("something.txt"), "x");
		assertThatThrownBy(() -> InboxGenerator.generate(GeneratorSettings.of(10, 5, MONTH, dir, 1)))
			.hasMessageContaining("is not empty");
		assertThatThrownBy(() -> GeneratorSettings.of(10, 5, YearMonth.of(2025, 6), dir.resolve("x"), 1))
			.hasMessageContaining("2025-07 or later");
		assertThatThrownBy(() -> GeneratorSettings.of(10, 11, MONTH, dir.resolve("x"), 1))
			.hasMessageContaining("clients must be between 1 and the number of channels");
	}

	private static GeneratorSettings year(Path out) {
		return new GeneratorSettings(30, 10, MONTH, out, 3, 2.0, 20.0, 50, 5.0, 20.0, 10.0, 3);
	}

	private static List<Path> files(Path root) throws IOException {
		try (Stream<Path> walk = Files.walk(root)) {
			return walk.filter(Files::isRegularFile).map(root::relativize).sorted().toList();
		}
	}

	private static long count(Path folder) throws IOException {
		try (Stream<Path> files = Files.list(folder)) {
			return files.count();
		}
	}

}
