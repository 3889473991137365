package com.wabarecon.delivery;

import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;

import com.wabarecon.ReconProperties;
import com.wabarecon.rules.Money;
import com.wabarecon.support.MonthFolders;

import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Composes the email of one client's statement of the month: to the client's billing addresses,
 * subject and body from the templates of {@code recon.delivery} (client name and id, month, the
 * invoiced and estimated totals per currency), the client's two files attached.
 */
class StatementEmails {

	private final JdbcClient jdbc;

	private final ReconProperties.Delivery settings;

	private final Path out;

	private final String month;

	StatementEmails(JdbcClient jdbc, ReconProperties.Delivery settings, Path out, String month) {
		this.jdbc = jdbc;
		this.settings = settings;
		this.out = out;
		this.month = month;
	}

	StatementEmail compose(StatementToDeliver statement) throws StatementRefused {
		checkFiles(statement);
		String totals = totals(statement.clientId());
		return new StatementEmail(month, statement.clientId(), statement.emails(),
				fill(settings.subject(), statement, totals), fill(settings.body(), statement, totals),
				List.of(statement.pdf(), statement.xlsx()));
	}

	/** The files must exist and lie in the client's own folder: an email carries no one else's data. */
	private void checkFiles(StatementToDeliver statement) throws StatementRefused {
		Path own = MonthFolders.outputFolder(out, month).resolve(statement.clientId()).toAbsolutePath().normalize();
		for (Path file : List.of(statement.pdf(), statement.xlsx())) {
			Path absolute = file.toAbsolutePath().normalize();
			if (!absolute.startsWith(own)) {
				throw new StatementRefused("statement file " + file + " is not in the client's folder " + own);
			}
			if (!Files.isRegularFile(absolute)) {
				throw new StatementRefused("statement file " + file + " is missing");
			}
		}
	}

	private String totals(String clientId) {
		return jdbc.sql("""
				SELECT currency, SUM(invoiced_amount),
				    CASE WHEN COUNT(*) = COUNT(estimated_amount) THEN SUM(estimated_amount) END FROM recon_line
				WHERE billing_month = ? AND client_id = ? GROUP BY currency ORDER BY currency""")
			.params(month, clientId)
			.query((rs, n) -> {
				String currency = rs.getString(1);
				BigDecimal estimated = rs.getBigDecimal(3);
				// an estimate that cannot be known (not converted, not priced) is never written as 0.00
				return "Invoiced by Meta: " + Money.text(rs.getBigDecimal(2), currency) + " " + currency + " (estimated "
						+ (estimated == null ? Money.UNKNOWN + ": see the statement" : Money.text(estimated, currency) + " " + currency)
						+ ")";
			})
			.list()
			.stream()
			.collect(Collectors.joining("\n"));
	}

	private String fill(String template, StatementToDeliver statement, String totals) {
		return template.replace("{client_name}", statement.name())
			.replace("{client_id}", statement.clientId())
			.replace("{month}", month)
			.replace("{totals}", totals);
	}

}
