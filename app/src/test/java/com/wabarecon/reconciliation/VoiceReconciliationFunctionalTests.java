package com.wabarecon.reconciliation;

import com.wabarecon.CloseJobTest;

/** Voice lines reconciled ({@link VoiceReconciliationCases}) on the embedded database. */
@CloseJobTest
class VoiceReconciliationFunctionalTests extends VoiceReconciliationCases {

}
