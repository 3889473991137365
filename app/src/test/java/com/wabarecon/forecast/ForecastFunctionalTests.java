package com.wabarecon.forecast;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import com.wabarecon.CloseJobRuns;
import com.wabarecon.CloseJobTest;
import com.wabarecon.Stage;
import com.wabarecon.StepExecutions;
import com.wabarecon.TestInbox;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.test.JobOperatorTestUtils;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The approximate charges of October 2025, forecast by the real close of the sample's
 * September: priced with the rate card in force on 1 October (rate-cards/2025-10-01.csv raises
 * Germany's marketing rate from 0.1365 to 0.1410 EUR), with one month of history and with three.
 */
@CloseJobTest
class ForecastFunctionalTests {

	@Autowired
	JobOperatorTestUtils jobOperatorTestUtils;

	@Autowired
	JdbcClient jdbc;

	@TempDir
	Path dir;

	@TempDir
	Path out;

	@Test
	void oneMonthIsItsRunRateAtTheNextQuartersRatesWithLowConfidence() throws Exception {
		// when
		JobExecution execution = CloseJobRuns.run(jobOperatorTestUtils, sample(), out, "2025-09", Stage.RECONCILE,
				null);

		// then: ch_001's 1,200 marketing messages in September's 30 days: 1,240 in October's 31, at
		// October's 0.1410 (not September's 0.1365): 174.84 EUR; its 227.7 invoiced minutes (2,277
		// pulses): 2,352.9, 2,353 pulses at 0.0300 a minute: 7.059, 7.06 EUR
		assertThat(execution.getStatus()).isEqualTo(BatchStatus.STOPPED);
		assertThat(line("MARKETING")).isEqualTo("2025-10 1 1240 - - true 174.84 - -");
		assertThat(line("VOICE")).isEqualTo("2025-10 1 2353 - - true 7.06 - -");
		// and ch_008's authentication, never invoiced (MISSING_FROM_INVOICE): priced in the country of
		// its estimates, Brazil: 350 in 30 days, 361.67, 362 in 31, at 0.0275 BRL: 9.955, 9.96
		assertThat(line("308812345670002", "AUTHENTICATION")).isEqualTo("2025-10 1 362 - - true 9.96 - -");
		assertThat(StepExecutions.named(execution, "forecastStep").getExitStatus().getExitDescription())
			.startsWith("approximate charges of 2025-10: ");
	}

	@Test
	void theSamplesJulyAndAugustGiveSeptembersForecastAnInterval() throws Exception {
		// given: the sample's July and August closed first
		Path inbox = sample();
		for (String month : List.of("2025-07", "2025-08")) {
			assertThat(CloseJobRuns.run(jobOperatorTestUtils, inbox, out, month, Stage.RECONCILE, null).getStatus())
				.as(month)
				.isEqualTo(BatchStatus.STOPPED);
		}

		// when
		CloseJobRuns.run(jobOperatorTestUtils, inbox, out, "2025-09", Stage.RECONCILE, null);

		// then: ch_001's marketing invoiced 934 in July's 31 days, 1,001 in August's 31, 1,200 in
		// September's 30 (40 a day): 40 + (40 - 934 / 31) / 2 / 2 a day, 1,316.5 in October's 31:
		// 1,317. The method's errors: August from July 934 for 1,001 (+7.17 %), September from
		// August's run-rate 968.7, 969, for 1,200 (+23.84 %): their root mean square 17.60 %, x 1.886
		// (Student's t, 2 errors) = 33.20 %: 880 to 1,754. At October's 0.1410: 185.697, 185.70, and in
		// proportion 185.70 x 880 / 1,317 = 124.08 to 185.70 x 1,754 / 1,317 = 247.318, 247.32
		assertThat(line("MARKETING")).isEqualTo("2025-10 3 1317 880 1754 false 185.70 124.08 247.32");
	}

	@Test
	void theStatementShowsTheApproximateChargesPerCurrencyAndCategory() throws Exception {
		// when: the whole close
		CloseJobRuns.run(jobOperatorTestUtils, sample(), out, "2025-09", Stage.DELIVERY, null);

		// then: c_001's marketing of October (German): ch_001 1,200 and ch_002 2,402 in Germany,
		// 1,240 and 2,482 in October's days, at 0.1410: 3,722 x 0.1410 = 524.80; ch_003 400 in
		// Austria, 413 at 0.0545: 22.51. 4,135 messages, 547.31 EUR, one month: low confidence
		String pdf = com.wabarecon.ClientOutputs.of(out, "2025-09", "c_001").pdfText().replaceAll("\\s+", " ");
		assertThat(pdf).contains("Voraussichtliche Kosten für Oktober 2025",
				"EUR Marketing 4.135 geringe Sicherheit 547,31",
				"zu den am ersten Tag des Monats Oktober 2025 geltenden Preisen");
		try (var in = java.nio.file.Files.newInputStream(out.resolve("2025-09/c_001/statement-c_001-2025-09.xlsx"));
				var workbook = new org.apache.poi.xssf.usermodel.XSSFWorkbook(in)) {
			List<String> rows = new ArrayList<>();
			List<String> categories = new ArrayList<>();
			for (var row : workbook.getSheet("Forecast")) {
				categories.add(row.getCell(2).toString());
				if ("MARKETING".equals(row.getCell(2).toString())) {
					rows.add(row.getCell(0) + " " + row.getCell(3) + " " + row.getCell(6) + " " + row.getCell(7));
				}
			}
			assertThat(rows).containsExactly("2025-10 4135.0 low 547.31");
			// c_001's service messages are free: nothing to charge, no row
			assertThat(categories).contains("UTILITY").doesNotContain("SERVICE");
		}
	}

	@Test
	void theStatementShowsTheLastTwelveMonths() throws Exception {
		// given: c_001's July and August reconciled before (a line each)
		for (String[] month : new String[][] { { "2025-07", "1240", "169.26" }, { "2025-08", "1147", "156.57" } }) {
			jdbc.sql("""
					INSERT INTO recon_line (billing_month, client_id, waba_id, phone_number_id, channel_id, category,
					    currency, estimated_volume, invoiced_volume, volume_delta, estimated_amount, invoiced_amount,
					    amount_delta, estimated_free_volume, invoiced_free_volume, status)
					VALUES (?, 'c_001', '102290129340398', '106540352242922', 'ch_001', 'MARKETING', 'EUR', ?, ?, 0,
					    ?, ?, 0, 25, 0, 'MATCHED')""")
				.params(month[0], Long.parseLong(month[1]), Long.parseLong(month[1]), new java.math.BigDecimal(month[2]),
						new java.math.BigDecimal(month[2]))
				.update();
		}

		// when
		CloseJobRuns.run(jobOperatorTestUtils, sample(), out, "2025-09", Stage.DELIVERY, null);

		// then: the German statement charts the three months; c_002, with September alone, has none
		String pdf = com.wabarecon.ClientOutputs.of(out, "2025-09", "c_001").pdfText().replaceAll("\\s+", " ");
		assertThat(pdf).contains("Ihre letzten 12 Monate", "Nachrichten pro Monat, kostenpflichtig und kostenlos",
				"Berechnet pro Monat", "2025-07", "2025-08", "2025-09");
		assertThat(com.wabarecon.ClientOutputs.of(out, "2025-09", "c_002").pdfText()).doesNotContain("last 12 months");
	}

	/** The sample's inbox, for its September closed to the reconciliation. */
	private Path sample() throws Exception {
		return TestInbox.copyOfSample(dir.resolve("inbox")).root();
	}

	/** ch_001's forecast line of the category: month, months used, volume and interval, confidence, cost. */
	private String line(String category) {
		return line("106540352242922", category);
	}

	/** The number's forecast line of the category. */
	private String line(String phoneNumberId, String category) {
		return jdbc.sql("""
				SELECT forecast_month, months_used, volume, volume_low, volume_high, low_confidence, cost, cost_low,
				       cost_high
				FROM forecast_line WHERE billing_month = '2025-09' AND phone_number_id = ?
				  AND category = ?""").params(phoneNumberId, category).query((rs, n) -> {
			List<String> cells = new ArrayList<>();
			for (int c = 1; c <= 9; c++) {
				Object value = rs.getObject(c);
				cells.add(value == null ? "-" : value instanceof java.math.BigDecimal decimal
						? decimal.setScale(2, java.math.RoundingMode.UNNECESSARY).toPlainString()
						: String.valueOf(value).toLowerCase());
			}
			return String.join(" ", cells);
		}).single();
	}

}
