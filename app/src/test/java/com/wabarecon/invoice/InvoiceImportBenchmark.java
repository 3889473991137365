package com.wabarecon.invoice;

import static com.wabarecon.invoice.InvoiceStepRuns.importInvoice;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.step.Step;
import org.springframework.batch.core.step.StepExecution;
import org.springframework.batch.test.JobOperatorTestUtils;
import org.springframework.batch.test.context.SpringBatchTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.util.FileSystemUtils;

/**
 * Imports a generated invoice of {@code benchmark.lines} lines (500,000 by default) through
 * the real step, once as CSV and once as XLSX, and prints lines per second. The database is
 * the product's default, an H2 file (not in the heap, like PostgreSQL), or the JDBC URL in
 * {@code benchmark.db-url}. Not part of the normal suite; run it with a limited heap:
 *
 * <pre>./mvnw -B test -Dtest=InvoiceImportBenchmark -Dbenchmark=true -DargLine=-Xmx512m</pre>
 */
@EnabledIfSystemProperty(named = "benchmark", matches = "true")
@SpringBatchTest
@SpringBootTest
class InvoiceImportBenchmark {

	/** Two months, so that neither import times the deletion of the other's lines. */
	static final String CSV_MONTH = "2025-09";

	static final String XLSX_MONTH = "2025-10";

	static final int LINES = Integer.getInteger("benchmark.lines", 500_000);

	static final Path WORK = temporaryFolder();

	@Autowired
	JobOperatorTestUtils jobOperatorTestUtils;

	@Autowired
	@Qualifier(InvoiceStepRuns.STEP)
	Step invoiceImportStep;

	@Autowired
	@Qualifier("inboxStep")
	Step inboxStep;

	@DynamicPropertySource
	static void database(DynamicPropertyRegistry registry) {
		registry.add("spring.datasource.url", () -> System.getProperty("benchmark.db-url", "jdbc:h2:file:"
				+ WORK.resolve("db/recon").toAbsolutePath() + ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH"));
	}

	@AfterAll
	static void deleteGeneratedData() throws IOException {
		FileSystemUtils.deleteRecursively(WORK);
	}

	@Test
	void importsALargeInvoiceAsCsvAndAsXlsx() throws Exception {
		System.out.printf("invoice benchmark: %,d lines, max heap %d MB%n", LINES,
				Runtime.getRuntime().maxMemory() / (1024 * 1024));

		Path csvInbox = WORK.resolve("csv-inbox");
		Path csv = InvoiceGenerator.csv(csvInbox, CSV_MONTH, "invoice.csv", LINES);
		run("CSV ", csvInbox, CSV_MONTH, csv);

		Path xlsxInbox = WORK.resolve("xlsx-inbox");
		Path xlsx = InvoiceGenerator.xlsx(xlsxInbox, XLSX_MONTH, "invoice.xlsx", LINES);
		run("XLSX", xlsxInbox, XLSX_MONTH, xlsx);
	}

	private void run(String format, Path inbox, String month, Path file) throws IOException {
		resetPeakHeap();
		long start = System.nanoTime();
		StepExecution step = importInvoice(jobOperatorTestUtils, inboxStep, invoiceImportStep, inbox, month);
		double seconds = (System.nanoTime() - start) / 1e9;

		assertThat(step.getStatus()).isEqualTo(BatchStatus.COMPLETED);
		assertThat(step.getWriteCount()).isEqualTo(LINES);
		System.out.printf(Locale.ROOT, "invoice benchmark %s: %,d lines (%,d bytes) imported in %.1f s = %,.0f lines/s, "
				+ "peak heap %d MB of %d MB%n", format, step.getWriteCount(), Files.size(file), seconds,
				step.getWriteCount() / seconds, peakHeap() / (1024 * 1024),
				Runtime.getRuntime().maxMemory() / (1024 * 1024));
		Files.delete(file);
	}

	private static void resetPeakHeap() {
		System.gc();
		ManagementFactory.getMemoryPoolMXBeans()
			.stream()
			.filter(pool -> pool.getType() == MemoryType.HEAP)
			.forEach(MemoryPoolMXBean::resetPeakUsage);
	}

	/** The sum of the heap pools' peaks: an upper bound of the heap the import used at once. */
	private static long peakHeap() {
		return ManagementFactory.getMemoryPoolMXBeans()
			.stream()
			.filter(pool -> pool.getType() == MemoryType.HEAP)
			.mapToLong(pool -> pool.getPeakUsage().getUsed())
			.sum();
	}

	private static Path temporaryFolder() {
		try {
			return Files.createTempDirectory("invoice-benchmark");
		}
		catch (IOException ex) {
			throw new IllegalStateException(ex);
		}
	}

}
