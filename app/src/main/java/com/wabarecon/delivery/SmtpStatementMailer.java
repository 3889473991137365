package com.wabarecon.delivery;

import com.wabarecon.ReconProperties;

import jakarta.mail.internet.MimeMessage;

import org.springframework.mail.javamail.JavaMailSender;

/**
 * Sends statements through the SMTP server Spring Mail is configured with.
 */
class SmtpStatementMailer implements StatementMailer {

	private final JavaMailSender sender;

	private final ReconProperties.Delivery settings;

	SmtpStatementMailer(JavaMailSender sender, ReconProperties.Delivery settings) {
		this.sender = sender;
		this.settings = settings;
	}

	@Override
	public Receipt send(StatementEmail email) throws Exception {
		MimeMessage message = StatementMessages.fill(sender.createMimeMessage(), email, settings);
		sender.send(message);
		return new Receipt("SENT", message.getMessageID());
	}

}
