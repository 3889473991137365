package com.wabarecon.launch;

import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.YearMonth;
import java.util.List;

import com.wabarecon.CloseJobParameters;
import com.wabarecon.ReconProperties;
import com.wabarecon.Stage;
import com.wabarecon.distribution.DistributionCheck;
import com.wabarecon.distribution.WorkerPartitions;
import com.wabarecon.importing.ImportGuard;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.ExitStatus;
import org.springframework.batch.core.job.Job;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.job.JobInstance;
import org.springframework.batch.core.job.parameters.InvalidJobParametersException;
import org.springframework.batch.core.job.parameters.JobParameters;
import org.springframework.batch.core.job.parameters.JobParametersBuilder;
import org.springframework.batch.core.launch.JobExecutionAlreadyRunningException;
import org.springframework.batch.core.launch.JobInstanceAlreadyCompleteException;
import org.springframework.batch.core.launch.JobOperator;
import org.springframework.batch.core.launch.JobRestartException;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.core.step.StepExecution;
import org.springframework.dao.EmptyResultDataAccessException;
import org.springframework.stereotype.Component;

/**
 * Starts the close of a month from a {@link CloseRequest}. Month and client identify the close;
 * each run of it is a Spring Batch job instance. Starting a close continues its latest run:
 * resumes it where it stopped if it failed, with the options it was started with, or does
 * nothing and says so if it completed. {@code rerun} starts a new run instead, from the
 * beginning with the options given, numbered ({@code rerun=1, 2, ...}) and identified by that
 * number too. Every other option is recorded with the run without identifying it.
 * <p>
 * One close of a month runs at a time, whole or by client: each takes the month's lock
 * ({@link MonthLocks}) before anything else and holds it until it ends; a close that finds it
 * taken is refused, naming the close that runs.
 * <p>
 * {@link #launch} is public for the bench, which closes a generated month in its own process.
 */
@Component
public class CloseLauncher {

	private static final Logger log = LoggerFactory.getLogger(CloseLauncher.class);

	private static final String UNKNOWN_ENDING = "ended UNKNOWN (a step's ending could not be recorded); marked failed "
			+ "to resume it";

	private static final String WORKER_GONE = "its worker ended without recording its end; marked failed to resume it";

	private final JobOperator jobOperator;

	private final JobRepository jobRepository;

	private final Job closeJob;

	private final ReconProperties properties;

	private final MonthLocks locks;

	private final MonthHolders holders;

	private final KnownClients clients;

	private final DistributionCheck distribution;

	private final WorkerPartitions workerPartitions;

	CloseLauncher(JobOperator jobOperator, JobRepository jobRepository, Job monthlyCloseJob,
			ReconProperties properties, MonthLocks locks, MonthHolders holders, KnownClients clients,
			DistributionCheck distribution, WorkerPartitions workerPartitions) {
		this.distribution = distribution;
		this.workerPartitions = workerPartitions;
		this.jobOperator = jobOperator;
		this.jobRepository = jobRepository;
		this.closeJob = monthlyCloseJob;
		this.properties = properties;
		this.locks = locks;
		this.holders = holders;
		this.clients = clients;
	}

	public CloseOutcome launch(CloseRequest request) {
		CloseOutcome cannotDistribute = cannotDistribute();
		if (cannotDistribute != null) {
			return cannotDistribute;
		}
		MonthLocks.MonthLock lock = locks.tryLock(request.month());
		if (lock == null) {
			return new CloseOutcome(CloseOutcome.Kind.REFUSED, null, holders.refusal(request.month()));
		}
		try (lock) {
			return launchHolding(request);
		}
	}

	private CloseOutcome launchHolding(CloseRequest request) {
		CloseOutcome workersBusy = runOnWorkers(request.month());
		if (workersBusy != null) {
			return workersBusy;
		}
		JobExecution latest = latestRun(request.month(), request.client());
		if (latest != null) {
			latest = recoverAbandoned(latest);
		}
		JobParameters parameters;
		if (latest == null) {
			parameters = withOptions(identity(request.month(), request.client(), null), request);
		}
		else if (request.rerun()) {
			parameters = withOptions(identity(request.month(), request.client(), nextRerun(request)), request);
		}
		else if (refused(latest)) {
			// a refused close is over: its month is read anew, with the options given now
			log.info("Execution {} was refused before its reconciliation; {} starts anew from the month's files",
					latest.getId(), request.describe());
			parameters = withOptions(identity(request.month(), request.client(), nextRerun(request)), request);
		}
		else if (latest.getStatus() == BatchStatus.STOPPED && !stage(request).isAfter(stoppedAfter(latest))) {
			return new CloseOutcome(CloseOutcome.Kind.NOTHING_TO_RUN, latest, request.describe() + " went through "
					+ stoppedAfter(latest).id() + " in execution " + latest.getId() + " and stopped there as asked; nothing "
					+ "was run (" + continuing(request.month(), request.client()) + " continues it)");
		}
		else if (latest.getStatus() == BatchStatus.COMPLETED) {
			return new CloseOutcome(CloseOutcome.Kind.NOTHING_TO_RUN, latest, request.describe()
					+ " is already closed by execution " + latest.getId() + "; nothing was run (add --rerun to close it again)");
		}
		else {
			ResumedOptions resumed = new ResumedOptions(request, latest.getJobParameters());
			List<String> differences = resumed.differences();
			if (!differences.isEmpty()) {
				return new CloseOutcome(CloseOutcome.Kind.INVALID, null, "it would resume execution " + latest.getId()
						+ ", which did not complete, with the options that run started with, and these options differ: "
						+ String.join(", ", differences) + "; nothing was run. Give the same options (or none) to resume "
						+ "it, or add --rerun to close the month again from the start with the new ones");
			}
			parameters = resumed.parameters();
			if (latest.getStatus() == BatchStatus.STOPPED) {
				// a run stopped as asked goes on as far as asked now: the whole close unless told otherwise
				parameters = new JobParametersBuilder(parameters)
					.addString(CloseJobParameters.UNTIL, stage(request).id(), false)
					.toJobParameters();
			}
		}
		if (request.client() != null) {
			String unknown = clients.unknown(request.client(), Path.of(parameters.getString(CloseJobParameters.INBOX)));
			if (unknown != null) {
				return new CloseOutcome(CloseOutcome.Kind.INVALID, null, unknown);
			}
		}
		try {
			JobExecution execution = jobOperator.start(closeJob, parameters);
			if (execution.getStatus() == BatchStatus.STOPPED) {
				return new CloseOutcome(CloseOutcome.Kind.STOPPED, execution, request.describe() + " stopped after "
						+ stoppedAfter(execution).id() + " as asked; the month stays open: "
						+ continuing(request.month(), request.client()) + " continues it");
			}
			boolean completed = execution.getStatus() == BatchStatus.COMPLETED;
			return new CloseOutcome(completed ? CloseOutcome.Kind.COMPLETED : CloseOutcome.Kind.FAILED, execution,
					completed ? request.describe() + " closed" : RunSummary.failureReason(execution));
		}
		catch (RuntimeException ex) {
			return connectionLost(ex);
		}
		catch (JobExecutionAlreadyRunningException ex) {
			return new CloseOutcome(CloseOutcome.Kind.REFUSED, null,
					"a close of " + request.describe() + " is already running; this one was not started");
		}
		catch (JobInstanceAlreadyCompleteException | JobRestartException ex) {
			return new CloseOutcome(CloseOutcome.Kind.REFUSED, null, ex.getMessage());
		}
		catch (InvalidJobParametersException ex) {
			return new CloseOutcome(CloseOutcome.Kind.INVALID, null, ex.getMessage());
		}
	}

	/** Why a distributed close cannot start here, before anything is run; {@code null} for a local close. */
	private CloseOutcome cannotDistribute() {
		if (!distribution.distributed()) {
			return null;
		}
		String database = distribution.databaseProblem("a distributed close");
		if (database != null) {
			return new CloseOutcome(CloseOutcome.Kind.INVALID, null, database + "; nothing was run");
		}
		String broker = distribution.brokerProblem();
		return broker == null ? null : new CloseOutcome(CloseOutcome.Kind.FAILED, null, broker + "; nothing was run");
	}

	/** The last stage the request asks for: the whole close unless {@code --until} says otherwise. */
	private static Stage stage(CloseRequest request) {
		return request.until() != null ? request.until() : Stage.DELIVERY;
	}

	/** The stage after which a run stopped as asked ({@code --until}). */
	private static Stage stoppedAfter(JobExecution execution) {
		return Stage.fromId(execution.getJobParameters().getString(CloseJobParameters.UNTIL, Stage.DELIVERY.id()));
	}

	/** "close --month 2025-09" or "close --month 2025-09 --client c_001": the command that goes on with a close. */
	private static String continuing(YearMonth month, String client) {
		return "close --month " + month + (client == null ? "" : " --client " + client);
	}

	/**
	 * Marks failed, so that starting it again resumes it where it stopped, a close that could not
	 * be resumed as it stands: one left "running" by a process that was killed (kill -9, power
	 * cut, on any host: the caller holds the month's lock, so no close of the month runs), and one
	 * that ended "unknown" because it could not record how a step ended (its
	 * database connection was lost). Spring Batch refuses to restart an unknown execution, since
	 * the work of its last chunk may be committed while the step's record of it is not. In this
	 * close both are committed in one transaction on the one database, and a step run again
	 * replaces (imports), resumes from its committed position (statements) or checks its log
	 * (delivery): restarting is safe.
	 * @return the execution as it now is
	 */
	private JobExecution recoverAbandoned(JobExecution execution) {
		if (execution.isRunning()) {
			log.warn("{} was left running by a process that is gone; marking it failed to resume it", describe(execution));
			jobOperator.recover(execution);
		}
		else if (execution.getStatus() == BatchStatus.UNKNOWN || hasUnknownStep(execution)) {
			// a step whose ending was lost, in a close whose failure was then recorded (the
			// connection came back): a step beside the one that failed, say
			log.warn("{} ended in an unknown state (it could not record how a step ended: its database connection was "
					+ "lost); marking it failed to resume it", describe(execution));
			markFailed(jobRepository.getJobExecution(execution.getId()), UNKNOWN_ENDING);
		}
		else if (hasStepLeftRunning(execution)) {
			log.warn("{} ended with partitions recorded as running whose workers are gone; marking them failed to "
					+ "resume them", describe(execution));
			markFailed(jobRepository.getJobExecution(execution.getId()), WORKER_GONE);
		}
		else {
			return execution;
		}
		return jobRepository.getJobExecution(execution.getId());
	}

	/** "Execution 3 (2025-09, all clients)" */
	private static String describe(JobExecution execution) {
		JobParameters parameters = execution.getJobParameters();
		String client = parameters.getString(CloseJobParameters.CLIENT);
		return "Execution " + execution.getId() + " (" + parameters.getString(CloseJobParameters.MONTH)
				+ (client == null ? ", all clients" : ", client " + client) + ")";
	}

	private void markFailed(JobExecution execution, String why) {
		LocalDateTime now = LocalDateTime.now();
		for (StepExecution step : execution.getStepExecutions()) {
			if (step.getStatus() == BatchStatus.UNKNOWN || step.getStatus().isRunning()) {
				step.setStatus(BatchStatus.FAILED);
				step.setExitStatus(ExitStatus.FAILED.addExitDescription(why));
				if (step.getEndTime() == null) {
					step.setEndTime(now);
				}
				jobRepository.update(step);
			}
		}
		if (execution.getStatus() == BatchStatus.FAILED) {
			return; // its own failure, and why, stay as recorded
		}
		execution.setStatus(BatchStatus.FAILED);
		execution.setExitStatus(ExitStatus.FAILED.addExitDescription(why));
		if (execution.getEndTime() == null) {
			execution.setEndTime(now);
		}
		jobRepository.update(execution);
	}

	/**
	 * Whether the close was refused by the import guard: its month's files are to be read anew,
	 * which resuming (the import's steps completed) would not do.
	 */
	private static boolean refused(JobExecution execution) {
		return execution.getStatus() == BatchStatus.FAILED && execution.getStepExecutions()
			.stream()
			.anyMatch(step -> step.getStepName().equals(ImportGuard.STEP) && step.getStatus() == BatchStatus.FAILED);
	}

	/**
	 * A partition a worker took, recorded as running in an execution that has ended: its worker
	 * died after the manager gave up waiting for it (or nothing has been heard of it for
	 * {@code recon.distribution.stale-after}, {@link #runOnWorkers}).
	 */
	private static boolean hasStepLeftRunning(JobExecution execution) {
		return !execution.isRunning() && execution.getStepExecutions().stream().anyMatch(step -> step.getStatus().isRunning());
	}

	/**
	 * Refuses to start a close of the month while workers run partitions of one of its closes
	 * (whole or by client; their records changed within {@code recon.distribution.stale-after}):
	 * a close started again would send those partitions again, and they would run twice, and any
	 * other close of the month would load the month under them. A worker goes on with its
	 * partition when the manager dies, and the ones still queued run too: once they have ended,
	 * the close started again finds them completed.
	 */
	private CloseOutcome runOnWorkers(YearMonth month) {
		List<String> running = workerPartitions.running(month.toString());
		if (running.isEmpty()) {
			return null;
		}
		return new CloseOutcome(CloseOutcome.Kind.REFUSED, null, "workers still run partitions of a close of " + month
				+ " (" + String.join(", ", running) + "); nothing was run, so that no partition runs twice and no "
				+ "close loads the month under them: start the close again when they have ended, or, if their workers "
				+ "are gone, once nothing has been recorded of them for "
				+ properties.distribution().staleAfter().toSeconds() + " s (recon.distribution.stale-after)");
	}

	private static boolean hasUnknownStep(JobExecution execution) {
		return !execution.isRunning()
				&& execution.getStepExecutions().stream().anyMatch(step -> step.getStatus() == BatchStatus.UNKNOWN);
	}

	/** A connection lost so badly that the job repository could not record the failure: the close stays resumable. */
	private static CloseOutcome connectionLost(RuntimeException failure) {
		if (!DatabaseFailures.connectionLost(failure)) {
			throw failure;
		}
		log.error("The close lost its database connection", failure);
		return new CloseOutcome(CloseOutcome.Kind.FAILED, null,
				DatabaseFailures.lost(RunSummary.innermostMessage(failure)));
	}

	/**
	 * Restarts a failed (or abandoned) execution with its own parameters: the latest execution of
	 * the month's latest run, not one that completed, stopped as asked or was resumed since.
	 */
	CloseOutcome restart(long executionId) {
		JobExecution execution = execution(executionId);
		if (execution == null) {
			return new CloseOutcome(CloseOutcome.Kind.INVALID, null,
					"there is no execution " + executionId + " (recon status lists them)");
		}
		String notResumable = notResumable(execution);
		if (notResumable != null) {
			return new CloseOutcome(CloseOutcome.Kind.INVALID, null, notResumable);
		}
		if (refused(execution)) {
			return new CloseOutcome(CloseOutcome.Kind.INVALID, null, "execution " + executionId + " was refused before "
					+ "its reconciliation (its import had too little to stand on): it is not resumed; close the month "
					+ "again (close --month " + execution.getJobParameters().getString(CloseJobParameters.MONTH)
					+ ") to read its files anew");
		}
		CloseOutcome cannotDistribute = cannotDistribute();
		if (cannotDistribute != null) {
			return cannotDistribute;
		}
		YearMonth month = YearMonth.parse(execution.getJobParameters().getString(CloseJobParameters.MONTH));
		MonthLocks.MonthLock lock = locks.tryLock(month);
		if (lock == null) {
			return new CloseOutcome(CloseOutcome.Kind.REFUSED, null, holders.refusal(month));
		}
		try (lock) {
			CloseOutcome workersBusy = runOnWorkers(month);
			return workersBusy != null ? workersBusy
					: restartHolding(recoverAbandoned(jobRepository.getJobExecution(executionId)));
		}
	}

	private JobExecution execution(long executionId) {
		try {
			return jobRepository.getJobExecution(executionId);
		}
		catch (EmptyResultDataAccessException ex) {
			return null;
		}
	}

	/** Why the execution is not one to restart, or {@code null} when it is. */
	private String notResumable(JobExecution execution) {
		JobParameters parameters = execution.getJobParameters();
		YearMonth month = YearMonth.parse(parameters.getString(CloseJobParameters.MONTH));
		String client = parameters.getString(CloseJobParameters.CLIENT);
		String close = month + (client == null ? ", all clients" : ", client " + client);
		JobExecution latest = latestRun(month, client);
		if (latest != null && latest.getId() != execution.getId()) {
			boolean sameRun = latest.getJobInstance().getInstanceId() == execution.getJobInstance().getInstanceId();
			return "execution " + execution.getId() + " (" + close + ") was " + (sameRun ? "resumed" : "replaced by a "
					+ "later run of the close") + ": its latest execution is " + latest.getId() + ", "
					+ latest.getStatus() + "; nothing was run"
					+ (latest.getStatus() == BatchStatus.COMPLETED ? "" : " (restart " + latest.getId() + " to resume it)");
		}
		return switch (execution.getStatus()) {
			case COMPLETED -> "execution " + execution.getId() + " (" + close + ") completed: there is nothing to resume";
			case STOPPED -> "execution " + execution.getId() + " (" + close + ") stopped after "
					+ stoppedAfter(execution).id() + " as asked: " + continuing(month, client) + " continues it";
			default -> null;
		};
	}

	private CloseOutcome restartHolding(JobExecution execution) {
		long executionId = execution.getId();
		try {
			JobExecution restarted = jobOperator.restart(execution);
			if (restarted.getStatus() == BatchStatus.STOPPED) {
				JobParameters parameters = restarted.getJobParameters();
				return new CloseOutcome(CloseOutcome.Kind.STOPPED, restarted, "execution " + executionId
						+ " resumed and stopped after " + stoppedAfter(restarted).id() + " as asked, as execution "
						+ restarted.getId() + "; the month stays open: "
						+ continuing(YearMonth.parse(parameters.getString(CloseJobParameters.MONTH)),
								parameters.getString(CloseJobParameters.CLIENT))
						+ " continues it");
			}
			boolean completed = restarted.getStatus() == BatchStatus.COMPLETED;
			return new CloseOutcome(completed ? CloseOutcome.Kind.COMPLETED : CloseOutcome.Kind.FAILED, restarted,
					completed ? "execution " + executionId + " resumed and completed as execution " + restarted.getId()
							: RunSummary.failureReason(restarted));
		}
		catch (JobRestartException ex) {
			return new CloseOutcome(CloseOutcome.Kind.REFUSED, null, "execution " + executionId + " cannot be restarted: "
					+ (ex.getMessage() == null ? ex.getClass().getSimpleName() : ex.getMessage()));
		}
		catch (RuntimeException ex) {
			return connectionLost(ex);
		}
	}

	/** The last execution of the close's latest run: the one with the highest rerun number. */
	private JobExecution latestRun(YearMonth month, String client) {
		JobExecution latest = null;
		for (Long rerun = null;; rerun = rerun == null ? 1 : rerun + 1) {
			JobInstance instance = jobRepository.getJobInstance(CloseJobParameters.JOB_NAME, identity(month, client, rerun));
			if (instance == null) {
				return latest;
			}
			JobExecution last = jobRepository.getLastJobExecution(instance);
			latest = last != null ? last : latest;
		}
	}

	/** The first rerun number not used yet: a new run. */
	private long nextRerun(CloseRequest request) {
		for (long rerun = 1;; rerun++) {
			if (jobRepository.getJobInstance(CloseJobParameters.JOB_NAME,
					identity(request.month(), request.client(), rerun)) == null) {
				return rerun;
			}
		}
	}

	private static JobParameters identity(YearMonth month, String client, Long rerun) {
		JobParametersBuilder builder = new JobParametersBuilder().addString(CloseJobParameters.MONTH, month.toString());
		if (client != null) {
			builder.addString(CloseJobParameters.CLIENT, client);
		}
		if (rerun != null) {
			builder.addLong(CloseJobParameters.RERUN, rerun);
		}
		return builder.toJobParameters();
	}

	/** The identity with the request's options, the configuration's defaults where none is given. */
	private JobParameters withOptions(JobParameters identity, CloseRequest request) {
		Path inbox = request.inbox() != null ? request.inbox() : properties.inbox();
		Path out = request.out() != null ? request.out() : properties.out();
		Stage until = request.until() != null ? request.until() : Stage.DELIVERY;
		JobParametersBuilder builder = new JobParametersBuilder(identity)
			.addString(CloseJobParameters.INBOX, ResumedOptions.path(inbox), false)
			.addString(CloseJobParameters.OUT, ResumedOptions.path(out), false)
			.addString(CloseJobParameters.DRY_RUN, Boolean.toString(request.dryRun()), false)
			.addString(CloseJobParameters.RESEND, Boolean.toString(request.resend()), false)
			.addString(CloseJobParameters.UNTIL, until.id(), false);
		addIfGiven(builder, CloseJobParameters.DB_URL, DatabaseUrls.redact(request.dbUrl()));
		addIfGiven(builder, CloseJobParameters.AMOUNT_TOLERANCE_PCT, request.amountTolerancePct());
		addIfGiven(builder, CloseJobParameters.AMOUNT_TOLERANCE_ABS, request.amountToleranceAbs());
		addIfGiven(builder, CloseJobParameters.VOLUME_TOLERANCE_PCT, request.volumeTolerancePct());
		addIfGiven(builder, CloseJobParameters.VOLUME_TOLERANCE_ABS, request.volumeToleranceAbs());
		addIfGiven(builder, CloseJobParameters.MAX_REJECT_PCT, request.maxRejectPct());
		return builder.toJobParameters();
	}

	private static void addIfGiven(JobParametersBuilder builder, String name, Object value) {
		if (value != null) {
			builder.addString(name, value instanceof java.math.BigDecimal decimal ? decimal.toPlainString()
					: value.toString(), false);
		}
	}

}
