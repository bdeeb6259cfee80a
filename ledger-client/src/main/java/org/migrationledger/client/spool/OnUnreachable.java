package org.migrationledger.client.spool;

/** What a reporter does with a fact when the ledger cannot be reached. */
public enum OnUnreachable {
    /** Keep the report in the local spool and deliver it with the next run or {@code ledger flush}. */
    SPOOL,
    /** Fail: the Flyway run stops (before the next migration), the CLI exits with 3. */
    FAIL
}
