package com.wabarecon.launch;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDateTime;
import java.util.List;

import com.wabarecon.CloseJobParameters;
import com.wabarecon.balance.BalanceMonth;

import org.junit.jupiter.api.Test;

import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.job.JobInstance;
import org.springframework.batch.core.job.parameters.JobParametersBuilder;
import org.springframework.batch.core.step.StepExecution;

/**
 * The step table of the run summary: each step's time and counts in aligned columns, and a step
 * made of steps (a flow, a split) shown with its time only, its steps indented under it, even
 * where two of them ran side by side.
 */
class RunSummaryTests {

	static final LocalDateTime T = LocalDateTime.of(2025, 10, 3, 6, 0);

	@Test
	void stepsMadeOfStepsHoldTheirStepsIndentedAndCountNothingThemselves() {
		JobExecution execution = new JobExecution(7, new JobInstance(1, CloseJobParameters.JOB_NAME),
				new JobParametersBuilder().addString(CloseJobParameters.MONTH, "2025-09").toJobParameters());
		execution.setStatus(BatchStatus.COMPLETED);
		execution.setStartTime(T);
		execution.setEndTime(T.plusSeconds(10));
		step(execution, 1, "clientsStep", 0, 1_200, 6, 6, 1);
		// a flow whose two steps ran side by side, the second starting and ending within the first
		step(execution, 2, "reconciliationStep", 1_200, 4_700, 0, 0, 0);
		step(execution, 3, "reconcileEstimateSideStep", 1_300, 3_400, 0, 26, 1);
		step(execution, 4, "reconcileInvoiceSideStep", 1_350, 1_900, 0, 24, 1);
		step(execution, 5, "deliveryStep", 4_700, 4_750, 6, 0, 2);

		List<String> table = RunSummary.format(execution).lines().toList();

		assertThat(table.get(0)).isEqualTo("execution 7 · 2025-09, all clients · COMPLETED in 10.0 s");
		assertThat(table.subList(1, 7)).containsExactly(
				"  step                        status         time      read    loaded  rejected   skipped",
				"  clientsStep                 COMPLETED     1.2 s         6         6         0         0",
				"  reconciliationStep          COMPLETED     3.5 s",
				"    reconcileEstimateSideStep COMPLETED     2.1 s         0        26         0         0",
				"    reconcileInvoiceSideStep  COMPLETED     0.6 s         0        24         0         0",
				"  deliveryStep                COMPLETED     0.1 s         6         0         0         0");
	}

	private static void step(JobExecution execution, long id, String name, long startMillis, long endMillis, long read,
			long written, long commits) {
		StepExecution step = new StepExecution(id, name, execution);
		step.setStatus(BatchStatus.COMPLETED);
		step.setStartTime(T.plusNanos(startMillis * 1_000_000));
		step.setEndTime(T.plusNanos(endMillis * 1_000_000));
		step.setReadCount(read);
		step.setWriteCount(written);
		step.setCommitCount(commits);
		execution.addStepExecution(step);
	}

	@Test
	void directPaymentNumbersRunningOutOrNotRollingForwardNeedAttention() {
		BalanceMonth runsOut = balance("ch_011", null, true);
		BalanceMonth differs = balance("ch_012", new java.math.BigDecimal("-2.00"), false);
		BalanceMonth fine = balance("ch_013", java.math.BigDecimal.ZERO, false);
		BalanceMonth unknown = balance("ch_014", null, false);

		assertThat(RunSummary.balanceIssues(List.of(runsOut, differs, fine, unknown))).containsExactly(
				"1 number on Direct Payment running out of funds within a week (ch_011)",
				"1 prepaid balance that does not roll forward (ch_012)");
		assertThat(RunSummary.balanceIssues(List.of(fine, unknown))).isEmpty();
	}

	private static BalanceMonth balance(String channel, java.math.BigDecimal difference, boolean runsOutSoon) {
		return new BalanceMonth("c_001", channel, null, "EUR", null, java.math.BigDecimal.ZERO, java.math.BigDecimal.ZERO,
				java.math.BigDecimal.ZERO, null, null, difference, null, null, null, null, null, runsOutSoon, false, null,
				null, true);
	}

}
