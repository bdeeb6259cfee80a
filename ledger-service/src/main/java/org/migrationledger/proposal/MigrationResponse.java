package org.migrationledger.proposal;

import java.util.List;
import org.migrationledger.api.events.ClassificationWaiver;
import org.migrationledger.api.events.MigrationAnalysis;
import org.migrationledger.api.events.MigrationProposed;
import org.migrationledger.api.events.RiskAssessment;

/** A proposed migration as the API returns it, with its analysis (from the script, or from the declaration). */
record MigrationResponse(
        String database,
        String migrationId,
        String version,
        String description,
        String author,
        String proposedBy,
        String checksum,
        String status,
        String category,
        boolean breaking,
        boolean rollbackSafe,
        boolean hasDownScript,
        RiskAssessment risk,
        List<String> verificationQueries,
        String expandMigrationId,
        Analysis analysis,
        ClassificationWaiver waiver) {

    static MigrationResponse of(MigrationProposed proposed) {
        return new MigrationResponse(
                proposed.database(),
                proposed.migrationId(),
                proposed.version(),
                proposed.description(),
                proposed.author(),
                proposed.proposedBy(),
                proposed.checksum(),
                "PROPOSED",
                proposed.category(),
                proposed.breaking(),
                proposed.rollbackSafe(),
                proposed.downScript() != null && !proposed.downScript().isBlank(),
                proposed.risk(),
                proposed.verificationQueries(),
                proposed.expandMigrationId(),
                Analysis.of(proposed),
                proposed.waiver());
    }

    /**
     * A migration's analysis as every answer of the API shows it.
     *
     * @param basis {@code script} when the SQL was analysed, {@code declared} when only the proposal's declaration
     *     was available
     */
    record Analysis(
            String basis,
            boolean breaking,
            LockRisk lockRisk,
            boolean rollbackSafe,
            String category,
            List<MigrationAnalysis.Finding> findings,
            Integer statementCount,
            Integer unparsedStatementCount) {

        static Analysis of(MigrationProposed proposed) {
            return of(proposed.analysis(), proposed.breaking(), proposed.rollbackSafe(), proposed.category());
        }

        /** From the stored analysis, or from the recorded classification when no script was analysed. */
        static Analysis of(MigrationAnalysis analysis, boolean breaking, boolean rollbackSafe, String category) {
            if (analysis == null) {
                return new Analysis("declared", breaking, null, rollbackSafe, category, List.of(), null, null);
            }
            return new Analysis(
                    "script",
                    analysis.breaking(),
                    new LockRisk(analysis.strongestLock(), analysis.lockedTables()),
                    analysis.rollbackSafe(),
                    analysis.category(),
                    analysis.findings(),
                    analysis.statementCount(),
                    analysis.unparsedStatementCount());
        }
    }

    record LockRisk(String level, List<String> tables) {}
}
