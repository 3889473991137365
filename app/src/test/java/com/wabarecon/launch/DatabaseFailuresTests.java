package com.wabarecon.launch;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.BatchUpdateException;
import java.sql.SQLException;

import org.junit.jupiter.api.Test;
import org.springframework.batch.core.step.FatalStepExecutionException;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.transaction.TransactionSystemException;

/**
 * A lost database connection is told from other failures however deep the driver's error lies.
 */
class DatabaseFailuresTests {

	@Test
	void aConnectionErrorOrAServerShutdownAmongTheCausesIsALostConnection() {
		assertThat(DatabaseFailures.connectionLost(new IllegalStateException("chunk failed",
				new SQLException("An I/O error occurred while sending to the backend.", "08006")))).isTrue();
		assertThat(DatabaseFailures.connectionLost(
				new SQLException("terminating connection due to administrator command", "57P01"))).isTrue();
	}

	@Test
	void aBatchUpdateNamesTheServersErrorInItsNextException() {
		BatchUpdateException batch = new BatchUpdateException("Batch entry 0 INSERT ... was aborted", "", new int[0]);
		batch.setNextException(new SQLException("terminating connection due to administrator command", "57P01"));

		assertThat(DatabaseFailures.connectionLost(batch)).isTrue();
	}

	@Test
	void aRollbackThatFailedInTurnIsLookedThroughToTheFailureItHides() {
		// the pool's "Connection is closed" has no SQLState; the failure that made the step roll back has
		TransactionSystemException rollback = new TransactionSystemException("JDBC rollback failed",
				new SQLException("Connection is closed"));
		rollback.initApplicationException(new FatalStepExecutionException("Unable to process chunk",
				new SQLException("An I/O error occurred while sending to the backend.", "08006")));

		assertThat(DatabaseFailures.connectionLost(rollback)).isTrue();
	}

	@Test
	void otherDatabaseErrorsAreNot() {
		assertThat(DatabaseFailures.connectionLost(new DataIntegrityViolationException("duplicate key",
				new SQLException("duplicate key value violates unique constraint", "23505")))).isFalse();
		assertThat(DatabaseFailures.connectionLost(new TransactionSystemException("JDBC rollback failed",
				new SQLException("Connection is closed")))).isFalse();
		assertThat(DatabaseFailures.connectionLost(new IllegalStateException("tie-out failed"))).isFalse();
	}

}
