package com.wabarecon.delivery;

import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.YearMonth;
import java.util.List;
import java.util.stream.Collectors;

import com.wabarecon.ReconProperties;
import com.wabarecon.rules.Money;
import com.wabarecon.support.MonthFolders;
import com.wabarecon.support.wording.Wording;

import org.springframework.context.MessageSource;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Composes the email of one client's statement of the month: to the client's billing addresses,
 * subject and body in the client's language (the bundles' {@code email.*}), or from the
 * templates of {@code recon.delivery} where the partner set them (client name and id, month, the
 * invoiced and estimated totals per currency), the client's two files attached.
 */
class StatementEmails {

	private final JdbcClient jdbc;

	private final ReconProperties.Delivery settings;

	private final Path out;

	private final String month;

	private final MessageSource messages;

	StatementEmails(JdbcClient jdbc, ReconProperties.Delivery settings, Path out, String month,
			MessageSource messages) {
		this.jdbc = jdbc;
		this.settings = settings;
		this.out = out;
		this.month = month;
		this.messages = messages;
	}

	StatementEmail compose(StatementToDeliver statement) throws StatementRefused {
		checkFiles(statement);
		Wording wording = Wording.of(messages, statement.locale());
		String monthName = wording.month(YearMonth.parse(month));
		String warnings = fundsWarnings(statement.clientId(), wording);
		String totals = totals(statement.clientId(), wording) + (warnings.isEmpty() ? "" : "\n\n" + warnings);
		String subject = settings.subject().isBlank() ? wording.text("email.subject", statement.name(), monthName)
				: fill(settings.subject(), statement, monthName, totals);
		String body = settings.body().isBlank() ? wording.text("email.body", statement.name(), monthName, totals)
				: fill(settings.body(), statement, monthName, totals);
		return new StatementEmail(month, statement.clientId(), statement.emails(), subject, body,
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

	private String totals(String clientId, Wording wording) {
		return jdbc.sql("""
				SELECT currency, SUM(invoiced_amount),
				    CASE WHEN COUNT(*) = COUNT(estimated_amount) THEN SUM(estimated_amount) END FROM recon_line
				WHERE billing_month = ? AND client_id = ? GROUP BY currency ORDER BY currency""")
			.params(month, clientId)
			.query((rs, n) -> {
				String currency = rs.getString(1);
				BigDecimal estimated = rs.getBigDecimal(3);
				// an estimate that cannot be known (not converted, not priced) is never written as 0.00
				return wording.text("email.total", amount(wording, rs.getBigDecimal(2), currency), currency,
						estimated == null ? wording.text("email.estimated.unknown")
								: wording.text("email.estimated", amount(wording, estimated, currency), currency));
			})
			.list()
			.stream()
			.collect(Collectors.joining("\n"));
	}

	/**
	 * A sentence for each of the client's phone numbers on Direct Payment whose funds run out
	 * within a week with no renewal ({@code balancesStep}): paid messages stop there.
	 */
	private String fundsWarnings(String clientId, Wording wording) {
		return jdbc.sql("""
				SELECT COALESCE(c.display_phone_number, c.phone_number_id), b.closing, b.currency, b.days_left, b.empty_date
				FROM balance_month b JOIN channel c ON c.channel_id = b.channel_id
				WHERE b.billing_month = ? AND b.client_id = ? AND b.runs_out_soon ORDER BY b.days_left, b.channel_id""")
			.params(month, clientId)
			.query((rs, n) -> {
				String number = "+" + rs.getString(1);
				String currency = rs.getString(3).strip();
				BigDecimal closing = rs.getBigDecimal(2);
				BigDecimal days = rs.getBigDecimal(4);
				if (closing.signum() <= 0) {
					return wording.text("email.fundsOut", number, amount(wording, closing, currency), currency);
				}
				return wording.text("email.fundsLow", number, amount(wording, closing, currency), currency,
						wording.number(days, false), wording.date(rs.getObject(5, java.time.LocalDate.class)));
			})
			.list()
			.stream()
			.collect(Collectors.joining("\n"));
	}

	private static String amount(Wording wording, BigDecimal amount, String currency) {
		return wording.number(Money.round(amount, currency), false);
	}

	private static String fill(String template, StatementToDeliver statement, String month, String totals) {
		return template.replace("{client_name}", statement.name())
			.replace("{client_id}", statement.clientId())
			.replace("{month}", month)
			.replace("{totals}", totals);
	}

}
