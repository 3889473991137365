package com.wabarecon.delivery;

import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;

import com.wabarecon.CloseJobParameters;
import com.wabarecon.ReconProperties;
import com.wabarecon.rules.Money;
import com.wabarecon.support.MonthFolders;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.batch.core.ExitStatus;
import org.springframework.batch.core.job.parameters.JobParameters;
import org.springframework.batch.core.scope.context.ChunkContext;
import org.springframework.batch.core.step.StepContribution;
import org.springframework.batch.core.step.tasklet.Tasklet;
import org.springframework.batch.infrastructure.repeat.RepeatStatus;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Emails each client of the month its statement (the PDF and the workbook the statements step
 * rendered), to its billing addresses and nobody else. A client already reached is skipped
 * unless the run resends; a dry run sends nothing. A failed send is tried again with a growing
 * wait; a client still not reached is recorded and reported while the others' emails go out,
 * and the step then fails naming the clients not reached (a restart tries only those).
 */
class DeliveryTasklet implements Tasklet {

	private static final Logger log = LoggerFactory.getLogger(DeliveryTasklet.class);

	/** A client's statement files and addresses, as the statements step and the directory left them. */
	record Recipient(String clientId, String name, List<String> emails, Path pdf, Path xlsx) {
	}

	private final JdbcClient jdbc;

	private final DeliveryLog deliveries;

	private final StatementMailer mailer;

	private final ReconProperties.Delivery settings;

	DeliveryTasklet(JdbcClient jdbc, DeliveryLog deliveries, StatementMailer mailer, ReconProperties.Delivery settings) {
		this.jdbc = jdbc;
		this.deliveries = deliveries;
		this.mailer = mailer;
		this.settings = settings;
	}

	@Override
	public RepeatStatus execute(StepContribution contribution, ChunkContext chunkContext) throws Exception {
		JobParameters parameters = contribution.getStepExecution().getJobParameters();
		String month = parameters.getString(CloseJobParameters.MONTH);
		String client = parameters.getString(CloseJobParameters.CLIENT);
		Path out = Path.of(parameters.getString(CloseJobParameters.OUT));
		boolean dryRun = Boolean.parseBoolean(parameters.getString(CloseJobParameters.DRY_RUN, "false"));
		boolean resend = Boolean.parseBoolean(parameters.getString(CloseJobParameters.RESEND, "false"));
		long executionId = contribution.getStepExecution().getJobExecutionId();

		List<Recipient> recipients = recipients(month, client);
		if (dryRun) {
			contribution.setExitStatus(ExitStatus.COMPLETED
				.addExitDescription("dry run: " + recipients.size() + " statements rendered, no email sent"));
			return RepeatStatus.FINISHED;
		}
		int sent = 0;
		int skipped = 0;
		java.util.Map<String, Integer> byStatus = new java.util.TreeMap<>();
		List<String> notReached = new ArrayList<>();
		for (Recipient recipient : recipients) {
			if (!resend && deliveries.delivered(month, recipient.clientId())) {
				skipped++;
				continue;
			}
			String problem = checkFiles(recipient, out, month);
			if (problem != null) {
				deliveries.record(month, recipient.clientId(), "FAILED", recipient.emails(), 0, problem, executionId);
				notReached.add(recipient.clientId() + " (" + problem + ")");
				continue;
			}
			StatementEmail email = email(month, recipient);
			String failure = null;
			int attempt = 0;
			while (attempt < settings.attempts()) {
				attempt++;
				try {
					StatementMailer.Receipt receipt = mailer.send(email);
					deliveries.record(month, recipient.clientId(), receipt.status(), recipient.emails(), attempt,
							receipt.detail(), executionId);
					failure = null;
					sent++;
					byStatus.merge(receipt.status(), 1, Integer::sum);
					break;
				}
				catch (Exception ex) {
					failure = innermost(ex);
					log.warn("Statement of {} for {}: attempt {} of {} failed: {}", recipient.clientId(), month, attempt,
							settings.attempts(), failure);
					if (attempt < settings.attempts()) {
						Thread.sleep(settings.backoff().toMillis() << (attempt - 1));
					}
				}
			}
			if (failure != null) {
				deliveries.record(month, recipient.clientId(), "FAILED", recipient.emails(), attempt, failure, executionId);
				notReached.add(recipient.clientId() + " (" + failure + ")");
			}
		}
		contribution.incrementWriteCount(sent);
		contribution.incrementFilterCount(skipped);
		if (!notReached.isEmpty()) {
			throw new IllegalStateException("statements of " + month + " not delivered to " + notReached.size()
					+ " client(s): " + String.join("; ", notReached) + " (" + sent + " delivered)");
		}
		String how = byStatus.entrySet()
			.stream()
			.map(entry -> entry.getValue() + ("WRITTEN".equals(entry.getKey()) ? " written to the outbox (no SMTP host set)"
					: " sent by SMTP"))
			.collect(Collectors.joining(", "));
		contribution.setExitStatus(ExitStatus.COMPLETED.addExitDescription(sent + " statements delivered"
				+ (how.isEmpty() ? "" : ": " + how) + (skipped == 0 ? "" : "; " + skipped + " already delivered before")));
		return RepeatStatus.FINISHED;
	}

	private List<Recipient> recipients(String month, String client) {
		return jdbc.sql("""
				SELECT f.client_id, c.name, c.billing_emails, f.pdf_path, f.xlsx_path
				FROM statement_file f JOIN client c ON c.client_id = f.client_id
				WHERE f.billing_month = :month AND (CAST(:client AS VARCHAR(64)) IS NULL OR f.client_id = :client)
				ORDER BY f.client_id""")
			.param("month", month)
			.param("client", client)
			.query((rs, n) -> new Recipient(rs.getString(1), rs.getString(2),
					Arrays.stream(rs.getString(3).split(";")).map(String::strip).filter(e -> !e.isEmpty()).toList(),
					Path.of(rs.getString(4)), Path.of(rs.getString(5))))
			.list();
	}

	/** The files must exist and lie in the client's own folder: an email carries no one else's data. */
	private static String checkFiles(Recipient recipient, Path out, String month) {
		Path own = MonthFolders.outputFolder(out, month).resolve(recipient.clientId()).toAbsolutePath().normalize();
		for (Path file : List.of(recipient.pdf(), recipient.xlsx())) {
			Path absolute = file.toAbsolutePath().normalize();
			if (!absolute.startsWith(own)) {
				return "statement file " + file + " is not in the client's folder " + own;
			}
			if (!Files.isRegularFile(absolute)) {
				return "statement file " + file + " is missing";
			}
		}
		return null;
	}

	private StatementEmail email(String month, Recipient recipient) {
		String totals = jdbc.sql("""
				SELECT currency, SUM(invoiced_amount),
				    CASE WHEN COUNT(*) = COUNT(estimated_amount) THEN SUM(estimated_amount) END FROM recon_line
				WHERE billing_month = ? AND client_id = ? GROUP BY currency ORDER BY currency""")
			.params(month, recipient.clientId())
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
		return new StatementEmail(month, recipient.clientId(), recipient.emails(),
				fill(settings.subject(), recipient, month, totals), fill(settings.body(), recipient, month, totals),
				List.of(recipient.pdf(), recipient.xlsx()));
	}

	private static String fill(String template, Recipient recipient, String month, String totals) {
		return template.replace("{client_name}", recipient.name())
			.replace("{client_id}", recipient.clientId())
			.replace("{month}", month)
			.replace("{totals}", totals);
	}

	private static String innermost(Throwable failure) {
		Throwable cause = failure;
		while (cause.getCause() != null && cause.getCause() != cause) {
			cause = cause.getCause();
		}
		return String.valueOf(cause.getMessage()).lines().findFirst().orElse(cause.getClass().getSimpleName());
	}

}
