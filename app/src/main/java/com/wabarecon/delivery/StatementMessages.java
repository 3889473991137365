package com.wabarecon.delivery;

import java.nio.file.Path;

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

	private StatementMessages() {
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
			helper.addAttachment(file.getFileName().toString(), new FileSystemResource(file));
		}
		message.saveChanges();
		return message;
	}

}
