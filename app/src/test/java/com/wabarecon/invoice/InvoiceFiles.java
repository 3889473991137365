package com.wabarecon.invoice;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.time.LocalDate;
import java.util.List;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;

import org.apache.poi.poifs.crypt.EncryptionInfo;
import org.apache.poi.poifs.crypt.EncryptionMode;
import org.apache.poi.poifs.crypt.Encryptor;
import org.apache.poi.poifs.filesystem.POIFSFileSystem;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

/**
 * Writes invoice files for tests into an inbox: CSV with the canonical header, XLSX with the
 * aliased header, title rows and real date cells (as the sample's), password-protected and
 * broken workbooks. Generated per test, so no big or odd file is committed.
 */
public final class InvoiceFiles {

	public static final String HEADER = "invoice_id,invoice_date,period_start,period_end,waba_id,phone_number_id,"
			+ "display_phone_number,market,pricing_category,pricing_type,tier,volume,unit_rate,amount,currency,line_type";

	static final List<String> ALIASES = List.of("Invoice Number", "Invoice Date", "Billing Period Start",
			"Billing Period End", "WhatsApp Business Account ID", "Phone Number ID", "Phone Number", "Country",
			"Conversation Category", "Pricing Type", "Tier", "Quantity", "Rate", "Cost", "Currency", "Line Type");

	private InvoiceFiles() {
	}

	/** {@code <inbox>/<month>/invoice/<name>}, its folders created. */
	public static Path invoiceFile(Path inbox, String month, String name) throws IOException {
		Path folder = inbox.resolve(month).resolve("invoice");
		Files.createDirectories(folder);
		return folder.resolve(name);
	}

	/** A usage line of the given month, in the canonical column order. */
	public static String usage(String month, String invoiceId, String phone, String category, long volume, String amount,
			String currency) {
		LocalDate start = LocalDate.parse(month + "-01");
		return String.join(",", invoiceId, start.plusMonths(1).plusDays(2).toString(), start.toString(),
				start.plusMonths(1).minusDays(1).toString(), "102290129340398", phone, "4930123456", "DE", category,
				"REGULAR", "0:MAX", Long.toString(volume), "0.1365", amount, currency, "USAGE");
	}

	public static Path csv(Path inbox, String month, String name, String header, List<String> lines) throws IOException {
		Path file = invoiceFile(inbox, month, name);
		Files.writeString(file, header + "\n" + String.join("\n", lines) + "\n", StandardCharsets.UTF_8);
		return file;
	}

	/**
	 * An XLSX invoice like the sample's: a {@code Summary} sheet first, then {@code Invoice
	 * lines} with title rows above the aliased header; dates as date cells, figures as numbers.
	 * Each line is in the canonical column order (as {@link #usage}).
	 */
	public static Path xlsx(Path inbox, String month, String name, List<String> lines) throws IOException {
		Path file = invoiceFile(inbox, month, name);
		try (Workbook workbook = new SXSSFWorkbook(100); OutputStream out = Files.newOutputStream(file)) {
			writeLines(workbook, lines);
			workbook.write(out);
		}
		return file;
	}

	static void writeLines(Workbook workbook, Iterable<String> lines) {
		workbook.createSheet("Summary").createRow(0).createCell(0).setCellValue("Meta Platforms Ireland Limited");
		Sheet sheet = workbook.createSheet("Invoice lines");
		sheet.createRow(0).createCell(0).setCellValue("Meta Platforms Ireland Limited");
		sheet.createRow(1).createCell(0).setCellValue("WhatsApp Business Platform - invoice lines");
		Row header = sheet.createRow(3);
		for (int i = 0; i < ALIASES.size(); i++) {
			header.createCell(i).setCellValue(ALIASES.get(i));
		}
		CellStyle date = workbook.createCellStyle();
		date.setDataFormat(workbook.createDataFormat().getFormat("yyyy-mm-dd"));
		int r = 4;
		for (String line : lines) {
			Row row = sheet.createRow(r++);
			String[] values = line.split(",", -1);
			for (int i = 0; i < values.length; i++) {
				String value = values[i];
				if (value.isEmpty()) {
					continue;
				}
				if (i >= 1 && i <= 3) {
					row.createCell(i).setCellValue(LocalDate.parse(value));
					row.getCell(i).setCellStyle(date);
				}
				else if (i >= 11 && i <= 13 && value.matches("-?[0-9.]+")) {
					row.createCell(i).setCellValue(Double.parseDouble(value));
				}
				else {
					row.createCell(i).setCellValue(value);
				}
			}
		}
	}

	/** A valid workbook saved with a password (agile encryption, as Excel does). */
	public static Path passwordProtectedXlsx(Path inbox, String month, String name) throws Exception {
		ByteArrayOutputStream plain = new ByteArrayOutputStream();
		try (XSSFWorkbook workbook = new XSSFWorkbook()) {
			writeLines(workbook, List.of(usage(month, "INV-1", "106540352242922", "MARKETING", 10, "1.37", "EUR")));
			workbook.write(plain);
		}
		Path file = invoiceFile(inbox, month, name);
		try (POIFSFileSystem fs = new POIFSFileSystem()) {
			Encryptor encryptor = new EncryptionInfo(EncryptionMode.agile).getEncryptor();
			encryptor.confirmPassword("secret");
			try (OutputStream out = encryptor.getDataStream(fs)) {
				out.write(plain.toByteArray());
			}
			catch (GeneralSecurityException ex) {
				throw new IOException(ex);
			}
			try (OutputStream out = Files.newOutputStream(file)) {
				fs.writeFilesystem(out);
			}
		}
		return file;
	}

	/**
	 * A small workbook whose sheet inflates to many megabytes of blanks: far beyond the
	 * compression ratio POI accepts ({@code ZipSecureFile}'s minimum inflate ratio).
	 */
	public static Path zipBombXlsx(Path inbox, String month, String name) throws IOException {
		Path plain = Files.createTempFile("plain", ".xlsx");
		try (XSSFWorkbook workbook = new XSSFWorkbook(); OutputStream out = Files.newOutputStream(plain)) {
			writeLines(workbook, List.of(usage(month, "INV-1", "106540352242922", "MARKETING", 10, "1.37", "EUR")));
			workbook.write(out);
		}
		Path file = invoiceFile(inbox, month, name);
		try (ZipInputStream in = new ZipInputStream(Files.newInputStream(plain));
				ZipOutputStream out = new ZipOutputStream(Files.newOutputStream(file))) {
			for (ZipEntry entry = in.getNextEntry(); entry != null; entry = in.getNextEntry()) {
				byte[] data = in.readAllBytes();
				out.putNextEntry(new ZipEntry(entry.getName()));
				if (entry.getName().equals("xl/worksheets/sheet2.xml")) {
					String xml = new String(data, StandardCharsets.UTF_8);
					int end = xml.lastIndexOf("</worksheet>");
					out.write(xml.substring(0, end).getBytes(StandardCharsets.UTF_8));
					byte[] blanks = new byte[1 << 20];
					java.util.Arrays.fill(blanks, (byte) ' ');
					for (int i = 0; i < 50; i++) {
						out.write(blanks);
					}
					out.write(xml.substring(end).getBytes(StandardCharsets.UTF_8));
				}
				else {
					out.write(data);
				}
				out.closeEntry();
			}
		}
		Files.delete(plain);
		return file;
	}

}
