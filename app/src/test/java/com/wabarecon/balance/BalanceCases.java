package com.wabarecon.balance;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import com.wabarecon.ClientOutputs;
import com.wabarecon.CloseJobRuns;
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
 * Prepaid balances of channels on Direct Payment, by the real close on the sample inbox, whose
 * ch_011 (USD, Europe/Athens) and ch_012 (EUR, Asia/Nicosia) are on Direct Payment: their
 * auto-renewal, August's snapshots in the inbox as the opening balances, September's snapshots
 * and funds movements (sample-invoices/README.md). Every figure below is worked out by hand.
 * Run on each database ({@code BalanceFunctionalTests}, {@code BalancePostgresTests}).
 */
abstract class BalanceCases {

	@Autowired
	JobOperatorTestUtils jobOperatorTestUtils;

	@Autowired
	JdbcClient jdbc;

	@TempDir
	Path dir;

	@TempDir
	Path out;

	@Test
	void eachDirectChannelsMonthRollsForwardAndSaysHowLongItsFundsLast() throws Exception {
		// given
		TestInbox inbox = septemberWithBalances();

		// when
		JobExecution execution = CloseJobRuns.run(jobOperatorTestUtils, inbox.root(), out, "2025-09", Stage.RECONCILE,
				null);

		// then: ch_011, 20.00 - 15 x 1.00 - 15 x 2.00 + 30.00 = 5.00, as its snapshot: it ties; the
		// last 15 days cost 2.00 a day, 2.5 days of funds, empty on the third day (3 October), and
		// no renewal: flagged. Its month averaged 1.50 a day, the last days 2.00 (33 % away): the
		// advice is on 2.00, 3 days = 6, 30 days = 60.
		// ch_012, 100.00 - 30 x 3.00 + 50.00 + 5.00 = 65.00 against a snapshot of 63.00: -2.00. At
		// 3.00 a day, 63.00 lasts 21 days; (63.00 - 20.00) / 3.00 = 14.3: below the threshold on the
		// 15th day, 15 October. Stable usage: 9 and 90.
		assertThat(execution.getStatus()).isEqualTo(BatchStatus.STOPPED);
		assertThat(jdbc.sql("""
				SELECT channel_id, opening, added, used, other, expected_closing, closing, difference, invoiced_usage,
				       daily_cost, days_left, renewal_date, empty_date, runs_out_soon, renewal_enabled,
				       suggested_threshold, suggested_amount, stable_usage
				FROM balance_month WHERE billing_month = '2025-09' ORDER BY channel_id""").query((rs, n) -> {
			List<String> cells = new ArrayList<>();
			for (int c = 1; c <= 18; c++) {
				Object value = rs.getObject(c);
				cells.add(value instanceof java.math.BigDecimal decimal ? decimal.stripTrailingZeros().toPlainString()
						: String.valueOf(value).toLowerCase());
			}
			return String.join(" ", cells);
		}).list()).containsExactly(
				"ch_011 20 30 -45 0 5 5 0 47.36 2 2.5 null 2025-10-03 true false 6 60 false",
				"ch_012 100 50 -90 5 65 63 -2 16.35 3 21 2025-10-15 null false true 9 90 true");
		assertThat(StepExecutions.named(execution, "balancesStep").getExitStatus().getExitDescription())
			.isEqualTo("2 channels on Direct Payment, 1 tying out; ch_011's funds run out within 7 days: 2.5 days "
					+ "left at 2.00 USD a day, empty on 2025-10-03; ch_012 does not tie out: opening 100.00 + "
					+ "movements -35.00 = 65.00, snapshot 63.00 (difference -2.00 EUR)");
		assertThat(jdbc.sql("""
				SELECT line || ': ' || reason FROM import_reject
				WHERE billing_month = '2025-09' AND source_file = '2025-09/balance/movements.csv' ORDER BY line""")
			.query(String.class)
			.list()).containsExactly(
					"65: channel ch_001 is not on Direct Payment (payment_mode PARTNER): it has no prepaid balance",
					"66: a TOP_UP must be positive (it is -5.00)",
					"67: booked on 2025-10-01 in Asia/Nicosia, not in 2025-09: it belongs to that month's balance");
		assertThat(jdbc.sql("SELECT channel_id || ' ' || COALESCE(CAST(last_renewal_amount AS VARCHAR(40)), '-') "
				+ "FROM balance_snapshot WHERE billing_month = '2025-09' ORDER BY channel_id").query(String.class).list())
			.containsExactly("ch_011 -", "ch_012 50.000000");
	}

	@Test
	void aClientWhoseFundsRunOutWithinAWeekIsToldSoInItsEmail() throws Exception {
		// given
		TestInbox inbox = septemberWithBalances();

		// when: the whole close, emails to the outbox
		JobExecution execution = CloseJobRuns.run(jobOperatorTestUtils, inbox.root(), out, "2025-09", Stage.DELIVERY,
				null);

		// then: ch_011 (c_005, Greek) has 5.00 USD for 2.5 days; ch_012 (c_006) renews, so nothing to say
		assertThat(execution.getStatus()).isEqualTo(BatchStatus.COMPLETED);
		assertThat(ClientOutputs.of(out, "2025-09", "c_005").body()).contains("+302101234567: το προπληρωμένο "
				+ "υπόλοιπο των 5,00 USD επαρκεί για περίπου 2,5 ακόμη ημέρες με την πρόσφατη χρήση και εξαντλείται "
				+ "στις ", " 2025. Προσθέστε χρήματα ή ενεργοποιήστε την αυτόματη ανανέωση");
		assertThat(ClientOutputs.of(out, "2025-09", "c_006").body()).doesNotContain("баланс");

		// and its statement's Prepaid balance section, in Greek: 20,00 + 30,00 - 45,00 + 0,00 (other)
		// = 5,00, 2,5 days; the advice on the last 15 days' 2,00 a day (6 and 60)
		ClientOutputs greek = ClientOutputs.of(out, "2025-09", "c_005");
		assertThat(greek.pdfText().replaceAll("\\s+", " ")).contains("Προπληρωμένο υπόλοιπο (Direct Payment)",
				"Λοιπά", "+302101234567 USD 20,00 30,00 -45,00 0,00 5,00 2,5 ανενεργή",
				"+302101234567: με τη χρήση των τελευταίων 15 ημερών το υπόλοιπο επαρκεί για ακόμη 2,5 ημέρες",
				"+302101234567: προτεινόμενη αυτόματη ανανέωση κάτω από 6,00 USD, με προσθήκη 60,00 USD",
				"Τελικό υπόλοιπο ανά αριθμό");
		try (var in = Files.newInputStream(out.resolve("2025-09/c_005/statement-c_005-2025-09.xlsx"));
				var workbook = new org.apache.poi.xssf.usermodel.XSSFWorkbook(in)) {
			var row = workbook.getSheet("Balance").getRow(1);
			assertThat(row.getCell(0).getStringCellValue()).isEqualTo("+302101234567");
			assertThat(row.getCell(2).getNumericCellValue()).isEqualTo(20.0);
			assertThat(row.getCell(7).getNumericCellValue()).isEqualTo(5.0);
			assertThat(row.getCell(11).getNumericCellValue()).isEqualTo(2.5);
			assertThat(row.getCell(12).getLocalDateTimeCellValue().toLocalDate()).isEqualTo(LocalDate.of(2025, 10, 3));
			assertThat(row.getCell(13).getStringCellValue()).isEqualTo("off");
		}
		// ch_012's difference, in Russian: 100,00 + 50,00 - 90,00 + 5,00 (the refund, other) = 65,00
		// expected, 63,00 in the snapshot
		assertThat(ClientOutputs.of(out, "2025-09", "c_006").pdfText().replaceAll("\\s+", " "))
			.contains("+35722123456 EUR 100,00 50,00 -90,00 5,00 63,00 21,0 вкл.", "+35722123456: начальный баланс и операции за месяц дают 65,00 EUR, но конечный баланс 63,00 EUR: "
					+ "расхождение -2,00 EUR.");
	}

	@Test
	void thePartnerWorkbookListsEveryDirectChannelTheMostUrgentFirst() throws Exception {
		// given: ch_012 on Direct Payment with two weeks of funds at 5.00 a day and no renewal,
		// ch_011 with 2.00 left at 1.00 a day and no snapshot of August
		TestInbox inbox = TestInbox.copyOfSample(dir.resolve("inbox"));
		Files.delete(inbox.root().resolve("2025-08/balance/ch_011.json"));
		inbox.write("directory/auto-renewal.csv", "channel_id,enabled,threshold,amount,currency\n");
		inbox.write("2025-08/balance/ch_012.json", "{\"balance\": 145.00, \"currency\": \"EUR\"}");
		inbox.write("2025-09/balance/ch_011.json", "{\"balance\": 2.00, \"currency\": \"USD\"}");
		inbox.write("2025-09/balance/ch_012.json", "{\"balance\": 70.00, \"currency\": \"EUR\"}");
		StringBuilder movements = new StringBuilder("channel_id,booked_at,type,amount,currency,reference\n");
		for (int day = 16; day <= 30; day++) {
			movements.append("ch_011,2025-09-%02dT12:00:00Z,USAGE,-1.00,USD,\n".formatted(day));
			movements.append("ch_012,2025-09-%02dT12:00:00Z,USAGE,-5.00,EUR,\n".formatted(day));
		}
		inbox.write("2025-09/balance/movements.csv", movements.toString());

		// when
		CloseJobRuns.run(jobOperatorTestUtils, inbox.root(), out, "2025-09", Stage.RECONCILE, null);

		// then: ch_011 first (2 days left, flagged), its opening and roll-forward unknown, never 0;
		// ch_012: 145.00 - 75.00 = 70.00, tying out, 14 days left
		List<String> rows = new ArrayList<>();
		try (var in = Files.newInputStream(out.resolve("2025-09/reconciliation-2025-09.xlsx"));
				var workbook = new org.apache.poi.xssf.usermodel.XSSFWorkbook(in)) {
			var sheet = workbook.getSheet("Balances");
			for (var row : sheet) {
				List<String> cells = new ArrayList<>();
				for (int c : new int[] { 1, 3, 7, 8, 9, 12, 13, 14, 15 }) {
					var cell = row.getCell(c);
					cells.add(cell == null ? "-" : cell.toString());
				}
				rows.add(String.join(" ", cells));
			}
		}
		assertThat(rows).containsExactly(
				"channel_id opening expected_closing closing difference days_left runs_out_soon empty_on auto_renewal",
				"ch_011 unknown unknown 2.0 unknown 2.0 yes 2025-10-02 off",
				"ch_012 145.0 70.0 70.0 0.0 14.0 no 2025-10-14 off");
	}

	/**
	 * The sample (ch_011, no renewal, at 5.00 USD after a month of 1.00 then 2.00 a day; ch_012,
	 * renewal at 20.00, at 63.00 EUR after 3.00 a day), ch_012's snapshot under another name,
	 * and three movements to reject.
	 */
	private TestInbox septemberWithBalances() throws Exception {
		TestInbox inbox = TestInbox.copyOfSample(dir.resolve("inbox"));
		inbox.write("2025-09/balance/ch_011.json", "{\"balance\": 5.00, \"currency\": \"USD\", \"estimated_template_cost\": 0.02}");
		// the channel from the field, not the name
		Files.delete(inbox.root().resolve("2025-09/balance/ch_012.json"));
		inbox.write("2025-09/balance/nicosia.json", """
				{"channel_id": "ch_012", "balance": 63.00, "currency": "EUR",
				 "last_renewal": {"amount": 50.00, "date": "2025-09-20T08:00:00Z"}}""");
		// rejected: a channel the partner pays for, a negative top-up, 1 October in Nicosia
		inbox.append("2025-09/balance/movements.csv", "ch_001,2025-09-10T09:00:00Z,TOP_UP,10.00,EUR,");
		inbox.append("2025-09/balance/movements.csv", "ch_011,2025-09-11T09:00:00Z,TOP_UP,-5.00,USD,");
		inbox.append("2025-09/balance/movements.csv", "ch_012,2025-09-30T22:30:00Z,USAGE,-1.00,EUR,");
		return inbox;
	}

}
