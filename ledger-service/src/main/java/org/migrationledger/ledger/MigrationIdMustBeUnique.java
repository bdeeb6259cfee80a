package org.migrationledger.ledger;

import java.util.Optional;

/**
 * Two developers who picked the same migration number must find out before either runs. The same id with another
 * script is more often an edited file proposed again than a clash, so the refusal says how to revise it too.
 */
record MigrationIdMustBeUnique(LedgerState state, String database, String migrationId, String checksum)
        implements DecisionRule {

    @Override
    public boolean isViolated() {
        return state.migration(migrationId).filter(known -> !adopts(known)).isPresent();
    }

    /** A proposal of a migration that ran unproposed, with the script that ran, puts it under review. */
    private boolean adopts(MigrationState known) {
        return known.status() == MigrationStatus.UNPROPOSED
                && (known.checksum() == null || known.checksum().equalsIgnoreCase(checksum));
    }

    @Override
    public LedgerRuleViolation violation() {
        Optional<String> proposedChecksum = state.migration(migrationId).map(MigrationState::checksum);
        if (state.migration(migrationId).orElseThrow().status() == MigrationStatus.UNPROPOSED) {
            return new LedgerRuleViolation(
                    "migration-id-collision",
                    LedgerRuleViolation.Refusal.CONFLICT,
                    ("Migration %s already ran unproposed with checksum %s; a proposal adopts it only with the script"
                                    + " that ran. Propose that script, or pick the next free number for another one.")
                            .formatted(migrationId, proposedChecksum.orElse(null)),
                    "checksum");
        }
        String detail = proposedChecksum
                        .filter(proposed -> !proposed.equalsIgnoreCase(checksum))
                        .isPresent()
                ? ("Migration id %s is already proposed in this database with another script (checksum %s). If you"
                                + " edited its file, post a revision instead: POST /api/v1/databases/%s/migrations/%s"
                                + "/revisions, or `ledger revise %s <file>`; approvals are then given again. If it is"
                                + " another migration, pick the next free number.")
                        .formatted(migrationId, proposedChecksum.get(), database, migrationId, database)
                : "Migration id " + migrationId + " is already taken in this database; pick the next free number.";
        return new LedgerRuleViolation(
                "migration-id-collision", LedgerRuleViolation.Refusal.CONFLICT, detail, "migrationId");
    }
}
