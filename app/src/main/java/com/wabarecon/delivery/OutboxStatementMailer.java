package com.wabarecon.delivery;

import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Properties;

import com.wabarecon.ReconProperties;
import com.wabarecon.support.MonthFolders;

import jakarta.mail.Session;
import jakarta.mail.internet.MimeMessage;

/**
 * Without an SMTP server, writes each statement email as {@code <out>/<month>/outbox/<client>.eml},
 * the embedded default a new user can open in any mail program.
 */
class OutboxStatementMailer implements StatementMailer {

	private final Path out;

	private final ReconProperties.Delivery settings;

	OutboxStatementMailer(Path out, ReconProperties.Delivery settings) {
		this.out = out;
		this.settings = settings;
	}

	@Override
	public Receipt send(StatementEmail email) throws Exception {
		Path outbox = MonthFolders.outputFolder(out, email.month()).resolve("outbox");
		Files.createDirectories(outbox);
		Path file = outbox.resolve(email.clientId() + ".eml");
		Path partial = outbox.resolve(email.clientId() + ".eml.partial");
		MimeMessage message = StatementMessages.fill(new MimeMessage(Session.getInstance(new Properties())), email,
				settings);
		try (OutputStream stream = Files.newOutputStream(partial)) {
			message.writeTo(stream);
		}
		Files.move(partial, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
		return new Receipt("WRITTEN", file.toString());
	}

}
