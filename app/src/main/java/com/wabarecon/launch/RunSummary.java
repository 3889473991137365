package com.wabarecon.launch;

import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import com.wabarecon.CloseJobParameters;
import com.wabarecon.balance.BalanceMonth;
import com.wabarecon.balance.BalanceMonths;
import com.wabarecon.importing.RejectsReportTasklet;
import com.wabarecon.importing.SkipReasons;
import com.wabarecon.reconciliation.MonthLines;
import com.wabarecon.rules.LineStatus;
import com.wabarecon.support.MonthFolders;
import com.wabarecon.support.PartitionNames;
import com.wabarecon.support.RunSteps;
import com.wabarecon.support.accounting.FileCounts;
import com.wabarecon.support.accounting.InputFileRepository;
import com.wabarecon.support.reject.RejectRepository;

import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.job.parameters.JobParameters;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.core.step.StepExecution;
import org.springframework.context.ApplicationContext;

/**
 * The text a person reads after a close, and in {@code status}: what ran, how it ended, and
 * for every step how many rows it read, loaded, rejected and skipped.
 */
final class RunSummary {

	private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");

	private static final String FILE_ROW = "  %-56s %9s %9s %9s %9s%n";

	/** The step column's least width, and how far a step made of steps indents its own. */
	private static final int STEP_COLUMN = 22;

	private static final int INDENT = 2;

	private RunSummary() {
	}

	static String format(JobExecution execution) {
		StringBuilder text = new StringBuilder();
		text.append(headline(execution)).append(System.lineSeparator());
		List<StepExecution> steps = steps(execution);
		Map<StepExecution, StepExecution> parents = new IdentityHashMap<>();
		Map<StepExecution, Integer> depths = new IdentityHashMap<>();
		for (StepExecution step : steps) {
			StepExecution parent = enclosing(step, steps);
			parents.put(step, parent);
			depths.put(step, parent == null ? 0 : depths.get(parent) + 1);
		}
		int width = STEP_COLUMN;
		for (StepExecution step : steps) {
			width = Math.max(width, INDENT * depths.get(step) + step.getStepName().length());
		}
		String row = "  %-" + width + "s %-10s %8s %9s %9s %9s %9s%n";
		text.append(String.format(row, "step", "status", "time", "read", "loaded", "rejected", "skipped"));
		for (StepExecution step : steps) {
			String name = " ".repeat(INDENT * depths.get(step)) + step.getStepName();
			String time = seconds(step.getStartTime(), step.getEndTime());
			if (parents.containsValue(step)) {
				// a step made of steps: its children count the rows
				text.append(String.format(row, name, step.getStatus(), time, "", "", "", "").stripTrailing())
					.append(System.lineSeparator());
			}
			else {
				long rejected = step.getReadSkipCount() + step.getProcessSkipCount() + step.getWriteSkipCount();
				text.append(String.format(row, name, step.getStatus(), time, step.getReadCount() + step.getReadSkipCount(),
						step.getWriteCount(), rejected, step.getFilterCount()));
			}
		}
		for (StepExecution step : steps) {
			text.append(notes(step));
		}
		for (StepExecution step : steps) {
			if (step.getExecutionContext().containsKey(RejectsReportTasklet.FILE_KEY)) {
				text.append(String.format("  rejects: %s (%d rows)%n",
						step.getExecutionContext().getString(RejectsReportTasklet.FILE_KEY),
						step.getExecutionContext().getLong(RejectsReportTasklet.COUNT_KEY)));
			}
		}
		if (execution.getStatus().isUnsuccessful()) {
			text.append("  failed: ").append(failureReason(execution)).append(System.lineSeparator());
		}
		return text.toString();
	}

	/**
	 * The innermost earlier step made of steps whose run encloses this one's, or {@code null}.
	 * A step made of steps (a flow, or a split's) commits nothing itself: every other step
	 * commits at least once, and a partitioned step adds up its partitions' commits.
	 */
	private static StepExecution enclosing(StepExecution step, List<StepExecution> steps) {
		StepExecution enclosing = null;
		for (StepExecution other : steps) {
			if (other == step) {
				break;
			}
			if (other.getCommitCount() == 0 && other.getRollbackCount() == 0 && encloses(other, step)) {
				enclosing = other;
			}
		}
		return enclosing;
	}

	private static boolean encloses(StepExecution outer, StepExecution inner) {
		LocalDateTime outerStart = outer.getStartTime();
		LocalDateTime innerStart = inner.getStartTime();
		if (outerStart == null || innerStart == null || innerStart.isBefore(outerStart)) {
			return false;
		}
		LocalDateTime outerEnd = outer.getEndTime();
		LocalDateTime innerEnd = inner.getEndTime();
		// a step still running encloses what started after it
		return outerEnd == null || innerEnd != null && innerStart.isBefore(outerEnd) && !innerEnd.isAfter(outerEnd);
	}

	/**
	 * The last line of a close's answer: whether the month needs a person's attention, and where
	 * to look. A run that failed says why instead.
	 */
	static String attention(ApplicationContext context, JobExecution execution) {
		if (execution.getStatus().isUnsuccessful()) {
			return "";
		}
		JobParameters parameters = execution.getJobParameters();
		String month = parameters.getString(CloseJobParameters.MONTH);
		String client = parameters.getString(CloseJobParameters.CLIENT);
		Map<LineStatus, Long> statuses = context.getBean(MonthLines.class).statusCounts(month, client);
		long rejected = context.getBean(RejectRepository.class).count(month);
		Path rejects = MonthFolders.rejectsFile(Path.of(parameters.getString(CloseJobParameters.OUT)), month);
		List<String> discrepancies = new ArrayList<>();
		long lines = 0;
		for (Map.Entry<LineStatus, Long> status : statuses.entrySet()) {
			if (status.getKey().isDiscrepancy()) {
				discrepancies.add(status.getValue() + " " + status.getKey());
				lines += status.getValue();
			}
		}
		List<BalanceMonth> balances = context.getBean(BalanceMonths.class).byUrgency(month, client);
		String notYet = statuses.isEmpty() ? " (the reconciliation has not run yet)" : "";
		if (lines == 0 && rejected == 0 && balanceIssues(balances).isEmpty()) {
			return "nothing needs attention" + (statuses.isEmpty() ? " so far: no row was rejected" + notYet
					: ": every line matched or is within tolerance, and no row was rejected") + System.lineSeparator();
		}
		List<String> what = new ArrayList<>();
		List<String> where = new ArrayList<>();
		if (lines > 0) {
			what.add(lines + (lines == 1 ? " discrepancy (" : " discrepancies (") + String.join(", ", discrepancies) + ")");
			where.add("recon lines --month " + month + (client == null ? "" : " --client " + client)
					+ " or the partner workbook's Discrepancies sheet");
		}
		if (rejected > 0) {
			what.add(rejected + (rejected == 1 ? " rejected row" : " rejected rows"));
			where.add(rejects.toString());
		}
		List<String> balanceIssues = balanceIssues(balances);
		what.addAll(balanceIssues);
		if (!balanceIssues.isEmpty()) {
			where.add("the partner workbook's Balances sheet");
		}
		return "needs attention: " + enumeration(what) + notYet + "; see " + String.join(", and ", where)
				+ System.lineSeparator();
	}

	/** "a", "a and b", "a, b and c". */
	private static String enumeration(List<String> items) {
		int last = items.size() - 1;
		return last == 0 ? items.get(0) : String.join(", ", items.subList(0, last)) + " and " + items.get(last);
	}

	/**
	 * The Direct Payment numbers that need a person: funds that run out within a week, and
	 * balances that do not roll forward; none when every one is fine.
	 */
	static List<String> balanceIssues(List<BalanceMonth> balances) {
		List<String> runningOut = balances.stream().filter(BalanceMonth::runsOutSoon).map(BalanceMonth::channelId)
			.toList();
		List<String> differing = balances.stream().filter(BalanceMonth::differs).map(BalanceMonth::channelId).toList();
		List<String> issues = new ArrayList<>();
		if (!runningOut.isEmpty()) {
			issues.add(runningOut.size() + (runningOut.size() == 1 ? " number" : " numbers")
					+ " on Direct Payment running out of funds within a week (" + String.join(", ", runningOut) + ")");
		}
		if (!differing.isEmpty()) {
			issues.add(differing.size() + (differing.size() == 1 ? " prepaid balance that does not"
					: " prepaid balances that do not") + " roll forward (" + String.join(", ", differing) + ")");
		}
		return issues;
	}

	/** The table of the month's input files as the close left them ({@link InputFileRepository#forMonth}). */
	static String files(ApplicationContext context, JobExecution execution) {
		String month = execution.getJobParameters().getString(CloseJobParameters.MONTH);
		JobRepository jobRepository = context.getBean(JobRepository.class);
		return files(context.getBean(InputFileRepository.class)
			.forMonth(month, step -> RunSteps.completed(jobRepository, execution.getJobInstance(), step)));
	}

	static String files(List<FileCounts> files) {
		if (files.isEmpty()) {
			return "";
		}
		StringBuilder text = new StringBuilder(String.format(FILE_ROW, "input file", "read", "loaded", "rejected", "skipped"));
		for (FileCounts file : files) {
			text.append(String.format(FILE_ROW, file.sourceFile(), file.read(), file.loaded(), file.rejected(),
					file.skipped()));
			if (file.note() != null) {
				text.append("      note: ").append(file.note()).append(System.lineSeparator());
			}
		}
		return text.toString();
	}

	/** What a step says beyond its counts: why rows were skipped, and its own description. */
	private static String notes(StepExecution step) {
		StringBuilder text = new StringBuilder();
		SkipReasons.of(step)
			.forEach((reason, count) -> text.append(
					String.format("  %s: %s rows skipped: %s%n", step.getStepName(), count, reason)));
		String description = step.getExitStatus().getExitDescription();
		if (!description.isBlank() && step.getStatus() == BatchStatus.COMPLETED) {
			text.append(String.format("  %s: %s%n", step.getStepName(), description));
		}
		return text.toString();
	}

	/**
	 * "execution 3 · 2025-09, all clients · COMPLETED in 2.1 s"; a run stopped as asked says
	 * where: "· STOPPED after import in 1.4 s".
	 */
	static String headline(JobExecution execution) {
		JobParameters parameters = execution.getJobParameters();
		String client = parameters.getString(CloseJobParameters.CLIENT);
		Long rerun = parameters.getLong(CloseJobParameters.RERUN);
		return "execution " + execution.getId() + " · " + parameters.getString(CloseJobParameters.MONTH)
				+ (client == null ? ", all clients" : ", client " + client) + (rerun == null ? "" : ", rerun " + rerun)
				+ " · " + execution.getStatus()
				+ (execution.getStatus() == BatchStatus.STOPPED
						? " after " + parameters.getString(CloseJobParameters.UNTIL) : "")
				+ " in " + seconds(execution.getStartTime(), execution.getEndTime());
	}

	/**
	 * The job's steps in the order they ran. The partitions of a partitioned step
	 * ({@code statementsStep:partition3}) are left out: the step itself counts them all.
	 */
	static List<StepExecution> steps(JobExecution execution) {
		return execution.getStepExecutions()
			.stream()
			.filter(step -> !PartitionNames.isPartition(step.getStepName()))
			.sorted(Comparator.comparing(StepExecution::getId))
			.toList();
	}

	/**
	 * The first failure's innermost message, on one line; when the database connection was lost,
	 * saying so first.
	 */
	static String failureReason(JobExecution execution) {
		List<Throwable> failures = execution.getAllFailureExceptions();
		if (failures.isEmpty()) {
			String description = execution.getExitStatus().getExitDescription();
			return description.isBlank() ? "the close ended " + execution.getStatus() : firstLine(description);
		}
		String reason = innermostMessage(failures.get(0));
		return failures.stream().anyMatch(DatabaseFailures::connectionLost) ? DatabaseFailures.lost(reason) : reason;
	}

	static String innermostMessage(Throwable failure) {
		Throwable cause = failure;
		while (cause.getCause() != null && cause.getCause() != cause) {
			cause = cause.getCause();
		}
		return firstLine(Objects.requireNonNullElse(cause.getMessage(), cause.getClass().getSimpleName()));
	}

	private static String firstLine(String text) {
		int end = text.indexOf('\n');
		return (end < 0 ? text : text.substring(0, end)).strip();
	}

	/** "2026-11-21 15:48:50", or "-" when the time is not known yet. */
	static String time(LocalDateTime time) {
		return time == null ? "-" : TIME.format(time);
	}

	static String seconds(LocalDateTime start, LocalDateTime end) {
		if (start == null) {
			return "-";
		}
		Duration duration = Duration.between(start, end != null ? end : LocalDateTime.now());
		return String.format("%.1f s", duration.toMillis() / 1000.0);
	}

}
