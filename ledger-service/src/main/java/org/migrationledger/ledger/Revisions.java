package org.migrationledger.ledger;

import org.migrationledger.api.events.MigrationAnalysis;
import org.migrationledger.api.events.MigrationRevised;

/**
 * How a revision is recorded: cosmetic when the normalised SQL is unchanged (comments, whitespace, keyword case),
 * semantic otherwise or when either script is unknown; classified from the new script's analysis, never below the
 * category already recorded.
 */
final class Revisions {

    static final String COSMETIC = "COSMETIC";
    static final String SEMANTIC = "SEMANTIC";

    private Revisions() {}

    static MigrationRevised revised(String database, MigrationState migration, ReviseMigration command) {
        MigrationAnalysis analysis = command.analysis();
        boolean cosmetic = analysis != null
                && migration.normalizedSqlHash() != null
                && migration.normalizedSqlHash().equals(analysis.normalizedSqlHash());
        String category = analysis == null ? migration.category() : stronger(migration.category(), analysis.category());
        boolean breaking = analysis == null ? migration.breaking() : analysis.breaking();
        boolean rollbackSafe = analysis == null ? migration.rollbackSafe() : analysis.rollbackSafe();
        return new MigrationRevised(
                database,
                migration.migrationId(),
                command.revisedBy(),
                migration.checksum(),
                command.checksum(),
                command.script(),
                command.downScript(),
                cosmetic ? COSMETIC : SEMANTIC,
                command.reason(),
                category,
                breaking,
                rollbackSafe,
                analysis);
    }

    private static String stronger(String recorded, String analysed) {
        return ProposalClassification.category(recorded).isWeakerThan(ProposalClassification.category(analysed))
                ? analysed
                : recorded;
    }
}
