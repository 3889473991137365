package com.wabarecon;

import java.nio.file.Path;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.boot.context.properties.bind.Name;

/**
 * Typed configuration of the close ({@code recon.*} in {@code application.yml}), grouped by
 * the stage that reads it.
 *
 * @param inbox default root of the month's input files, when a run names none
 * @param out default output folder, when a run names none
 * @param importing settings shared by every import step
 * @param schedule when the scheduled close runs ({@code jobs/monthly-close.yml})
 */
@ConfigurationProperties("recon")
public record ReconProperties(@DefaultValue("sample-invoices") Path inbox, @DefaultValue("out") Path out,
		@Name("import") @DefaultValue Import importing, @DefaultValue Schedule schedule) {

	/**
	 * @param chunkSize rows per transaction in the import steps
	 * @param maxRawContentChars how much of a rejected row is kept in the rejects file
	 */
	public record Import(@DefaultValue("1000") int chunkSize, @DefaultValue("2000") int maxRawContentChars) {
	}

	/**
	 * @param cron Spring cron expression of the monthly close
	 * @param zone the zone the cron expression is read in
	 */
	public record Schedule(@DefaultValue("0 0 6 3 * *") String cron, @DefaultValue("UTC") String zone) {
	}

}
