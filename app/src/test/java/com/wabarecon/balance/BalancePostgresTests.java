package com.wabarecon.balance;

import com.wabarecon.PostgresCloseJobTest;

/** Prepaid balances ({@link BalanceCases}) on PostgreSQL. */
@PostgresCloseJobTest
class BalancePostgresTests extends BalanceCases {

}
