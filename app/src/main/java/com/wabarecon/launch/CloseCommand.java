package com.wabarecon.launch;

import java.io.PrintWriter;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.YearMonth;
import java.util.concurrent.Callable;

import com.wabarecon.Stage;

import org.springframework.context.ConfigurableApplicationContext;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * {@code recon close --month YYYY-MM [...]}: runs the monthly close. Every option becomes a
 * parameter of the run; month and client identify it.
 */
@Command(name = "close", mixinStandardHelpOptions = true, sortOptions = false,
		description = "Close a billing month: import, reconcile, render statements, deliver.")
class CloseCommand implements Callable<Integer> {

	@Spec
	CommandSpec spec;

	@Option(names = "--month", required = true, paramLabel = "YYYY-MM", converter = MonthConverter.class,
			description = "The billing month to close, for example 2025-09.")
	YearMonth month;

	@Option(names = "--client", paramLabel = "ID", description = "Close for this client only.")
	String client;

	@Option(names = "--inbox", paramLabel = "DIR",
			description = "Root folder of the inputs (default: recon.inbox in application.yml, sample-invoices).")
	Path inbox;

	@Option(names = "--out", paramLabel = "DIR", description = "Output folder (default: recon.out, out).")
	Path out;

	@Option(names = "--dry-run", description = "Render everything, email nothing.")
	boolean dryRun;

	@Option(names = "--until", paramLabel = "STAGE", converter = StageConverter.class,
			description = "Stop after this stage: import, reconcile, statements or delivery (default).")
	Stage until;

	@Option(names = "--rerun", description = "Close again a month that a completed run already closed.")
	boolean rerun;

	@Option(names = "--resend", description = "Email statements again to clients already reached.")
	boolean resend;

	@Mixin
	DatabaseOption database;

	@Mixin
	DistributionOption distribution;

	@Option(names = "--amount-tolerance-pct", paramLabel = "P",
			description = "Tolerated amount difference, in %% of the invoiced amount.")
	BigDecimal amountTolerancePct;

	@Option(names = "--amount-tolerance-abs", paramLabel = "A",
			description = "Tolerated amount difference, in the invoice's currency.")
	BigDecimal amountToleranceAbs;

	@Option(names = "--volume-tolerance-pct", paramLabel = "P",
			description = "Tolerated volume difference, in %% of the invoiced volume.")
	BigDecimal volumeTolerancePct;

	@Option(names = "--volume-tolerance-abs", paramLabel = "N", description = "Tolerated volume difference, in messages (in minutes on voice lines).")
	Long volumeToleranceAbs;

	@Option(names = "--max-reject-pct", paramLabel = "P", description = "Refuse the close, before its reconciliation, "
			+ "when an input kind (directory, usage exports, webhooks, invoice) rejected more than P %% of its rows.")
	BigDecimal maxRejectPct;

	@Override
	public Integer call() {
		validate();
		PrintWriter out = spec.commandLine().getOut();
		PrintWriter err = spec.commandLine().getErr();
		CloseRequest request = new CloseRequest(month, client, rerun, inbox, this.out, dryRun, resend, until, database.dbUrl,
				amountTolerancePct, amountToleranceAbs, volumeTolerancePct, volumeToleranceAbs, maxRejectPct);
		try (ConfigurableApplicationContext context = SpringRuntime.start(database.dbUrl, database.config, false,
				distribution.settings())) {
			CloseOutcome outcome = context.getBean(CloseLauncher.class).launch(request);
			if (outcome.execution() != null && outcome.kind() != CloseOutcome.Kind.NOTHING_TO_RUN) {
				out.print(RunSummary.format(outcome.execution()));
				out.print(RunSummary.files(context, outcome.execution()));
				out.print(RunSummary.attention(context, outcome.execution()));
			}
			if (outcome.kind().exitCode == 0) {
				out.println(outcome.message());
			}
			else {
				err.println("close " + request.describe() + ": " + outcome.message()
						+ (outcome.kind() == CloseOutcome.Kind.FAILED ? " (details in " + LogFile.path() + ")" : ""));
			}
			return outcome.kind().exitCode;
		}
	}

	private void validate() {
		checkNotNegative("--amount-tolerance-pct", amountTolerancePct);
		checkNotNegative("--amount-tolerance-abs", amountToleranceAbs);
		checkNotNegative("--volume-tolerance-pct", volumeTolerancePct);
		checkNotNegative("--max-reject-pct", maxRejectPct);
		if (volumeToleranceAbs != null && volumeToleranceAbs < 0) {
			throw new ParameterException(spec.commandLine(), "--volume-tolerance-abs must not be negative");
		}
		ClientIds.check(spec, client);
	}

	private void checkNotNegative(String option, BigDecimal value) {
		if (value != null && value.signum() < 0) {
			throw new ParameterException(spec.commandLine(), option + " must not be negative");
		}
	}

}
