package com.wabarecon.launch;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.YearMonth;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import com.wabarecon.CloseJobParameters;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;

/**
 * Two closes of the same month at once: one runs, the other is refused; a close of another
 * month runs alongside.
 */
@SpringBootTest(properties = "spring.datasource.url=jdbc:h2:mem:concurrent;MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;"
		+ "DEFAULT_NULL_ORDERING=HIGH;DB_CLOSE_DELAY=-1")
class ConcurrentCloseTests {

	@Autowired
	CloseLauncher launcher;

	@Autowired
	JobRepository jobRepository;

	@TempDir
	Path out;

	@Test
	void aSecondCloseOfTheSameMonthIsRefusedWhileAnotherMonthRunsAlongside() throws Exception {
		// given: September's close is running
		CompletableFuture<CloseOutcome> september = CompletableFuture.supplyAsync(() -> launcher.launch(request("2025-09")));
		long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
		while (jobRepository.findRunningJobExecutions(CloseJobParameters.JOB_NAME).isEmpty() && !september.isDone()
				&& System.nanoTime() < deadline) {
			Thread.sleep(5);
		}

		// when: September again, and June, start while it runs
		CompletableFuture<CloseOutcome> june = CompletableFuture.supplyAsync(() -> launcher.launch(request("2025-06")));
		CloseOutcome again = launcher.launch(request("2025-09"));

		// then
		assertThat(again.kind()).as(again.message()).isEqualTo(CloseOutcome.Kind.REFUSED);
		assertThat(again.message()).isEqualTo("a close of 2025-09, all clients is already running; this one was not started");
		CloseOutcome septemberOutcome = september.get(120, TimeUnit.SECONDS);
		CloseOutcome juneOutcome = june.get(120, TimeUnit.SECONDS);
		assertThat(septemberOutcome.kind()).as(RunSummary.format(septemberOutcome.execution())).isEqualTo(CloseOutcome.Kind.COMPLETED);
		assertThat(juneOutcome.kind()).as(RunSummary.format(juneOutcome.execution())).isEqualTo(CloseOutcome.Kind.COMPLETED);
	}

	private CloseRequest request(String month) {
		return new CloseRequest(YearMonth.parse(month), null, false, Path.of("sample-invoices"), out, true, false, null,
				null, null, null, null, null);
	}

}
