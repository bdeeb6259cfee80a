package org.migrationledger.client.reports;

import org.migrationledger.client.http.LedgerWrite;

/**
 * The body of {@code POST …/environments/{env}/rollbacks}. Sent by {@code ledger record-rollback} and by the Flyway
 * callback after an undo.
 *
 * @param method {@code DOWN_SCRIPT}, {@code RESTORE} or {@code FORWARD_FIX}
 */
public record RollbackReport(String migrationId, String reason, String method, String tool, String runUrl) {

    public LedgerWrite toWrite(String database, String environment, String summary) {
        return LedgerWrite.toEnvironment(database, environment, "rollbacks", this, summary);
    }
}
