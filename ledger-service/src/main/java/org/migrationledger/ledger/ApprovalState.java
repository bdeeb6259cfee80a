package org.migrationledger.ledger;

/** One approval as the aggregate remembers it. */
record ApprovalState(String approvedBy, String role, String checksum) {

    boolean byDba() {
        return "dba".equals(role);
    }
}
