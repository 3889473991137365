package com.wabarecon;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import com.opencsv.CSVReader;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.test.JobOperatorTestUtils;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * No client's statement, workbook or email holds another client's WABA, number or amount
 * (issue 21): each test injects one of the ways that once carried a client's data to another
 * into a copy of the sample inbox, runs the whole close (statements, and delivery to the
 * outbox), and reads back what every client received: the PDF's text, every cell of the
 * workbook, the email and its attachments. Each holds its own client's WABA ids, phone number
 * ids, display numbers and amounts only, and the same figures as the sample without the fault;
 * the faulty row is rejected naming both rows.
 * <p>
 * The injected fault is more than 5 % of the sample's small directory: the closes allow any
 * share of rejects, the test being about what the statements hold, not the guard that refuses
 * such a close (GuardedCloseTests).
 */
@CloseJobTest
class ClientSeparationTests {

	static final String MONTH = "2025-09";

	static final String CHANNELS = "directory/channels.csv";

	/**
	 * A client of the sample and what it must receive for September. The figures are the sample's
	 * (sample-invoices/README.md): invoiced amounts as Meta's invoice files give them, estimates
	 * as the usage exports give them or as volume x rate-card rate; the totals are their sums.
	 *
	 * @param pdfSummary the PDF's summary row: estimated, invoiced, difference, adjustments,
	 * credits, taxes, total invoiced, in the client's locale
	 * @param pdfCharges the PDF's adjustments, credits and taxes (or the line saying there are none),
	 * in the client's language
	 * @param pdfNotes what else the PDF says, compared without white space (a sentence may wrap)
	 * @param emailTotals the email's line of totals, in the client's language
	 * @param lines the workbook's lines ({@link ClientOutputs#lines()})
	 * @param charges the workbook's adjustments, credits and taxes ({@link ClientOutputs#charges()})
	 */
	record Client(String id, List<String> emails, List<String> wabas, List<String> phones, List<String> displays,
			String pdfSummary, List<String> pdfCharges, List<String> pdfNotes, String emailTotals, List<String> lines,
			List<String> charges) {
	}

	static final String NO_CHARGES_PDF = "No adjustments, credits or taxes on this month's invoices.";

	static final String NO_CHARGES_XLSX = "None on this month's invoices.";

	static final List<Client> CLIENTS = List.of(
			new Client("c_001",
					List.of("buchhaltung@mueller-feinkost.example", "finanzen@mueller-feinkost.example"),
					List.of("102290129340398", "102290129340399"),
					List.of("106540352242922", "106540352242923", "106540352242924"),
					List.of("4930123456", "4940987654", "4989555000"),
					// 163.80 + 44.00 + 16.50 + 327.60 + 21.80 + 275.00 + 6.84 (calls) = 855.54;
					// 880.80 invoiced (6.83 of it calls); 880.80 - 2.10 + 34.00 = 912.70
					"EUR 855,54 880,80 25,26 -2,10 0,00 34,00 912,70",
					// de-DE: German words, German numbers
					List.of("INV-2025-09-EUR-0042 102290129340398 Anpassung EUR -2,10",
							"INV-2025-09-EUR-0042 102290129340398 Steuer EUR 34,00"),
					List.of("WhatsApp-Business-Abrechnung", "ZeilenjeStatus:", "Seite1von3"),
					"Von Meta berechnet: 880,80 EUR (geschätzt 855,54 EUR)",
					List.of("102290129340398 106540352242922 MARKETING EUR 163.80 163.80",
							"102290129340398 106540352242922 SERVICE EUR 0.00 0.00",
							"102290129340398 106540352242922 UTILITY EUR 44.00 44.00",
							"102290129340398 106540352242922 VOICE EUR 6.84 6.83",
							"102290129340398 106540352242923 AUTHENTICATION EUR 16.50 16.50",
							"102290129340398 106540352242923 MARKETING EUR 327.60 327.87",
							"102290129340399 106540352242924 MARKETING EUR 21.80 21.80",
							"102290129340399 106540352242924 SERVICE EUR 0.00 0.00",
							"102290129340399 106540352242924 UTILITY EUR 275.00 300.00"),
					List.of("INV-2025-09-EUR-0042 102290129340398 Anpassung EUR -2.10",
							"INV-2025-09-EUR-0042 102290129340398 Steuer EUR 34.00")),
			new Client("c_002", List.of("accounts@bharat-retail.example"), List.of("203311456789012"),
					List.of("207651234567801", "207651234567802", "207651234567803"),
					List.of("919812345678", "919823456789", "918012345678"),
					// the messages' 28,667.73 and 28,667.88, and the calls' 153.68 on both sides
					"INR 28,821.41 28,821.56 0.15 0.00 0.00 0.00 28,821.56", List.of(NO_CHARGES_PDF),
					List.of("WhatsAppBusinessusagestatement"),
					"Invoiced by Meta: 28,821.56 INR (estimated 28,821.41 INR)",
					List.of("203311456789012 207651234567801 AUTHENTICATION INR 1380.00 1380.00",
							"203311456789012 207651234567801 AUTHENTICATION_INTERNATIONAL INR 1150.00 1150.00",
							"203311456789012 207651234567801 MARKETING INR 7767.90 7767.90",
							"203311456789012 207651234567801 UTILITY INR 7997.88 7997.96",
							"203311456789012 207651234567801 VOICE INR 153.68 153.68",
							"203311456789012 207651234567802 MARKETING INR 5178.60 5178.60",
							"203311456789012 207651234567802 UTILITY INR 5141.49 5141.54",
							"203311456789012 207651234567803 AUTHENTICATION INR 1.15 1.15",
							"203311456789012 207651234567803 MARKETING INR 47.74 47.74",
							"203311456789012 207651234567803 UTILITY INR 2.97 2.99"),
					List.of(NO_CHARGES_XLSX)),
			new Client("c_003", List.of("financeiro@loja-exemplo.example"), List.of("304455667788990"),
					List.of("308812345670001", "308812345670002"), List.of("5511987654321", "5521998765432"),
					// 1001.15 + 9.63 + 515.70 = 1526.48; 1031.40 + 515.70 = 1547.10
					"BRL 1.526,48 1.547,10 20,62 0,00 0,00 0,00 1.547,10",
					List.of("Nenhum ajuste, crédito ou imposto nas faturas deste mês."),
					List.of("ExtratodeusodoWhatsAppBusiness", "Página1de"),
					"Faturado pela Meta: 1.547,10 BRL (estimado: 1.526,48 BRL)",
					List.of("304455667788990 308812345670001 MARKETING BRL 1001.15 1031.40",
							"304455667788990 308812345670002 AUTHENTICATION BRL 9.63 0.00",
							"304455667788990 308812345670002 MARKETING BRL 515.70 515.70"),
					List.of("Nenhum nas faturas deste mês.")),
			new Client("c_004", List.of("ap@acme-logistics.example"), List.of("405566778899001"),
					List.of("409912345600001", "409912345600002"), List.of("12125550100", "12125550123"),
					// 8.00 + 15.50 + 0.00 + 11.25 + 1.37 (calls) = 36.12; 8.00 + 15.00 + 0.30 + 11.25 + 1.41
					// = 35.96; 35.96 - 25.00 = 10.96
					"USD 36.12 35.96 -0.16 0.00 -25.00 0.00 10.96",
					List.of("INV-2025-09-USD-0042 405566778899001 Credit USD -25.00"), List.of("Page1of"),
					"Invoiced by Meta: 35.96 USD (estimated 36.12 USD)",
					List.of("405566778899001 - UTILITY USD 8.00 8.00",
							"405566778899001 409912345600001 MARKETING USD 15.50 15.00",
							"405566778899001 409912345600002 AUTHENTICATION USD 0.00 0.30",
							"405566778899001 409912345600002 MARKETING USD 11.25 11.25",
							"405566778899001 409912345600002 VOICE USD 1.37 1.41"),
					List.of("INV-2025-09-USD-0042 405566778899001 Credit USD -25.00")),
			new Client("c_005", List.of("logistirio@papadopoulos-wines.example"), List.of("506677889900112"),
					List.of("501012345678901"), List.of("302101234567"),
					"USD 47,36 47,36 0,00 0,00 0,00 0,00 47,36",
					List.of("Δεν υπάρχουν προσαρμογές, πιστώσεις ή φόροι στα τιμολόγια αυτού του μήνα."),
					// invoiced in USD, stated in EUR: 47.36 x 0.9050 (fx/2025-09.csv) = 42.8608, 42.86 EUR
					List.of("ΚατάστασηχρήσηςWhatsAppBusiness", "Σελίδα1από", "είναι42,86EUR.",
							"USD:μετατροπήμε1USD=0,9050EUR,τησυμφωνημένηισοτιμίαγιατονμήναΣεπτέμβριος2025"),
					"Τιμολογήθηκε από τη Meta: 47,36 USD (εκτίμηση: 47,36 USD)",
					List.of("506677889900112 501012345678901 MARKETING USD 47.36 47.36"),
					List.of("Καμία στα τιμολόγια αυτού του μήνα.")),
			new Client("c_006", List.of("buh@romashka.example"), List.of("607788990011223"), List.of("601112345678901"),
					List.of("35722123456"),
					// the GBP estimate has no rate to EUR: it cannot be known, and so neither can the totals
					"EUR неизвестно 16,35 неизвестно 0,00 0,00 0,00 16,35",
					List.of("В счетах за этот месяц нет поправок, кредит-нот и налогов."),
					// the reason in Russian, with no file or setting named
					List.of("ОтчётобиспользованииWhatsAppBusiness", "Страница1из",
							"согласованногокурсаGBP→EURзасентябрь2025нет"),
					"По счетам Meta: 16,35 EUR (оценка: неизвестна, см. отчёт)",
					List.of("607788990011223 601112345678901 MARKETING EUR - 16.35"),
					List.of("В счетах за этот месяц нет.")));

	/** The invoice's line of a channel no client has: its WABA, phone number id and display number. */
	static final List<String> NOBODYS = List.of("999000111222333", "999000111222444", "4915112345678");

	@Autowired
	JobOperatorTestUtils jobOperatorTestUtils;

	@Autowired
	JdbcClient jdbc;

	@TempDir
	Path dir;

	Path out;

	@BeforeEach
	void outputFolder() {
		out = dir.resolve("out");
	}

	@Test
	void aChannelGivenAnotherClientsDisplayNumberIsRejected() throws Exception {
		// given: a channel of c_006 with ch_003's display number, by which Meta's envelope names ch_003 (c_001)
		TestInbox inbox = TestInbox.copyOfSample(dir.resolve("inbox"));
		inbox.append(CHANNELS, "ch_013,c_006,607788990011224,601112345678902,4989555000,Asia/Nicosia,EUR,PARTNER");

		// when
		JobExecution close = CloseJobRuns.runAllowingRejects(jobOperatorTestUtils, inbox.root(), out, MONTH, Stage.DELIVERY);

		// then
		assertThat(close.getStatus()).isEqualTo(BatchStatus.COMPLETED);
		assertThat(rejects()).contains(CHANNELS + " line 14: display_phone_number 4989555000 belongs to channel ch_003 "
				+ "(directory/channels.csv line 4); this row gives it to ch_013");
		everyClientHoldsOnlyItsOwn("607788990011224", "601112345678902");
	}

	@Test
	void aChannelOnAnotherClientsWabaIsRejected() throws Exception {
		// given: a channel of c_002 on c_001's WABA, which carries an adjustment and a tax
		TestInbox inbox = TestInbox.copyOfSample(dir.resolve("inbox"));
		inbox.append(CHANNELS, "ch_013,c_002,102290129340398,106540352242925,4930123457,Europe/Berlin,EUR,PARTNER");

		// when
		JobExecution close = CloseJobRuns.runAllowingRejects(jobOperatorTestUtils, inbox.root(), out, MONTH, Stage.DELIVERY);

		// then
		assertThat(close.getStatus()).isEqualTo(BatchStatus.COMPLETED);
		assertThat(rejects()).contains(CHANNELS + " line 14: WABA 102290129340398 belongs to client c_001 "
				+ "(directory/channels.csv line 2); this row gives it to c_002");
		everyClientHoldsOnlyItsOwn("106540352242925", "4930123457");
	}

	@Test
	void aWabaWithChannelsInTwoCurrenciesIsRejected() throws Exception {
		// given: a channel on c_004's USD WABA, invoiced as a whole for UTILITY, said to be in EUR, with EUR estimates
		TestInbox inbox = TestInbox.copyOfSample(dir.resolve("inbox"));
		inbox.append(CHANNELS, "ch_013,c_004,405566778899001,409912345600003,12125550199,America/New_York,EUR,PARTNER");
		inbox.write(MONTH + "/usage/ch_013-2025-09.json", """
				{"channel_id": "ch_013", "currency": "EUR", "granularity": "MONTHLY", "usage": [
				 {"start": 1756699200, "end": 1759291200, "country": "US", "pricing_category": "UTILITY", "pricing_type": "REGULAR", "tier": "0:1000000", "volume": 500, "cost": 3.50}
				]}
				""");

		// when
		JobExecution close = CloseJobRuns.runAllowingRejects(jobOperatorTestUtils, inbox.root(), out, MONTH, Stage.DELIVERY);

		// then: the row is rejected, and so is the estimate of the channel it would have made
		assertThat(close.getStatus()).isEqualTo(BatchStatus.COMPLETED);
		assertThat(rejects()).contains(CHANNELS + " line 14: WABA 405566778899001 is invoiced in USD "
				+ "(directory/channels.csv line 10); this row gives EUR",
				MONTH + "/usage/ch_013-2025-09.json line 2: channel_id 'ch_013' is not in the directory");
		everyClientHoldsOnlyItsOwn("409912345600003", "12125550199");
	}

	@Test
	void anInvoiceLineNamingAnotherClientsChannelUnderItsWabaBelongsToNoClient() throws Exception {
		// given: a usage line on c_001's WABA naming c_002's phone number id
		TestInbox inbox = TestInbox.copyOfSample(dir.resolve("inbox"));
		inbox.append(MONTH + "/invoice/meta-invoice-2025-09-EUR.csv", "INV-2025-09-EUR-0042,2025-10-03,2025-09-01,"
				+ "2025-09-30,102290129340398,207651234567801,919812345678,IN,MARKETING,REGULAR,0:MAX,10,0.1365,1.37,EUR,USAGE");

		// when
		JobExecution close = CloseJobRuns.runAllowingRejects(jobOperatorTestUtils, inbox.root(), out, MONTH, Stage.DELIVERY);

		// then: the line is reconciled for no client; c_002's statement is as without it
		assertThat(close.getStatus()).isEqualTo(BatchStatus.COMPLETED);
		assertThat(reconciliationRows()).anySatisfy(line -> assertThat(line).containsExactly("2025-09", "",
				"102290129340398", "207651234567801", "MARKETING", "EUR", "0", "10", "10", "0.00", "1.37", "1.37",
				"100.00", "UNKNOWN_CHANNEL",
				"phone number id 207651234567801 is on WABA 203311456789012 in the directory, not on WABA 102290129340398"));
		everyClientHoldsOnlyItsOwn();
	}

	/**
	 * Every client received its statement and email, each holding its own ids and figures only
	 * (the sample's, as without the fault), none of another client's or of the rows rejected;
	 * the partner's reconciliation gives every line to the client owning its WABA and number.
	 */
	private void everyClientHoldsOnlyItsOwn(String... injected) throws Exception {
		assertThat(jdbc.sql("SELECT client_id FROM statement_file WHERE billing_month = ? ORDER BY client_id")
			.param(MONTH)
			.query(String.class)
			.list()).containsExactly("c_001", "c_002", "c_003", "c_004", "c_005", "c_006");
		try (Stream<Path> outbox = Files.list(out.resolve(MONTH).resolve("outbox"))) {
			assertThat(outbox.map(file -> file.getFileName().toString())).containsExactlyInAnyOrder("c_001.eml",
					"c_002.eml", "c_003.eml", "c_004.eml", "c_005.eml", "c_006.eml");
		}
		for (Client client : CLIENTS) {
			String[] foreign = foreign(client, injected);
			ClientOutputs outputs = ClientOutputs.of(out, MONTH, client.id());
			String pdf = outputs.pdfTextJoined();
			assertThat(pdf).as("%s's PDF", client.id())
				.contains(client.wabas())
				.contains(client.displays().stream().map(display -> "+" + display).toList())
				.doesNotContain(foreign);
			assertThat(outputs.pdfText()).as("%s's PDF", client.id())
				.contains(client.pdfSummary())
				.contains(client.pdfCharges());
			assertThat(pdf).as("%s's PDF", client.id()).contains(client.pdfNotes()).doesNotContain("fx/", ".csv");
			String cells = String.join("\n", outputs.cells());
			assertThat(cells).as("%s's workbook", client.id())
				.contains(client.wabas())
				.contains(client.phones())
				.contains(client.displays())
				.doesNotContain(foreign);
			assertThat(outputs.lines()).as("%s's workbook lines", client.id())
				.containsExactlyInAnyOrderElementsOf(client.lines());
			assertThat(outputs.charges()).as("%s's workbook charges", client.id())
				.containsExactlyElementsOf(client.charges());
			assertThat(outputs.recipients()).as("%s's email", client.id()).containsExactlyElementsOf(client.emails());
			assertThat(outputs.body()).as("%s's email", client.id())
				.contains(client.emailTotals())
				.doesNotContain(foreign);
			String pdfName = "statement-" + client.id() + "-" + MONTH + ".pdf";
			String xlsxName = "statement-" + client.id() + "-" + MONTH + ".xlsx";
			Path folder = out.resolve(MONTH).resolve(client.id());
			assertThat(outputs.attachments()).as("%s's email", client.id()).containsOnlyKeys(pdfName, xlsxName);
			assertThat(outputs.attachments().get(pdfName)).isEqualTo(Files.readAllBytes(folder.resolve(pdfName)));
			assertThat(outputs.attachments().get(xlsxName)).isEqualTo(Files.readAllBytes(folder.resolve(xlsxName)));
		}
		for (String[] line : reconciliationRows()) {
			String clientId = line[1];
			if (clientId.isEmpty()) {
				continue;
			}
			Client owner = CLIENTS.stream().filter(client -> client.id().equals(clientId)).findFirst().orElseThrow();
			assertThat(owner.wabas()).as("the WABA of %s's line %s", clientId, String.join(",", line)).contains(line[2]);
			if (!line[3].isEmpty()) {
				assertThat(owner.phones()).as("the phone number of %s's line", clientId).contains(line[3]);
			}
		}
	}

	/** The other clients' ids, the unknown channel's and those of the rows the test injected. */
	private static String[] foreign(Client client, String... injected) {
		List<String> foreign = new ArrayList<>(NOBODYS);
		foreign.addAll(List.of(injected));
		for (Client other : CLIENTS) {
			if (!other.id().equals(client.id())) {
				foreign.addAll(other.wabas());
				foreign.addAll(other.phones());
				foreign.addAll(other.displays());
			}
		}
		return foreign.toArray(String[]::new);
	}

	/** "file line N: reason" of each of the month's rejects. */
	private List<String> rejects() throws Exception {
		return MonthlyCloseJobFunctionalTests.rejects(out, MONTH)
			.stream()
			.map(row -> row[0] + " line " + row[1] + ": " + row[4])
			.toList();
	}

	private List<String[]> reconciliationRows() throws Exception {
		try (CSVReader reader = new CSVReader(
				Files.newBufferedReader(out.resolve(MONTH).resolve("reconciliation-" + MONTH + ".csv")))) {
			List<String[]> rows = reader.readAll();
			return rows.subList(1, rows.size());
		}
	}

}
