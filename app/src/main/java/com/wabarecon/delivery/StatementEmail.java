package com.wabarecon.delivery;

import java.nio.file.Path;
import java.util.List;

/**
 * One client's statement email: to that client's billing addresses, with that client's files.
 */
record StatementEmail(String month, String clientId, List<String> recipients, String subject, String body,
		List<Path> attachments) {
}
