package com.wabarecon.balance;

import java.nio.file.Path;
import java.time.YearMonth;
import java.util.List;

import com.wabarecon.importing.ImportSteps;
import com.wabarecon.importing.MultiFileReader;
import com.wabarecon.inbox.InboxFileRepository;
import com.wabarecon.inbox.InboxKind;
import com.wabarecon.support.csv.CsvRecord;
import com.wabarecon.support.csv.CsvRecordReader;

import org.springframework.batch.core.configuration.annotation.StepScope;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.core.step.Step;
import org.springframework.batch.core.step.builder.StepBuilder;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.PlatformTransactionManager;

/**
 * The prepaid balances of channels on Direct Payment: {@code autoRenewalStep} (the directory's
 * {@code auto-renewal.csv}, after the channels), {@code balanceSnapshotsStep} and
 * {@code fundsMovementsStep} (the month's {@code balance/} folder, in the usage stage), each row
 * loaded or rejected with its file and line as every import; and {@code balancesStep}, each
 * DIRECT channel's month ({@link BalanceMonthTasklet}), once the invoice is reconciled.
 */
@Configuration
class BalanceStepConfiguration {

	/** The month's folder of snapshots and movements. */
	static final String FOLDER = "balance";

	@Bean
	@StepScope
	MultiFileReader<CsvRecord> autoRenewalReader(@Value("#{jobParameters['inbox']}") String inbox,
			@Value("#{jobParameters['month']}") String month, InboxFileRepository inboxFiles) {
		return csv(Path.of(inbox), inboxFiles.read(Path.of(inbox), month, InboxKind.AUTO_RENEWAL),
				AutoRenewalRowMapper.COLUMNS);
	}

	@Bean
	@StepScope
	AutoRenewalRowMapper autoRenewalRowMapper(JdbcClient jdbc) {
		return new AutoRenewalRowMapper(() -> DirectChannels.load(jdbc));
	}

	@Bean
	Step autoRenewalStep(ImportSteps steps, MultiFileReader<CsvRecord> autoRenewalReader,
			AutoRenewalRowMapper autoRenewalRowMapper, BalanceRepository balances) {
		return steps.step("autoRenewalStep", autoRenewalReader, autoRenewalRowMapper, balances.autoRenewalWriter(),
				steps.newAccounting(), balances::clearAutoRenewal);
	}

	@Bean
	@StepScope
	MultiFileReader<SnapshotFileReader.Document> balanceSnapshotsReader(@Value("#{jobParameters['inbox']}") String inbox,
			@Value("#{jobParameters['month']}") String month, InboxFileRepository inboxFiles) {
		Path root = Path.of(inbox);
		return new MultiFileReader<>(root, inboxFiles.read(root, month, InboxKind.BALANCE_SNAPSHOT),
				SnapshotFileReader::new);
	}

	@Bean
	@StepScope
	SnapshotMapper snapshotMapper(@Value("#{jobParameters['month']}") String month, JdbcClient jdbc) {
		return new SnapshotMapper(month, () -> DirectChannels.load(jdbc));
	}

	@Bean
	Step balanceSnapshotsStep(ImportSteps steps, MultiFileReader<SnapshotFileReader.Document> balanceSnapshotsReader,
			SnapshotMapper snapshotMapper, BalanceRepository balances) {
		return steps.step("balanceSnapshotsStep", balanceSnapshotsReader, snapshotMapper, balances.snapshotWriter(),
				steps.newAccounting(), balances::clearSnapshots);
	}

	@Bean
	@StepScope
	MultiFileReader<CsvRecord> fundsMovementsReader(@Value("#{jobParameters['inbox']}") String inbox,
			@Value("#{jobParameters['month']}") String month, InboxFileRepository inboxFiles) {
		return csv(Path.of(inbox), inboxFiles.read(Path.of(inbox), month, InboxKind.FUNDS_MOVEMENTS),
				MovementRowMapper.COLUMNS);
	}

	@Bean
	@StepScope
	MovementRowMapper movementRowMapper(@Value("#{jobParameters['month']}") String month, JdbcClient jdbc) {
		return new MovementRowMapper(YearMonth.parse(month), () -> DirectChannels.load(jdbc));
	}

	@Bean
	Step fundsMovementsStep(ImportSteps steps, MultiFileReader<CsvRecord> fundsMovementsReader,
			MovementRowMapper movementRowMapper, BalanceRepository balances) {
		return steps.step("fundsMovementsStep", fundsMovementsReader, movementRowMapper, balances.movementWriter(),
				steps.newAccounting(), balances::clearMovements);
	}

	@Bean
	@StepScope
	BalanceMonthTasklet balanceMonthTasklet(@Value("#{jobParameters['inbox']}") String inbox,
			@Value("#{jobParameters['month']}") String month, BalanceRepository balances, JdbcClient jdbc) {
		return new BalanceMonthTasklet(balances, jdbc, Path.of(inbox), YearMonth.parse(month));
	}

	/** Each DIRECT channel's month, after the reconciliation's tie-out. */
	@Bean
	Step balancesStep(JobRepository jobRepository, PlatformTransactionManager transactionManager,
			BalanceMonthTasklet balanceMonthTasklet) {
		return new StepBuilder("balancesStep", jobRepository).tasklet(balanceMonthTasklet, transactionManager).build();
	}

	private static MultiFileReader<CsvRecord> csv(Path inbox, List<Path> files, List<String> columns) {
		return new MultiFileReader<>(inbox, files, (file, sourceName) -> new CsvRecordReader(file, sourceName, columns));
	}

}
