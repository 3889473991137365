package com.wabarecon.delivery;

import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;

import com.wabarecon.ReconProperties;

import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;

import org.springframework.core.io.FileSystemResource;
import org.springframework.mail.javamail.MimeMessageHelper;

/**
 * Fills a MIME message from a statement email: From and Reply-To from configuration, the
 * client's addresses, its subject and body, its two files attached. The one place both
 * mailers build their message.
 */
final class StatementMessages {

	/** The statement files' types; JavaMail's own table knows no workbook and sends it as octet-stream. */
	private static final Map<String, String> CONTENT_TYPES = Map.of(".pdf", "application/pdf", ".xlsx",
			"application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");

	private StatementMessages() {
	}

	static String contentType(String fileName) {
		String lower = fileName.toLowerCase(Locale.ROOT);
		return CONTENT_TYPES.entrySet()
			.stream()
			.filter(type -> lower.endsWith(type.getKey()))
			.map(Map.Entry::getValue)
			.findFirst()
			.orElse("application/octet-stream");
	}

	static MimeMessage fill(MimeMessage message, StatementEmail email, ReconProperties.Delivery settings)
			throws MessagingException {
		MimeMessageHelper helper = new MimeMessageHelper(message, true, "UTF-8");
		helper.setFrom(settings.from());
		if (!settings.replyTo().isBlank()) {
			helper.setReplyTo(settings.replyTo());
		}
		helper.setTo(email.recipients().toArray(String[]::new));
		helper.setSubject(email.subject());
		helper.setText(email.body(), false);
		for (Path file : email.attachments()) {
			String name = file.getFileName().toString();
			helper.addAttachment(name, new FileSystemResource(file), contentType(name));
		}
		message.saveChanges();
		return message;
	}

}
