package org.migrationledger.ledger;

import org.migrationledger.api.events.MigrationProposed;

/** Turns an accepted proposal into its event, with the classification it is recorded under. */
final class Proposals {

    private Proposals() {}

    static MigrationProposed proposed(ProposeMigration command, ProposalClassification classification) {
        return new MigrationProposed(
                command.database(),
                command.migrationId(),
                command.version(),
                command.description(),
                command.author() != null ? command.author() : command.proposedBy(),
                command.proposedBy(),
                command.checksum(),
                command.script(),
                command.downScript(),
                classification.category(),
                classification.breaking(),
                classification.rollbackSafe(),
                command.risk(),
                command.verificationQueries(),
                command.expandMigrationId(),
                command.analysis(),
                command.linterEvidence(),
                classification.understatements().isEmpty() ? null : command.waiver());
    }
}
