package com.wabarecon;

import static com.wabarecon.StopAfterStage.CONTINUE;
import static com.wabarecon.StopAfterStage.STOP;

import org.springframework.batch.core.job.Job;
import org.springframework.batch.core.job.builder.FlowBuilder;
import org.springframework.batch.core.job.builder.JobBuilder;
import org.springframework.batch.core.job.flow.Flow;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.core.step.Step;
import org.springframework.batch.core.step.builder.StepBuilder;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.task.SimpleAsyncTaskExecutor;

/**
 * The monthly close: the order of its steps, nothing else. Each stage's steps are defined in
 * the stage's package; after each stage the run may stop ({@code --until}).
 */
@Configuration
class CloseJobConfiguration {

	@Bean
	Job monthlyCloseJob(JobRepository jobRepository, CloseJobParametersValidator parametersValidator,
			Step inboxStep, Step clientsStep, Step channelsStep, Step autoRenewalStep, Step usageImportStep,
			Step estimatePricingStep,
			Step callPricingStep, Step invoiceImportStep,
			Step rejectsReportStep, Step importGuardStep, Step reconciliationStep, Step usageIndexStep, Step statementsStep,
			Step deliveryStep) {
		var afterImport = new StopAfterStage(Stage.IMPORT);
		var afterReconcile = new StopAfterStage(Stage.RECONCILE);
		var afterStatements = new StopAfterStage(Stage.STATEMENTS);
		// the pricing is database work and the invoice import mostly parsing: neither waits for the
		// other. The usage import, which loads what the pricing prices, comes before both.
		Flow pricingAndInvoice = new FlowBuilder<Flow>("pricingAndInvoice").split(new SimpleAsyncTaskExecutor("import-"))
			.add(new FlowBuilder<Flow>("pricing").start(estimatePricingStep).next(callPricingStep).build(),
					new FlowBuilder<Flow>("invoice").start(invoiceImportStep).build())
			.build();
		Step pricingAndInvoiceStep = new StepBuilder("pricingAndInvoiceStep", jobRepository).flow(pricingAndInvoice)
			.build();
		return new JobBuilder(CloseJobParameters.JOB_NAME, jobRepository).validator(parametersValidator)
			.listener(new ProcessOwner(jobRepository))
			.start(inboxStep) // every file of the month: read, refused or not read, with the reason
			.next(clientsStep)
			.next(channelsStep)
			.next(autoRenewalStep)
			.next(usageImportStep)
			.next(pricingAndInvoiceStep)
			.next(rejectsReportStep)
			// a run asked to stop after a stage ends STOPPED: the month stays open, and the next
			// start of the close resumes it at the following stage
			.next(afterImport).on(STOP).stopAndRestart(importGuardStep)
			// a close with too little to stand on is refused here: nothing reconciled, rendered or sent
			.from(afterImport).on(CONTINUE).to(importGuardStep)
			.next(reconciliationStep)
			.next(afterReconcile).on(STOP).stopAndRestart(usageIndexStep)
			.from(afterReconcile).on(CONTINUE).to(usageIndexStep) // the statements read the estimates by channel
			.next(statementsStep)
			.next(afterStatements).on(STOP).stopAndRestart(deliveryStep)
			.from(afterStatements).on(CONTINUE).to(deliveryStep)
			.end()
			.build();
	}

}
