package com.wabarecon.balance;

import com.wabarecon.CloseJobTest;

/** Prepaid balances ({@link BalanceCases}) on the embedded database. */
@CloseJobTest
class BalanceFunctionalTests extends BalanceCases {

}
