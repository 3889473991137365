package com.wabarecon.reconciliation;

import com.wabarecon.PostgresCloseJobTest;

/** Voice lines reconciled ({@link VoiceReconciliationCases}) on PostgreSQL, where the calls load with COPY. */
@PostgresCloseJobTest
class VoiceReconciliationPostgresTests extends VoiceReconciliationCases {

}
