package org.migrationledger.client.cli;

import org.migrationledger.client.http.LedgerAnswer;

/** The exit codes a CI job can branch on. */
final class ExitCodes {

    /** Everything was recorded, allowed or found. */
    static final int OK = 0;
    /** The gate refused, the ledger refused a decision (409), or a fact was recorded with policy violations. */
    static final int REFUSED = 1;
    /** Bad flags or input, or the ledger found the request invalid, unauthorised or about something unknown. */
    static final int USAGE = 2;
    /** The ledger could not be reached, or failed with a server error. */
    static final int UNREACHABLE = 3;

    private ExitCodes() {}

    static int of(LedgerAnswer answer) {
        if (answer.succeeded()) {
            return OK;
        }
        if (answer.status() == 409) {
            return REFUSED;
        }
        return answer.status() >= 500 ? UNREACHABLE : USAGE;
    }

    /** The worse of two exit codes: unreachable over usage over refused over ok. */
    static int worst(int left, int right) {
        return Math.max(left, right);
    }
}
