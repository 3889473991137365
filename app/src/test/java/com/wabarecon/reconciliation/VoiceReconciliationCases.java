package com.wabarecon.reconciliation;

import static com.wabarecon.CallsWebhooks.SEP_1;
import static com.wabarecon.CallsWebhooks.SEP_15_ATHENS;
import static com.wabarecon.CallsWebhooks.SEP_2;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import com.opencsv.CSVReader;
import com.wabarecon.CallsWebhooks;
import com.wabarecon.CloseJobRuns;
import com.wabarecon.Stage;
import com.wabarecon.StepExecutions;
import com.wabarecon.TestInbox;

import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.test.JobOperatorTestUtils;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Invoice {@code VOICE} lines reconciled by the real close, to the reconciliation: on a channel
 * against its call export, on a whole WABA against its channels' calls webhooks, and calls
 * without a rate, whose amount is unknown. Volumes are minutes with one decimal in every output.
 * Run on each database ({@code VoiceReconciliationFunctionalTests}, {@code VoiceReconciliationPostgresTests}).
 */
abstract class VoiceReconciliationCases {

	/** 10 September 2025, 12:00 UTC: 08:00 in New York (ch_009's and ch_010's WABA). */
	static final long SEP_10_NOON = 1757505600L;

	@Autowired
	JobOperatorTestUtils jobOperatorTestUtils;

	@Autowired
	JdbcClient jdbc;

	@TempDir
	Path dir;

	@TempDir
	Path out;

	@Test
	void voiceLinesReconcileOnAChannelAndOnAWabaInMinutes() throws Exception {
		// given: voice rates of 1 August over the sample's (EUR Germany 0.12 a minute, USD North
		// America 0.03), the sample's calls taken out; ch_001's call
		// export with its cost; ch_009's and ch_010's calls webhooks (New York, one WABA); ch_011's
		// Greek calls, which no voice rate prices; the invoice's voice lines, one of them unreadable
		TestInbox inbox = TestInbox.copyOfSample(dir.resolve("inbox")).withoutSampleCalls();
		inbox.write("rate-cards/2025-08-01-voice.csv", """
				effective_from,currency,market,category,tier_lower,tier_upper,rate
				2025-08-01,EUR,Germany,VOICE,0,,0.12
				2025-08-01,USD,North America,VOICE,0,,0.03
				""");
		inbox.write("2025-09/calls/ch_001-calls.json", """
				{"call_analytics": {"granularity": "DAILY", "data_points": [
				  {"start": %d, "end": %d, "phone_number": "4930123456", "direction": "BUSINESS_INITIATED", "country": "DE", "count": 12, "average_duration": 95, "cost": 2.28},
				  {"start": %d, "end": %d, "phone_number": "4930123456", "direction": "USER_INITIATED", "country": "DE", "count": 5, "average_duration": 40}
				]}}
				""".formatted(SEP_1, SEP_2, SEP_1, SEP_2));
		inbox.write("2025-09/calls/ch_011-calls.json", """
				{"call_analytics": {"data": [{"data_points": [
				  {"start": %d, "end": %d, "phone_number": "302101234567", "direction": "BUSINESS_INITIATED", "country": "GR", "count": 4, "average_duration": 56}
				]}]}}
				""".formatted(SEP_15_ATHENS, SEP_15_ATHENS + 86400));
		inbox.write("2025-09/webhooks/calls-us.ndjson", String.join("\n",
				calls("409912345600001", "12125550100", call("us-1", SEP_10_NOON, 56)),
				calls("409912345600002", "12125550123", call("us-2", SEP_10_NOON + 60, 61)),
				calls("409912345600002", "12125550123", call("us-3", SEP_10_NOON + 600, 600))) + "\n");
		inbox.write("2025-09/invoice/meta-invoice-2025-09-voice.csv", """
				invoice_id,invoice_date,period_start,period_end,waba_id,phone_number_id,display_phone_number,market,pricing_category,pricing_type,tier,volume,unit_rate,amount,currency,line_type
				INV-2025-09-VOICE-7,2025-10-03,2025-09-01,2025-09-30,102290129340398,106540352242922,4930123456,DE,VOICE,REGULAR,0:MAX,19.5,0.12,2.34,EUR,USAGE
				INV-2025-09-VOICE-7,2025-10-03,2025-09-01,2025-09-30,405566778899001,,,US,VOICE,,,15.0,0.03,0.45,USD,USAGE
				INV-2025-09-VOICE-7,2025-10-03,2025-09-01,2025-09-30,102290129340398,106540352242923,4940987654,DE,VOICE,REGULAR,,1.25,0.12,0.15,EUR,USAGE
				""");

		// when
		JobExecution execution = CloseJobRuns.runAllowingRejects(jobOperatorTestUtils, inbox.root(), out, "2025-09",
				Stage.RECONCILE);

		// then, by hand (volumes in pulses, amounts as the lines keep them):
		// ch_001: 12 calls x ceil(95 / 6) = 192 pulses, 19.2 minutes, 2.28 EUR as exported; invoiced
		// 19.5 minutes, 2.34 EUR: +0.3 minutes is within 1.0, +0.06 EUR within 1.00, and the 12 calls
		// from an average may each be a pulse off. Per minute: 2.34 / 19.5 = 0.1200, 2.28 / 19.2 = 0.1188.
		// WABA 405566778899001: 10 + 11 + 100 pulses = 12.1 minutes at 0.03: 0.03 + 0.033 + 0.30
		// = 0.363 USD, 0.36; invoiced 15.0 minutes, 0.45: +2.9 minutes is over 1.0 minute.
		// ch_011: 4 x ceil(56 / 6) = 40 pulses, 4.0 minutes, no USD voice rate for Greece: unknown.
		assertThat(execution.getStatus()).isEqualTo(BatchStatus.STOPPED);
		assertThat(jdbc.sql("""
				SELECT COALESCE(phone_number_id, 'WABA ' || waba_id) || ' ' || status || ' ' || estimated_volume || ' '
				       || invoiced_volume || ' ' || volume_delta || ' ' || COALESCE(CAST(estimated_amount AS VARCHAR(40)), 'unknown')
				       || ' ' || invoiced_amount
				FROM recon_line WHERE billing_month = '2025-09' AND category = 'VOICE' ORDER BY waba_id, phone_number_id""")
			.query(String.class)
			.list()).containsExactly("106540352242922 WITHIN_TOLERANCE 192 195 3 2.2800 2.3400",
					"WABA 405566778899001 OVER_INVOICED 121 150 29 0.3600 0.4500",
					"501012345678901 UNPRICED 40 0 -40 unknown 0.0000");
		assertThat(reason("106540352242922")).isEqualTo("volume and rate differ: +0.3 minutes (19.2 estimated, 19.5 "
				+ "invoiced); amount +0.06 EUR (2.28 estimated, 2.34 invoiced); per minute 0.1200 invoiced, 0.1188 "
				+ "estimated, within tolerance (amount <= max(1.00, 0.5%), minutes <= max(1.0, 0.5%)); likely cause: "
				+ "the difference (0.3 minutes) is within the rounding of aggregates: 12 calls were estimated from "
				+ "their average duration, and each may be up to 6 seconds off");
		assertThat(jdbc.sql("SELECT reason FROM recon_line WHERE billing_month = '2025-09' AND category = 'VOICE' "
				+ "AND phone_number_id IS NULL").query(String.class).single())
			.isEqualTo("volume and rate differ: +2.9 minutes (12.1 estimated, 15.0 invoiced); amount +0.09 USD "
					+ "(0.36 estimated, 0.45 invoiced); per minute 0.0300 invoiced, 0.0298 estimated");
		assertThat(reason("501012345678901")).isEqualTo("the estimate of 4.0 of its 4.0 minutes of calls cannot be "
				+ "priced: the rate card in force has no VOICE rate for calls to GR");
		assertThat(jdbc.sql("SELECT reason FROM import_reject WHERE source_file LIKE '%voice.csv'").query(String.class)
			.single()).isEqualTo("volume '1.25' is not minutes with one decimal of 0 or more");
		// the calls' costs are in the estimates' tie-out: EUR 2.28 more than the sample's
		assertThat(StepExecutions.named(execution, "tieOutStep").getExitStatus().getExitDescription())
			.contains("invoice USD: lines ")
			.contains("not in either: 4.0 minutes of calls in 1 estimate rows without a price");

		List<String[]> rows;
		try (CSVReader csv = new CSVReader(Files.newBufferedReader(out.resolve("2025-09/reconciliation-2025-09.csv")))) {
			rows = csv.readAll();
		}
		assertThat(rows).anySatisfy(row -> assertThat(row).startsWith("2025-09", "c_001", "102290129340398",
				"106540352242922", "VOICE", "EUR", "19.2", "19.5", "0.3", "2.28", "2.34", "0.06", "2.56",
				"WITHIN_TOLERANCE"));
		assertThat(rows).anySatisfy(row -> assertThat(row).startsWith("2025-09", "c_004", "405566778899001", "",
				"VOICE", "USD", "12.1", "15.0", "2.9", "0.36", "0.45", "0.09", "20.00", "OVER_INVOICED"));
		assertThat(rows).anySatisfy(row -> assertThat(row).startsWith("2025-09", "c_005", "506677889900112",
				"501012345678901", "VOICE", "USD", "4.0", "0.0", "-4.0", "", "0.00", "", "", "UNPRICED"));

		// the dispute list, ready for Meta, in minutes
		try (InputStream in = Files.newInputStream(out.resolve("2025-09/reconciliation-2025-09.xlsx"));
				Workbook workbook = new XSSFWorkbook(in)) {
			Sheet disputes = workbook.getSheet("Discrepancies");
			Row voice = null;
			for (Row row : disputes) {
				if ("VOICE".equals(text(row.getCell(4))) && "405566778899001".equals(text(row.getCell(1)))) {
					voice = row;
				}
			}
			assertThat(voice).isNotNull();
			assertThat(voice.getCell(6).getNumericCellValue()).isEqualTo(12.1);
			assertThat(voice.getCell(7).getNumericCellValue()).isEqualTo(15.0);
			assertThat(voice.getCell(8).getNumericCellValue()).isEqualTo(2.9);
			assertThat(voice.getCell(7).getCellStyle().getDataFormatString()).isEqualTo("#,##0.0");
		}
	}

	private String reason(String phoneNumberId) {
		return jdbc.sql("SELECT reason FROM recon_line WHERE billing_month = '2025-09' AND category = 'VOICE' "
				+ "AND phone_number_id = ?").param(phoneNumberId).query(String.class).single();
	}

	private static String text(Cell cell) {
		return cell == null ? null : cell.toString();
	}

	/** A stored calls webhook of WABA 405566778899001's channel. */
	private static String calls(String phoneNumberId, String display, String call) {
		return CallsWebhooks.of("405566778899001", phoneNumberId, display, call);
	}

	/** A completed business-initiated call to a New York number, its terminate event. */
	private static String call(String id, long start, long duration) {
		return CallsWebhooks.call(id, "terminate", "BUSINESS_INITIATED", "COMPLETED", start, duration, "12125550100",
				"+12125550199");
	}

}
