package org.migrationledger.projection.compatibility;

import com.fasterxml.jackson.core.JsonProcessingException;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import org.migrationledger.api.events.ClassificationWaiver;
import org.migrationledger.api.events.LinterEvidence;
import org.migrationledger.api.events.MigrationAnalysis;
import org.migrationledger.api.events.RiskAssessment;
import org.migrationledger.api.queries.ProposalView;

/** A row of {@code compatibility_migration}. */
record MigrationRow(
        String migrationId,
        long proposalSequence,
        String version,
        String description,
        String author,
        String proposedBy,
        Instant proposedAt,
        String checksum,
        String category,
        boolean breaking,
        boolean rollbackSafe,
        boolean hasDownScript,
        String expandMigrationId,
        String riskJson,
        String analysisJson,
        String linterEvidenceJson,
        String waiverJson,
        Long rejectionSequence,
        String rejectedBy,
        String rejectionReason) {

    static final String COLUMNS = """
            migration_id, proposal_sequence, version, description, author, proposed_by,
            proposed_at, checksum, category, breaking, rollback_safe, has_down_script, expand_migration_id,
            risk::text as risk, analysis::text as analysis, linter_evidence::text as linter_evidence,
            waiver::text as waiver, rejection_sequence, rejected_by, rejection_reason""";

    static MigrationRow read(ResultSet rs, int row) throws SQLException {
        long rejection = rs.getLong("rejection_sequence");
        Long rejectionSequence = rs.wasNull() ? null : rejection;
        return new MigrationRow(
                rs.getString("migration_id"),
                rs.getLong("proposal_sequence"),
                rs.getString("version"),
                rs.getString("description"),
                rs.getString("author"),
                rs.getString("proposed_by"),
                rs.getTimestamp("proposed_at").toInstant(),
                rs.getString("checksum"),
                rs.getString("category"),
                rs.getBoolean("breaking"),
                rs.getBoolean("rollback_safe"),
                rs.getBoolean("has_down_script"),
                rs.getString("expand_migration_id"),
                rs.getString("risk"),
                rs.getString("analysis"),
                rs.getString("linter_evidence"),
                rs.getString("waiver"),
                rejectionSequence,
                rs.getString("rejected_by"),
                rs.getString("rejection_reason"));
    }

    /** What the proposal says, as the read model holds it. */
    ProposalView proposal(String database) {
        return new ProposalView(
                database,
                migrationId,
                version,
                description,
                author,
                proposedBy,
                checksum,
                category,
                breaking,
                rollbackSafe,
                hasDownScript,
                read(riskJson, RiskAssessment.class),
                expandMigrationId,
                read(analysisJson, MigrationAnalysis.class),
                List.of(read(linterEvidenceJson, LinterEvidence[].class)),
                read(waiverJson, ClassificationWaiver.class));
    }

    boolean rejected() {
        return rejectionSequence != null && rejectionSequence > proposalSequence;
    }

    private static <T> T read(String json, Class<T> type) {
        if (json == null) {
            return null;
        }
        try {
            return CompatibilityReadModel.JSON.readValue(json, type);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Unreadable " + type.getSimpleName() + " in compatibility_migration", e);
        }
    }
}
