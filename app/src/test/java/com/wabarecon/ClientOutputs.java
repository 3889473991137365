package com.wabarecon;

import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;

import jakarta.mail.Address;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Multipart;
import jakarta.mail.Part;
import jakarta.mail.Session;
import jakarta.mail.internet.MimeMessage;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

/**
 * What one client received from a close, read back as its readers would: the statement PDF's
 * text, every cell of the statement workbook, and the email in the outbox with its attachments.
 *
 * @param pdfText the PDF's text
 * @param cells every cell of every sheet of the workbook, as shown
 * @param lines the workbook's lines: "waba phone category currency estimated invoiced" ({@code -}
 * for no phone number or no estimated amount)
 * @param charges the workbook's adjustments, credits and taxes: "invoice WABA type currency amount"
 * @param recipients the email's To addresses
 * @param body the email's text
 * @param attachments the email's attachments by file name
 */
public record ClientOutputs(String pdfText, List<String> cells, List<String> lines, List<String> charges,
		List<String> recipients, String body, Map<String, byte[]> attachments) {

	public static ClientOutputs of(Path out, String month, String client) throws Exception {
		Path folder = out.resolve(month).resolve(client);
		String pdfText;
		try (PDDocument pdf = Loader.loadPDF(folder.resolve("statement-" + client + "-" + month + ".pdf").toFile())) {
			pdfText = new PDFTextStripper().getText(pdf);
		}
		List<String> cells = new ArrayList<>();
		List<String> lines = new ArrayList<>();
		List<String> charges = new ArrayList<>();
		try (InputStream in = Files.newInputStream(folder.resolve("statement-" + client + "-" + month + ".xlsx"));
				XSSFWorkbook workbook = new XSSFWorkbook(in)) {
			for (Sheet sheet : workbook) {
				for (Row row : sheet) {
					for (Cell cell : row) {
						cells.add(text(cell));
					}
				}
			}
			lines(workbook.getSheet("Lines"), client, lines);
			charges(workbook.getSheet("Summary"), charges);
		}
		MimeMessage email;
		try (InputStream in = Files.newInputStream(out.resolve(month).resolve("outbox").resolve(client + ".eml"))) {
			email = new MimeMessage(Session.getInstance(new Properties()), in);
		}
		List<String> recipients = new ArrayList<>();
		for (Address address : email.getRecipients(Message.RecipientType.TO)) {
			recipients.add(address.toString());
		}
		StringBuilder body = new StringBuilder();
		Map<String, byte[]> attachments = new HashMap<>();
		parts(email, body, attachments);
		return new ClientOutputs(pdfText, cells, lines, charges, recipients, body.toString(), attachments);
	}

	/** The PDF's text without white space: an id broken over two lines of a cell is whole again. */
	public String pdfTextJoined() {
		return pdfText.replaceAll("\\s+", "");
	}

	private static void lines(Sheet sheet, String client, List<String> lines) {
		Map<String, Integer> columns = new HashMap<>();
		for (Cell cell : sheet.getRow(0)) {
			columns.put(text(cell), cell.getColumnIndex());
		}
		for (Row row : sheet) {
			if (row.getRowNum() == 0 || !client.equals(text(row.getCell(columns.get("client_id"))))) {
				continue;
			}
			String phone = text(row.getCell(columns.get("phone_number_id")));
			lines.add(String.join(" ", text(row.getCell(columns.get("waba_id"))), phone.isEmpty() ? "-" : phone,
					text(row.getCell(columns.get("category"))), text(row.getCell(columns.get("currency"))),
					amount(row.getCell(columns.get("estimated_amount"))),
					amount(row.getCell(columns.get("invoiced_amount")))));
		}
	}

	/**
	 * The rows under the header "Invoice, WABA, Type, Currency, Amount" (in the client's language,
	 * WABA in every one), up to the first empty row.
	 */
	private static void charges(Sheet sheet, List<String> charges) {
		int header = -1;
		for (Row row : sheet) {
			String first = text(row.getCell(0));
			if (header >= 0) {
				if (row.getRowNum() != header + 1 + charges.size() || first.isEmpty()) {
					return;
				}
				charges.add(row.getLastCellNum() < 5 ? first
						: String.join(" ", first, text(row.getCell(1)), text(row.getCell(2)), text(row.getCell(3)),
								amount(row.getCell(4))));
			}
			else if (text(row.getCell(1)).equals("WABA") && row.getLastCellNum() == 5) {
				header = row.getRowNum();
			}
		}
	}

	private static void parts(Part part, StringBuilder body, Map<String, byte[]> attachments)
			throws MessagingException, IOException {
		if (part.getFileName() != null) {
			try (InputStream in = part.getInputStream()) {
				attachments.put(part.getFileName(), in.readAllBytes());
			}
		}
		else if (part.isMimeType("text/*")) {
			body.append(part.getContent());
		}
		else if (part.getContent() instanceof Multipart multipart) {
			for (int i = 0; i < multipart.getCount(); i++) {
				parts(multipart.getBodyPart(i), body, attachments);
			}
		}
	}

	private static String amount(Cell cell) {
		if (cell == null || cell.getCellType() != CellType.NUMERIC) {
			return "-";
		}
		return BigDecimal.valueOf(cell.getNumericCellValue()).setScale(2, RoundingMode.HALF_EVEN).toPlainString();
	}

	private static String text(Cell cell) {
		return cell == null ? "" : new DataFormatter(Locale.ROOT).formatCellValue(cell);
	}

}
