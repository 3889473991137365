package com.wabarecon.usage;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedWriter;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import com.wabarecon.CloseJobRuns;
import com.wabarecon.Stage;
import com.wabarecon.StepExecutions;
import com.wabarecon.TestInbox;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.step.StepExecution;
import org.springframework.batch.test.JobOperatorTestUtils;
import org.springframework.batch.test.context.SpringBatchTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;

/**
 * Imports a generated channel-usage export of about 1 GB through the real usage stage and
 * prints the time, the rows per second and the peak heap. Not part of the test suite: run it
 * with a bounded heap,
 * {@code ./mvnw test -Dtest=UsageImportBenchmark -Dbenchmark=true -DargLine=-Xmx512m}
 * (add {@code -Dbenchmark.bytes=...} for another size, {@code -Dbenchmark.url=jdbc:postgresql://...}
 * for another database than an H2 file).
 */
@EnabledIfSystemProperty(named = "benchmark", matches = "true")
@SpringBatchTest
@SpringBootTest
class UsageImportBenchmark {

	@Autowired
	JobOperatorTestUtils jobOperatorTestUtils;

	@TempDir
	static Path dir;

	@org.springframework.test.context.DynamicPropertySource
	static void fileDatabase(org.springframework.test.context.DynamicPropertyRegistry registry) {
		registry.add("spring.datasource.url", () -> System.getProperty("benchmark.url", "jdbc:h2:file:"
				+ dir.resolve("db/bench") + ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH"));
	}

	@Test
	void importsAGigabyteUsageExportWithABoundedHeap() throws Exception {
		// given
		long targetBytes = Long.getLong("benchmark.bytes", 1_000_000_000L);
		TestInbox inbox = TestInbox.withSampleReferenceData(dir.resolve("inbox"));
		Path file = inbox.root().resolve("2025-09/usage/big.json");
		long started = System.nanoTime();
		long rows = writeExport(file, targetBytes);
		double generated = (System.nanoTime() - started) / 1e9;

		// when
		started = System.nanoTime();
		JobExecution execution = CloseJobRuns.run(jobOperatorTestUtils, inbox.root(), dir.resolve("out"), "2025-09",
				Stage.IMPORT, null);
		double seconds = (System.nanoTime() - started) / 1e9;

		// then
		assertThat(execution.getStatus()).isEqualTo(BatchStatus.COMPLETED);
		StepExecution step = StepExecutions.named(execution, "usageExportsStep");
		double stepSeconds = java.time.Duration.between(step.getStartTime(), step.getEndTime()).toMillis() / 1000.0;
		assertThat(step.getWriteCount()).isEqualTo(rows);
		System.out.printf("%nUSAGE IMPORT BENCHMARK (%s)%n  file: %,d bytes, %,d rows (generated in %.1f s)%n"
				+ "  usageExportsStep: %.1f s, %,.0f rows/s%n  whole import stage: %.1f s%n"
				+ "  max heap: %,d MB, peak heap used: %,d MB%n%n",
				System.getProperty("benchmark.url", "H2 file").replaceAll("\\?.*", ""), Files.size(file), rows, generated, stepSeconds,
				rows / stepSeconds, seconds, Runtime.getRuntime().maxMemory() >> 20, peakHeap() >> 20);
		execution.getStepExecutions()
			.forEach(s -> System.out.printf("  %-22s %8.1f s%n", s.getStepName(),
					java.time.Duration.between(s.getStartTime(), s.getEndTime()).toMillis() / 1000.0));
	}

	/** One channel's half-hour rows over the month, countries and categories cycling, until the size is reached. */
	private static long writeExport(Path file, long targetBytes) throws IOException {
		Files.createDirectories(file.getParent());
		String[] countries = { "DE", "AT", "FR", "IT", "ES", "NL" };
		String[] categories = { "MARKETING", "UTILITY", "AUTHENTICATION", "SERVICE" };
		long rows = 0;
		long written = 0;
		long monthStart = 1756677600L; // 2025-09-01T00:00 Europe/Berlin
		try (BufferedWriter out = Files.newBufferedWriter(file, StandardCharsets.UTF_8, java.nio.file.StandardOpenOption.CREATE)) {
			String head = "{\"partner_id\":\"p_360\",\"client_id\":\"c_001\",\"channel_id\":\"ch_001\",\"granularity\":\"HALF_HOUR\","
					+ "\"currency\":\"EUR\",\"usage\":[\n";
			out.write(head);
			written += head.length();
			while (written < targetBytes) {
				long start = monthStart + (rows % 1440) * 1800;
				String category = categories[(int) (rows / 1440 % categories.length)];
				boolean free = category.equals("SERVICE");
				String row = (rows == 0 ? "" : ",\n") + "{\"start\":" + start + ",\"end\":" + (start + 1800)
						+ ",\"country\":\"" + countries[(int) (rows % countries.length)] + "\",\"pricing_category\":\""
						+ category + "\",\"pricing_type\":\"" + (free ? "FREE_CUSTOMER_SERVICE" : "REGULAR")
						+ "\"," + (free ? "" : "\"tier\":\"0:MAX\",") + "\"volume\":" + (1 + rows % 17) + ",\"cost\":"
						+ (free ? "0" : "0." + (1000 + rows % 9000)) + "}";
				out.write(row);
				written += row.length();
				rows++;
			}
			out.write("\n]}\n");
		}
		return rows;
	}

	private static long peakHeap() {
		return ManagementFactory.getMemoryPoolMXBeans()
			.stream()
			.filter(pool -> pool.getType() == MemoryType.HEAP)
			.mapToLong(pool -> pool.getPeakUsage().getUsed())
			.sum();
	}

}
