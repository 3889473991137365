package com.wabarecon;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.springframework.batch.core.job.Job;
import org.springframework.batch.test.JobOperatorTestUtils;
import org.springframework.context.ApplicationContext;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.junit.jupiter.SpringExtension;

/**
 * Each test starts on an empty database, as if its application context had just started: every
 * row of every table is deleted (the directory, the month's inputs and results, the batch
 * repository), the migrations' history excepted. The test classes of one kind share one
 * application context and so one database ({@link CloseJobTest}): without this, a test would
 * see the clients, rejects and runs another class left.
 * <p>
 * The job {@link JobOperatorTestUtils} launches, which a test may have set to a job of its own
 * making, is the close job again.
 * <p>
 * Runs before the test class's own {@code @BeforeEach} methods.
 */
public final class EmptyDatabase implements BeforeEachCallback {

	/** The Flyway migrations applied: kept, the schema stays as it is. */
	private static final String MIGRATIONS = "flyway_schema_history";

	@Override
	public void beforeEach(ExtensionContext extension) {
		ApplicationContext context = SpringExtension.getApplicationContext(extension);
		empty(context.getBean(JdbcClient.class));
		context.getBeanProvider(JobOperatorTestUtils.class)
			.ifAvailable(jobs -> jobs.setJob(context.getBean("monthlyCloseJob", Job.class)));
	}

	/**
	 * Deletes every row of every table of the current schema but the migrations' history. A table
	 * another table's rows still refer to (a client its channels) is emptied after them.
	 */
	public static void empty(JdbcClient jdbc) {
		List<String> left = jdbc.sql("""
				SELECT table_name FROM information_schema.tables
				WHERE table_schema = CURRENT_SCHEMA AND table_type = 'BASE TABLE' AND LOWER(table_name) <> ?
				ORDER BY table_name""").param(MIGRATIONS).query(String.class).list();
		if (left.isEmpty()) {
			throw new IllegalStateException("no table to empty in the current schema: is this the migrated database?");
		}
		while (!left.isEmpty()) {
			List<String> referred = new ArrayList<>();
			DataIntegrityViolationException refusal = null;
			for (String table : left) {
				try {
					jdbc.sql("DELETE FROM " + table).update();
				}
				catch (DataIntegrityViolationException ex) {
					referred.add(table);
					refusal = ex;
				}
			}
			if (referred.size() == left.size()) {
				throw new IllegalStateException("cannot empty the tables " + referred, refusal);
			}
			left = referred;
		}
	}

}
