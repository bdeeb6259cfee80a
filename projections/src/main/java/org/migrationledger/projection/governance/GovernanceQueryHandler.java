package org.migrationledger.projection.governance;

import com.fasterxml.jackson.core.JsonProcessingException;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import org.axonframework.queryhandling.QueryHandler;
import org.migrationledger.api.queries.DriftAcknowledgementView;
import org.migrationledger.api.queries.DriftAcknowledgementsView;
import org.migrationledger.api.queries.DriftFindingView;
import org.migrationledger.api.queries.FindDriftAcknowledgements;
import org.migrationledger.projection.drift.DriftReview;
import org.migrationledger.projection.drift.DriftSource;
import org.migrationledger.projection.rebuild.Generations;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Governance's part of the drift report: a finding for each environment where a migration ran without being proposed,
 * no {@code PENDING_TOO_LONG} for a migration withdrawn or superseded, and acknowledged findings marked.
 */
@Component
class GovernanceQueryHandler implements DriftSource, DriftReview {

    private static final String PENDING_TOO_LONG = "PENDING_TOO_LONG";

    private final JdbcClient jdbc;
    private final Generations generations;
    private final Clock clock;

    GovernanceQueryHandler(JdbcClient jdbc, Generations generations, Clock clock) {
        this.jdbc = jdbc;
        this.generations = generations;
        this.clock = clock;
    }

    @Override
    public Set<String> kinds() {
        return Set.of("NOT_PROPOSED");
    }

    @Override
    public List<DriftFindingView> findings(String database) {
        return jdbc.sql("""
                        select migration_id, environment, status, recorded_at from governance_unproposed
                        where generation = ? and database_name = ? order by migration_id, environment""")
                .params(generation(), database)
                .query((rs, i) -> new DriftFindingView(
                        "NOT_PROPOSED",
                        "APPLIED".equals(rs.getString("status")) ? "HIGH" : "MEDIUM",
                        rs.getString("environment"),
                        rs.getString("migration_id"),
                        "%s ran in %s without being proposed (last fact: %s at %s); propose it with the same id and"
                                        .formatted(
                                                rs.getString("migration_id"),
                                                rs.getString("environment"),
                                                rs.getString("status").toLowerCase(java.util.Locale.ROOT),
                                                rs.getTimestamp("recorded_at").toInstant())
                                + " checksum to put it under review."))
                .list();
    }

    @Override
    public List<DriftFindingView> review(String database, List<DriftFindingView> findings, Instant now) {
        int generation = generation();
        Set<String> ended = Set.copyOf(
                jdbc.sql("""
                        select migration_id from governance_ended where generation = ? and database_name = ?""").params(generation, database).query(String.class).list());
        List<DriftAcknowledgementView> inForce = acknowledgements(generation, database, now).stream()
                .filter(DriftAcknowledgementView::inForce)
                .toList();
        return findings.stream()
                .filter(f -> !(PENDING_TOO_LONG.equals(f.kind()) && ended.contains(f.migrationId())))
                .map(f -> inForce.stream()
                        .filter(acknowledgement -> covers(acknowledgement, f))
                        .findFirst()
                        .map(a -> f.acknowledged(new DriftFindingView.Acknowledgement(
                                a.acknowledgementId(),
                                a.acknowledgedBy(),
                                a.reason(),
                                a.acknowledgedAt(),
                                a.expiresAt())))
                        .orElse(f))
                .toList();
    }

    @QueryHandler
    DriftAcknowledgementsView handle(FindDriftAcknowledgements query) {
        return new DriftAcknowledgementsView(
                query.database(), acknowledgements(generation(), query.database(), clock.instant()));
    }

    /**
     * An acknowledgement covers a finding as it stood: the same kind, environment and migration, and the same
     * detail. A finding whose detail changed (the structural difference grew) is new drift. Only the detail of
     * {@code PENDING_TOO_LONG} changes with the clock alone, so there the migration suffices.
     */
    static boolean covers(DriftAcknowledgementView acknowledgement, DriftFindingView finding) {
        return acknowledgement.kind().equals(finding.kind())
                && acknowledgement.environment().equals(finding.environment())
                && (acknowledgement.migrationId() == null
                        || acknowledgement.migrationId().equals(finding.migrationId()))
                && (PENDING_TOO_LONG.equals(finding.kind())
                        || acknowledgement.findings().contains(finding.detail()));
    }

    private List<DriftAcknowledgementView> acknowledgements(int generation, String database, Instant now) {
        return jdbc.sql("""
                        select acknowledgement_id, kind, environment, migration_id, object, findings::text as findings,
                        reason, acknowledged_by, acknowledged_at, expires_at, withdrawn_by, withdrawn_at
                        from governance_acknowledgement where generation = ? and database_name = ?
                        order by sequence_number desc""")
                .params(generation, database)
                .query((rs, i) -> acknowledgement(database, rs, now))
                .list();
    }

    private static DriftAcknowledgementView acknowledgement(String database, ResultSet rs, Instant now)
            throws SQLException {
        Instant expiresAt = instant(rs, "expires_at");
        Instant withdrawnAt = instant(rs, "withdrawn_at");
        return new DriftAcknowledgementView(
                rs.getString("acknowledgement_id"),
                database,
                rs.getString("kind"),
                rs.getString("environment"),
                rs.getString("migration_id"),
                rs.getString("object"),
                acceptedDetails(rs.getString("findings")),
                rs.getString("reason"),
                rs.getString("acknowledged_by"),
                instant(rs, "acknowledged_at"),
                expiresAt,
                withdrawnAt == null && (expiresAt == null || expiresAt.isAfter(now)),
                rs.getString("withdrawn_by"),
                withdrawnAt);
    }

    private static Instant instant(ResultSet rs, String column) throws SQLException {
        java.sql.Timestamp value = rs.getTimestamp(column);
        return value == null ? null : value.toInstant();
    }

    private static List<String> acceptedDetails(String json) {
        try {
            return List.of(GovernanceProjection.JSON.readValue(json, String[].class));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Unreadable findings in governance_acknowledgement", e);
        }
    }

    private int generation() {
        return generations.active(GovernanceReadModel.NAME);
    }
}
